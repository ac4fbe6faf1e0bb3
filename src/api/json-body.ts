// The JSON body parser of every API route (upload routes take raw bytes instead): the
// bytes must be UTF-8 (a broken byte is refused, never stored as U+FFFD), and the text
// within the limits of core/json-limits.ts (nesting, numbers JSON.parse would round),
// each refusal a 400 naming where; then Fastify's own parser, which refuses
// __proto__ and constructor keys.
import { isUtf8 } from 'node:buffer';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../app/app-error.ts';
import { checkJsonLimits, describeJsonProblem } from '../core/json-limits.ts';

export function installJsonBodyParser(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const bytes = body as Buffer;
    if (!isUtf8(bytes)) {
      done(new AppError('bad_request', 'Nội dung gửi lên không phải văn bản UTF-8 hợp lệ (có byte hỏng); không ghi gì.', { field: 'body' }), undefined);
      return;
    }
    // A byte order mark (Windows tools write one) is not part of the JSON.
    const raw = bytes.toString('utf8');
    const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
    const problem = checkJsonLimits(text);
    if (problem) {
      const { field, message } = describeJsonProblem(problem, 'body');
      done(new AppError('bad_request', `${message} Không ghi gì.`, { field }), undefined);
      return;
    }
    parseJson(request, text, done);
  });
}
