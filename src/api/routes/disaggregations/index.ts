// GET /api/disaggregations: the dimensions and their options with Vietnamese names
// (kênh: trực tiếp / trực tuyến; cấp: tỉnh / huyện / xã), for column headings.
import { z } from 'zod';
import { loadCatalogue } from '../../../app/analysis/load-catalogue.ts';
import type { ApiContext, ZodApp } from '../../context.ts';
import { ERRORS } from '../schemas.ts';

const ZDisaggregation = z.object({ code: z.string(), name: z.string(), options: z.array(z.object({ code: z.string(), name: z.string() })) });

export function registerDisaggregationRoutes(app: ZodApp, context: ApiContext): void {
  app.get('/api/disaggregations', {
    schema: { tags: ['catalogue'], summary: 'Danh mục phân tổ và các mục của chúng', response: { 200: z.object({ disaggregations: z.array(ZDisaggregation) }), ...ERRORS } },
  }, async () => {
    const { catalogue } = await loadCatalogue({ store: context.store });
    return {
      disaggregations: catalogue.disaggregations().map((d) => ({ code: d.code, name: d.name, options: d.options.map((o) => ({ code: o.code, name: o.name })) })),
    };
  });
}
