// GET /healthz: liveness, the process answers (never touches the database, so an
// orchestrator does not restart a healthy server while the database restarts).
// GET /readyz: readiness, the database answers within a bound and its schema is
// current; 503 with Retry-After otherwise, so a load balancer holds traffic back.
import { z } from 'zod';
import type { ApiContext, ZodApp } from '../../context.ts';
import { DATABASE_RETRY_AFTER_SECONDS } from '../../errors.ts';
import { DATABASE_UNAVAILABLE_MESSAGE } from '../../../storage/database-unavailable.ts';

/** Longest /readyz waits for the database: a probe must not hang on a black-holed server. */
export const READINESS_TIMEOUT_MS = 2_000;

const ZDatabase = z.enum(['sqlite', 'postgres']);

function withinBound<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export function registerHealthRoutes(app: ZodApp, context: ApiContext): void {
  app.get('/healthz', { config: { isPublic: true }, schema: { tags: ['system'], summary: 'Tiến trình còn hoạt động (liveness)', response: { 200: z.object({ status: z.literal('ok'), database: ZDatabase }) } } }, async () => {
    return { status: 'ok' as const, database: context.store.dialect };
  });

  app.get('/readyz', {
    config: { isPublic: true },
    schema: {
      tags: ['system'],
      summary: 'Sẵn sàng phục vụ: cơ sở dữ liệu trả lời và cấu trúc đã cập nhật (readiness)',
      response: {
        200: z.object({ status: z.literal('ready'), database: ZDatabase }),
        503: z.object({ status: z.literal('unavailable'), database: ZDatabase, message: z.string(), pendingMigrations: z.array(z.string()).optional() }),
      },
    },
  }, async (request, reply) => {
    const database = context.store.dialect;
    try {
      await withinBound(context.store.ping(), READINESS_TIMEOUT_MS);
      const pending = await withinBound(context.store.pendingMigrations(), READINESS_TIMEOUT_MS);
      if (pending.length > 0) {
        reply.header('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
        return reply.code(503).send({ status: 'unavailable' as const, database, message: `Cơ sở dữ liệu chưa cập nhật cấu trúc: còn ${pending.length} thay đổi chưa áp dụng (chạy "baocao db migrate").`, pendingMigrations: pending });
      }
      return { status: 'ready' as const, database };
    } catch (error) {
      request.log.warn({ err: error }, 'readiness check failed');
      reply.header('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
      return reply.code(503).send({ status: 'unavailable' as const, database, message: `${DATABASE_UNAVAILABLE_MESSAGE}.` });
    }
  });
}
