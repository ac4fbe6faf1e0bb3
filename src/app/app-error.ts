// The one error a use case throws for a request it refuses (not for bad rows in a
// file: those are findings). Codes are stable and documented in docs/api-errors.md;
// src/api maps each to an HTTP status, the CLI to an exit code.
export const APP_ERROR_CODES = [
  'bad_request',
  'unauthenticated',
  'forbidden',
  'csrf_invalid',
  'not_found',
  'conflict',
  'period_locked',
  'invalid_transition',
  'rate_limited',
  'payload_too_large',
  'unsupported_media_type',
  'database_unavailable',
  'internal',
] as const;
export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

export class AppError extends Error {
  readonly code: AppErrorCode;
  /** The field at fault, for bad_request (`body.dataValues.0.value`). */
  readonly field: string | undefined;
  /** Extra data for the client (the current version on a conflict, …). */
  readonly details: Readonly<Record<string, unknown>> | undefined;

  /** `message` is Vietnamese: it is shown to the user as is. */
  constructor(code: AppErrorCode, message: string, options: { field?: string; details?: Record<string, unknown> } = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.field = options.field;
    this.details = options.details;
  }
}

export const forbidden = (message = 'Bạn không có quyền thực hiện thao tác này trên đơn vị này.') => new AppError('forbidden', message);
export const notFound = (message: string) => new AppError('not_found', message);
