// Routes that take a whole file as the request body (values files, old reports) live
// in their own Fastify scope: there every content type arrives as raw bytes (the
// importers recognise the format by content), the body limit is the importers' 20 MB,
// and an oversized body is answered with that limit in Vietnamese. Every other route
// keeps the JSON parser and the server's small global limit.
import type { FastifyError } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../app/app-error.ts';
import { LIMITS, megabytes } from '../../exchange/legacy-report/legacy-import-error.ts';
import type { ZodApp } from '../context.ts';

/** Largest uploaded file: the legacy-report readers' limit, also used for values files. */
export const UPLOAD_BODY_LIMIT = LIMITS.maxFileBytes;

/** Content types the upload routes document; any other is accepted too and read by content. */
export const UPLOAD_CONTENT_TYPES = [
  'application/octet-stream',
  'application/json',
  'text/csv',
  'application/adx+xml',
  'application/xml',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'text/markdown',
  'text/plain',
] as const;

/** The body schema of an upload route: raw bytes (absent when the body is empty). */
export const ZUploadBody = z.custom<Buffer>((value) => Buffer.isBuffer(value), { message: 'Nội dung phải là tệp (byte).' })
  .optional()
  .meta({ type: 'string', format: 'binary', description: 'Nội dung tệp (byte), gửi nguyên tệp làm thân yêu cầu' });

export function registerUploadScope(app: ZodApp, register: (scoped: ZodApp) => void): void {
  void app.register(async (plugin) => {
    const scoped = plugin as unknown as ZodApp;
    scoped.removeAllContentTypeParsers();
    scoped.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: UPLOAD_BODY_LIMIT }, (_request, body, done) => done(null, body));
    scoped.setErrorHandler((error: FastifyError) => {
      if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
        throw new AppError('payload_too_large', `Tệp gửi lên vượt giới hạn ${megabytes(UPLOAD_BODY_LIMIT)}; không ghi gì.`, { field: 'body' });
      }
      // Everything else is answered by the server's error handler.
      throw error;
    });
    register(scoped);
  });
}

/** RFC 6266: an ASCII fallback and the Vietnamese name in UTF-8. */
export function attachment(asciiName: string, vietnameseName: string): string {
  return `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(vietnameseName)}`;
}
