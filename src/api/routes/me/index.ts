// GET /api/me: who I am, my grants, and the CSRF token for cookie-authenticated writes.
import { z } from 'zod';
import type { User } from '../../../app/accounts/account-ports.ts';
import { loadOrgTree } from '../../../app/accounts/principal.ts';
import { principalOf } from '../../auth/request-auth.ts';
import type { ApiContext, ZodApp } from '../../context.ts';
import { ERRORS } from '../schemas.ts';
import { ROLES } from '../../../core/access.ts';

export const ZMe = z.object({
  username: z.string(),
  displayName: z.string(),
  grants: z.array(z.object({ role: z.enum(ROLES), orgUnit: z.string(), orgUnitName: z.string() })),
  csrfToken: z.string().nullable().describe('Gửi lại trong tiêu đề x-csrf-token khi ghi bằng cookie phiên'),
});

export async function describeMe(context: ApiContext, user: Pick<User, 'username' | 'displayName' | 'grants'>, csrfToken: string | null): Promise<z.infer<typeof ZMe>> {
  const tree = await loadOrgTree(context.store);
  return {
    username: user.username,
    displayName: user.displayName,
    grants: user.grants.map((g) => ({ role: g.role, orgUnit: g.orgUnit, orgUnitName: tree.get(g.orgUnit)?.name ?? g.orgUnit })),
    csrfToken,
  };
}

export function registerMeRoutes(app: ZodApp, context: ApiContext): void {
  app.get('/api/me', { schema: { tags: ['session'], summary: 'Người dùng hiện tại', response: { 200: ZMe, ...ERRORS } } }, async (request) => {
    const principal = principalOf(request);
    const grants = principal.grants.map((g) => ({ role: g.role, orgUnit: g.orgUnit }));
    return describeMe(context, { username: principal.username, displayName: principal.displayName, grants }, principal.csrfToken ?? null);
  });
}
