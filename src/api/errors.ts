// One place that turns failures into JSON `{ code, message }`: AppError codes map to
// HTTP statuses here (documented in docs/api-errors.md); request validation becomes
// bad_request naming the field; anything unexpected is logged and answered 500
// without internals.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../app/app-error.ts';
import type { AppErrorCode } from '../app/app-error.ts';
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from '../storage/database-unavailable.ts';

/** Seconds a client should wait before retrying while the database is away. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

export const STATUS_OF: Readonly<Record<AppErrorCode, number>> = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  csrf_invalid: 403,
  not_found: 404,
  conflict: 409,
  period_locked: 409,
  invalid_transition: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  database_unavailable: 503,
};

export const ZError = z.object({
  code: z.string().describe('Mã lỗi ổn định, xem docs/api-errors.md'),
  message: z.string().describe('Thông báo tiếng Việt cho người dùng'),
  field: z.string().optional().describe('Trường bị lỗi (body.dataValues.0.value)'),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type TError = z.infer<typeof ZError>;

interface ValidationIssue {
  readonly keyword?: string;
  readonly instancePath?: string;
  readonly message?: string;
  readonly params?: Record<string, unknown>;
}

const CONTEXT_LABELS: Readonly<Record<string, string>> = { body: 'nội dung', querystring: 'tham số', params: 'đường dẫn', headers: 'tiêu đề' };

/** `body.dataValues.0.value` for the first issue; an unknown key is named itself. */
function describeValidation(error: FastifyError): { field: string; message: string } {
  const context = error.validationContext ?? 'body';
  const issue = (error.validation?.[0] ?? {}) as ValidationIssue;
  const segments = (issue.instancePath ?? '').split('/').filter((s) => s !== '');
  const keys = issue.params?.['keys'];
  if (issue.keyword === 'unrecognized_keys' && Array.isArray(keys) && keys.length > 0) {
    const field = [context, ...segments, String(keys[0])].join('.');
    return { field, message: `Trường không được phép: ${field} (${CONTEXT_LABELS[context] ?? context} không nhận trường "${String(keys[0])}").` };
  }
  const field = [context, ...segments].join('.');
  return { field, message: `Trường ${field} không hợp lệ: ${issue.message ?? 'sai định dạng'}.` };
}

export function send(reply: FastifyReply, code: AppErrorCode, message: string, extra: { field?: string; details?: Record<string, unknown> } = {}): FastifyReply {
  const body: TError = { code, message, ...(extra.field ? { field: extra.field } : {}), ...(extra.details ? { details: extra.details } : {}) };
  return reply.code(STATUS_OF[code]).type('application/json; charset=utf-8').send(body);
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof AppError) {
      return send(reply, error.code, error.message, { ...(error.field ? { field: error.field } : {}), ...(error.details ? { details: { ...error.details } } : {}) });
    }
    if (error.validation) {
      const { field, message } = describeValidation(error);
      return send(reply, 'bad_request', message, { field });
    }
    switch (error.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return send(reply, 'payload_too_large', 'Nội dung gửi lên quá lớn.', { field: 'body' });
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return send(reply, 'unsupported_media_type', 'Kiểu nội dung không được hỗ trợ; dùng application/json.', { field: 'content-type' });
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return send(reply, 'bad_request', 'Thiếu nội dung JSON.', { field: 'body' });
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
        return send(reply, 'bad_request', 'Nội dung JSON sai cú pháp.', { field: 'body' });
    }
    if (isDatabaseUnavailable(error)) {
      // A restart or a dropped connection: the transaction rolled back, nothing was
      // half-written, and the pool reconnects on its own. Say so and when to retry.
      request.log.warn({ code: (error as { code?: unknown }).code, reason: error.message }, 'database unavailable');
      reply.header('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
      return send(reply, 'database_unavailable', `${DATABASE_UNAVAILABLE_MESSAGE}; vui lòng thử lại sau ít giây. Thay đổi chưa được lưu.`);
    }
    if (error instanceof SyntaxError || error.statusCode === 400) {
      return send(reply, 'bad_request', 'Yêu cầu không hợp lệ (nội dung JSON sai cú pháp?).', { field: 'body' });
    }
    request.log.error({ err: error }, 'unexpected error');
    return send(reply, 'internal', 'Lỗi máy chủ; vui lòng thử lại hoặc báo quản trị.');
  });
  app.setNotFoundHandler((request, reply) => send(reply, 'not_found', `Không có đường dẫn ${request.method} ${request.url.split('?')[0]}.`));
}
