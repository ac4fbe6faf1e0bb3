// GET /api/templates (codes and names), GET /api/templates/:code (the section tree with
// blocks and owners). Templates are shared by every unit: any signed-in user reads them.
import { z } from 'zod';
import { AppError } from '../../../app/app-error.ts';
import type { ApiContext, ZodApp } from '../../context.ts';
import { ERRORS } from '../schemas.ts';

export function registerTemplateRoutes(app: ZodApp, context: ApiContext): void {
  app.get('/api/templates', {
    schema: { tags: ['templates'], summary: 'Danh sách đề cương báo cáo', response: { 200: z.array(z.object({ code: z.string(), name: z.string() })), ...ERRORS } },
  }, async () => (await context.store.templates.list()).map((t) => ({ code: t.code, name: t.name })));

  app.get('/api/templates/:code', {
    schema: {
      tags: ['templates'], summary: 'Đề cương báo cáo: các mục, khối và phòng phụ trách',
      params: z.strictObject({ code: z.string().min(1).max(64) }),
      response: { 200: z.unknown(), ...ERRORS },
    },
  }, async (request) => {
    const template = await context.store.templates.get(request.params.code);
    if (!template) throw new AppError('not_found', `Không có đề cương "${request.params.code}".`, { field: 'params.code' });
    return template;
  });
}
