// The server's structured logs (pino, through Fastify): one JSON line per event, each
// request's lines carrying its request id, and never a password, a token or a session
// id. The id is the caller's `x-request-id` when it looks like one (so a proxy's id
// follows the request through), else a new UUID; it is echoed in the response header.
import { randomUUID } from 'node:crypto';
import type { FastifyServerOptions } from 'fastify';
import type { IncomingMessage } from 'node:http';

export const REQUEST_ID_HEADER = 'x-request-id';
const USABLE_REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * Paths pino blanks out wherever they occur in a logged object: credentials in
 * headers and in anything a route or an error might log (a login body, a token row).
 */
export const REDACTED_PATHS = [
  'req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]',
  '*.password', '*.newPassword', '*.passwordHash', '*.token', '*.tokenHash', '*.sessionToken', '*.bearerToken', '*.csrfToken',
  'body.password', 'body.token',
];

export function genRequestId(request: IncomingMessage): string {
  const given = request.headers[REQUEST_ID_HEADER];
  return typeof given === 'string' && USABLE_REQUEST_ID.test(given) ? given : randomUUID();
}

/** Logger settings for Fastify; `destination` lets tests read the lines. */
export function loggerOptions({ level, destination }: { level: string; destination?: NodeJS.WritableStream }): FastifyServerOptions['logger'] {
  return {
    level,
    redact: { paths: REDACTED_PATHS, censor: '[ẩn]' },
    serializers: {
      // The path only: a query string is the caller's data, and one day it may carry a secret.
      req: (request: { method: string; url: string; id?: string; ip?: string }) => ({ method: request.method, path: request.url.split('?')[0], ip: request.ip }),
    },
    ...(destination ? { stream: destination } : {}),
  };
}
