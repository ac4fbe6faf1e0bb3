// Accounts, for administrators: GET /api/users (with grants), POST /api/users,
// PATCH /api/users/:username (disable/enable, replace grants), POST
// /api/users/:username/unlock (lift the login waits at once). An admin manages the
// accounts whose grants lie in its subtree and grants only inside it; every change is
// audited by the use cases.
import { z } from 'zod';
import { changeUserGrants } from '../../../app/accounts/change-user-grants.ts';
import { createUser } from '../../../app/accounts/create-user.ts';
import { disableUser } from '../../../app/accounts/disable-user.ts';
import { listUsers } from '../../../app/accounts/list-users.ts';
import { unlockUser } from '../../../app/accounts/unlock-user.ts';
import { AppError, forbidden } from '../../../app/app-error.ts';
import { actorOf, loadOrgTree, requireAccess } from '../../../app/accounts/principal.ts';
import type { Principal } from '../../../app/accounts/principal.ts';
import type { User } from '../../../app/accounts/account-ports.ts';
import { can, ROLES } from '../../../core/access.ts';
import type { OrgTree } from '../../../core/org-unit.ts';
import { principalOf } from '../../auth/request-auth.ts';
import type { ApiContext, ZodApp } from '../../context.ts';
import { ZError } from '../../errors.ts';
import { ERRORS, ZOrgCode } from '../schemas.ts';

const ZGrant = z.strictObject({ role: z.enum(ROLES), orgUnit: ZOrgCode });
const ZUser = z.object({
  username: z.string(), displayName: z.string(), disabled: z.boolean(), isDemo: z.boolean(), createdAt: z.string(),
  grants: z.array(z.object({ role: z.string(), orgUnit: z.string() })),
});

function present(user: User): z.infer<typeof ZUser> {
  return {
    username: user.username, displayName: user.displayName, disabled: user.disabled, isDemo: user.isDemo, createdAt: user.createdAt,
    grants: user.grants.map((g) => ({ role: g.role, orgUnit: g.orgUnit })),
  };
}

/** Forbidden unless the caller is an admin somewhere. */
function requireAdmin(principal: Principal): void {
  if (!principal.grants.some((g) => can([g], 'manage_users', g.path))) throw forbidden('Chỉ quản trị viên được quản lý tài khoản.');
}

/** An account is the admin's when every grant lies in its subtree (an account without grants is anyone's). */
function manages(principal: Principal, tree: OrgTree, user: User): boolean {
  return user.grants.every((g) => {
    const unit = tree.get(g.orgUnit);
    return unit ? can(principal.grants, 'manage_users', unit.path) : true;
  });
}

export function registerUserRoutes(app: ZodApp, context: ApiContext): void {
  app.get('/api/users', {
    schema: { tags: ['accounts'], summary: 'Tài khoản và phạm vi quyền (chỉ quản trị)', response: { 200: z.object({ users: z.array(ZUser) }), ...ERRORS } },
  }, async (request) => {
    const principal = principalOf(request);
    requireAdmin(principal);
    const tree = await loadOrgTree(context.store);
    const users = await listUsers({ store: context.store });
    return { users: users.filter((u) => manages(principal, tree, u)).map(present) };
  });

  app.post('/api/users', {
    schema: {
      tags: ['accounts'], summary: 'Tạo tài khoản (chỉ quản trị)',
      body: z.strictObject({
        username: z.string().min(1).max(64), displayName: z.string().min(1).max(200).optional(),
        password: z.string().min(1).max(200), grants: z.array(ZGrant).max(50),
      }),
      response: { 201: ZUser, 409: ZError, ...ERRORS },
    },
  }, async (request, reply) => {
    const principal = principalOf(request);
    requireAdmin(principal);
    const tree = await loadOrgTree(context.store);
    for (const grant of request.body.grants) requireAccess(principal, tree, 'manage_users', grant.orgUnit);
    const { username, displayName, password, grants } = request.body;
    const user = await createUser({ store: context.store, secrets: context.secrets, username, ...(displayName ? { displayName } : {}), password, grants, actor: actorOf(principal), now: context.now() });
    return reply.code(201).send(present(user));
  });

  app.patch('/api/users/:username', {
    schema: {
      tags: ['accounts'], summary: 'Khóa/mở khóa tài khoản, đổi phạm vi quyền (chỉ quản trị)',
      params: z.strictObject({ username: z.string().min(1).max(64) }),
      body: z.strictObject({ disabled: z.boolean().optional(), grants: z.array(ZGrant).max(50).optional() }),
      response: { 200: ZUser, ...ERRORS },
    },
  }, async (request) => {
    const principal = principalOf(request);
    requireAdmin(principal);
    const { username } = request.params;
    const { disabled, grants } = request.body;
    if (disabled === undefined && grants === undefined) throw new AppError('bad_request', 'Cần ít nhất một thay đổi: disabled hoặc grants.', { field: 'body' });
    const tree = await loadOrgTree(context.store);
    const existing = await context.store.accounts.findUserByUsername(username);
    if (!existing) throw new AppError('not_found', `Không có tài khoản "${username}".`, { field: 'params.username' });
    if (!manages(principal, tree, existing)) throw forbidden(`Tài khoản "${username}" nằm ngoài phạm vi quản trị của bạn.`);
    if (username === principal.username && (disabled === true || grants !== undefined)) {
      throw new AppError('bad_request', 'Không tự khóa hay tự đổi quyền của chính mình; nhờ quản trị viên khác.', { field: 'params.username' });
    }
    for (const grant of grants ?? []) requireAccess(principal, tree, 'manage_users', grant.orgUnit);
    const actor = actorOf(principal);
    if (grants !== undefined) await changeUserGrants({ store: context.store, username, grants, actor, now: context.now() });
    if (disabled !== undefined && disabled !== existing.disabled) await disableUser({ store: context.store, username, disabled, actor, now: context.now() });
    const user = await context.store.accounts.findUserByUsername(username);
    if (!user) throw new AppError('not_found', `Không có tài khoản "${username}".`, { field: 'params.username' });
    return present(user);
  });

  app.post('/api/users/:username/unlock', {
    schema: {
      tags: ['accounts'], summary: 'Mở khóa đăng nhập: bỏ thời gian chờ sau nhiều lần đăng nhập sai, từ mọi địa chỉ (chỉ quản trị)',
      params: z.strictObject({ username: z.string().min(1).max(64) }),
      response: { 204: z.null(), ...ERRORS },
    },
  }, async (request, reply) => {
    const principal = principalOf(request);
    requireAdmin(principal);
    const { username } = request.params;
    const existing = await context.store.accounts.findUserByUsername(username);
    if (!existing) throw new AppError('not_found', `Không có tài khoản "${username}".`, { field: 'params.username' });
    if (!manages(principal, await loadOrgTree(context.store), existing)) throw forbidden(`Tài khoản "${username}" nằm ngoài phạm vi quản trị của bạn.`);
    await unlockUser({ store: context.store, username, actor: actorOf(principal), now: context.now() });
    return reply.code(204).send(null);
  });
}
