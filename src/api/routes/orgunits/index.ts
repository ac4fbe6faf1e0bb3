// GET /api/orgunits: the units the caller may read (its subtrees), in tree order.
import { z } from 'zod';
import { isWithinPath, readableRoots } from '../../../core/access.ts';
import { unitKindLabel } from '../../../core/labels.ts';
import { loadOrgTree } from '../../../app/accounts/principal.ts';
import { principalOf } from '../../auth/request-auth.ts';
import type { ApiContext, ZodApp } from '../../context.ts';
import { ERRORS } from '../schemas.ts';

const ZOrgUnit = z.object({
  code: z.string(), name: z.string(), shortName: z.string().nullable(), parentCode: z.string().nullable(),
  level: z.number().int(), path: z.string(), kind: z.string().nullable(), kindLabel: z.string().describe('Loại đơn vị bằng tiếng Việt'), openingDate: z.string().nullable(), closingDate: z.string().nullable(),
});

export function registerOrgUnitRoutes(app: ZodApp, context: ApiContext): void {
  app.get('/api/orgunits', { schema: { tags: ['catalogue'], summary: 'Đơn vị trong phạm vi được xem', response: { 200: z.object({ orgUnits: z.array(ZOrgUnit) }), ...ERRORS } } }, async (request) => {
    const roots = readableRoots(principalOf(request).grants);
    const tree = await loadOrgTree(context.store);
    const units = tree.all().filter((unit) => roots.some((root) => isWithinPath(unit.path, root)));
    return {
      orgUnits: units.map((u) => ({
        code: u.code, name: u.name, shortName: u.shortName ?? null, parentCode: u.parentCode, level: u.level, path: u.path,
        kind: u.kind ?? null, kindLabel: unitKindLabel(u.kind), openingDate: u.openingDate ?? null, closingDate: u.closingDate ?? null,
      })),
    };
  });
}
