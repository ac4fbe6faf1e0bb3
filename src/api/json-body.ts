// The JSON body parser of every API route (upload routes take raw bytes instead): the
// bytes must be UTF-8 (a broken byte is refused, never stored as U+FFFD), and the text
// within the limits of core/json-limits.ts (nesting, numbers JSON.parse would round),
// each refusal a 400 naming where; then Fastify's own parser, which refuses
// __proto__ and constructor keys.
import type { FastifyInstance } from 'fastify';
import { AppError } from '../app/app-error.ts';
import { checkJsonLimits, describeJsonProblem } from '../core/json-limits.ts';

/** One decoder for every request (a decode without `stream` keeps no state); it drops a BOM. */
const UTF8 = new TextDecoder('utf-8', { fatal: true });

export function installJsonBodyParser(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    let text: string;
    try {
      text = UTF8.decode(body as Buffer);
    } catch {
      done(new AppError('bad_request', 'Nội dung gửi lên không phải văn bản UTF-8 hợp lệ (có byte hỏng); không ghi gì.', { field: 'body' }), undefined);
      return;
    }
    const problem = checkJsonLimits(text);
    if (problem) {
      const { field, message } = describeJsonProblem(problem, 'body');
      done(new AppError('bad_request', `${message} Không ghi gì.`, { field }), undefined);
      return;
    }
    parseJson(request, text, done);
  });
}
