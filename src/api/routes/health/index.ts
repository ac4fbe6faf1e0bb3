// GET /healthz: the process is up and the database answers.
import { z } from 'zod';
import type { ApiContext, ZodApp } from '../../context.ts';

export function registerHealthRoutes(app: ZodApp, context: ApiContext): void {
  app.get('/healthz', { config: { isPublic: true }, schema: { tags: ['system'], summary: 'Kiểm tra hoạt động', response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgres']) }) } } }, async () => {
    await context.store.orgUnits.get('__healthz__');
    return { status: 'ok' as const, database: context.store.dialect };
  });
}
