// GET /api/indicators: the indicator catalogue (not scoped: every unit reports the same indicators).
import { z } from 'zod';
import { loadCatalogue } from '../../../app/analysis/load-catalogue.ts';
import type { ApiContext, ZodApp } from '../../context.ts';
import { ERRORS } from '../schemas.ts';

const ZIndicator = z.object({
  code: z.string(), name: z.string(), unit: z.string(), kind: z.enum(['flow', 'stock', 'derived']), valueType: z.string(),
  expression: z.string().nullable(), disaggregations: z.array(z.string()), description: z.string().nullable(),
});

export function registerIndicatorRoutes(app: ZodApp, context: ApiContext): void {
  app.get('/api/indicators', { schema: { tags: ['catalogue'], summary: 'Danh mục chỉ tiêu', response: { 200: z.object({ indicators: z.array(ZIndicator) }), ...ERRORS } } }, async () => {
    const { catalogue } = await loadCatalogue({ store: context.store });
    return {
      indicators: catalogue.indicators().map((i) => ({
        code: i.code, name: i.name, unit: i.unit, kind: i.kind, valueType: i.valueType,
        expression: i.expression ?? null, disaggregations: [...(i.disaggregations ?? [])], description: i.description ?? null,
      })),
    };
  });
}
