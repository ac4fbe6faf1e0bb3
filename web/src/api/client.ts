// The only way the web app talks to the server: fetch with the session cookie, and
// the CSRF token (from login or GET /api/me) echoed on every write. Errors come back
// as ApiError carrying the server's stable `code` and its Vietnamese `message`.
import { fileNameOf } from '../lib/content-disposition.ts';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | undefined;
  readonly details: Record<string, unknown> | undefined;

  constructor(status: number, code: string, message: string, field?: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.field = field;
    this.details = details;
  }
}

let csrfToken: string | null = null;

/** Remembered from the login response and GET /api/me; sent as x-csrf-token on writes. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called on 401 so the app can go back to the login page. */
let onUnauthenticated: (() => void) | null = null;
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function errorOf(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (a proxy's HTML page): fall through to a generic message.
  }
  if (body && typeof body === 'object' && 'message' in body) {
    const b = body as { code?: string; message: string; field?: string; details?: Record<string, unknown> };
    return new ApiError(response.status, b.code ?? 'error', b.message, b.field, b.details);
  }
  return new ApiError(response.status, 'http_error', `Máy chủ trả lời lỗi ${response.status}.`);
}

/** Sends a request; a network failure or an error status becomes an ApiError. */
async function send(path: string, init: RequestInit, { notifyUnauthenticated = true } = {}): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'same-origin', ...init });
  } catch {
    throw new ApiError(0, 'network', 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.');
  }
  if (!response.ok) {
    const error = await errorOf(response);
    if (response.status === 401 && notifyUnauthenticated && onUnauthenticated) onUnauthenticated();
    throw error;
  }
  return response;
}

export async function request<T>(method: string, path: string, options: { query?: Query; body?: unknown; headers?: Record<string, string> } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['x-csrf-token'] = csrfToken;
  // A wrong password at login is a 401 too, but not a lost session.
  const response = await send(withQuery(path, options.query), {
    method,
    headers,
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  }, { notifyUnauthenticated: path !== '/api/session' });
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('application/json')) return (await response.json()) as T;
  return (await response.text()) as T;
}

/**
 * A whole file as the request body (the upload routes read raw bytes and recognise the
 * format by content); the answer is JSON like any other route's.
 */
export async function upload<T>(path: string, file: Blob, query?: Query, headers: Record<string, string> = {}): Promise<T> {
  const all: Record<string, string> = { accept: 'application/json', 'content-type': file.type || 'application/octet-stream', ...headers };
  if (csrfToken) all['x-csrf-token'] = csrfToken;
  const response = await send(withQuery(path, query), { method: 'POST', headers: all, body: file });
  return (await response.json()) as T;
}

/** A file the server offers for download, with the name from its Content-Disposition. */
export async function fetchFile(path: string, query?: Query): Promise<{ blob: Blob; fileName: string | null }> {
  const response = await send(withQuery(path, query), {});
  return { blob: await response.blob(), fileName: fileNameOf(response.headers.get('content-disposition')) };
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, query ? { query } : {}),
  post: <T>(path: string, body?: unknown, query?: Query) => request<T>('POST', path, { body: body ?? {}, ...(query ? { query } : {}) }),
  put: <T>(path: string, body: unknown, query?: Query) => request<T>('PUT', path, { body, ...(query ? { query } : {}) }),
  patch: <T>(path: string, body: unknown, headers?: Record<string, string>) => request<T>('PATCH', path, { body, ...(headers ? { headers } : {}) }),
  delete: <T>(path: string, headers?: Record<string, string>) => request<T>('DELETE', path, headers ? { headers } : {}),
};

/** A readable Vietnamese message for anything thrown by a query or mutation. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return 'Đã có lỗi xảy ra.';
}
