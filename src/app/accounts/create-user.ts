// Creates an account with a password (stored as an argon2id hash) and its grants.
// Every granted unit must exist; names are short lower-case codes.
import { isRole } from '../../core/access.ts';
import type { Secrets, StoredGrant, User } from './account-ports.ts';
import { AppError } from '../app-error.ts';
import type { Store } from '../ports.ts';

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,63}$/;
export const MIN_PASSWORD_LENGTH = 8;

export async function createUser({ store, secrets, username, displayName, password, grants, isDemo = false, actor, now = new Date() }: {
  store: Store; secrets: Secrets; username: string; displayName?: string; password: string;
  grants: readonly { role: string; orgUnit: string }[]; isDemo?: boolean; actor: string; now?: Date;
}): Promise<User> {
  if (!USERNAME_PATTERN.test(username)) {
    throw new AppError('bad_request', `Tên đăng nhập "${username}" không hợp lệ (chữ thường không dấu, số, dấu chấm, gạch; 2–64 ký tự).`, { field: 'username' });
  }
  if (password.length < MIN_PASSWORD_LENGTH) throw new AppError('bad_request', `Mật khẩu cần ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`, { field: 'password' });
  const checked = await checkGrants(store, grants);
  if (await store.accounts.findUserByUsername(username)) throw new AppError('conflict', `Tên đăng nhập "${username}" đã có.`, { field: 'username' });
  const passwordHash = await secrets.hashPassword(password);
  return store.transaction(async (tx) => {
    const user = await tx.accounts.createUser({ username, displayName: displayName ?? username, passwordHash, grants: checked, isDemo, createdAt: now.toISOString() });
    await tx.audit.record([{ at: now.toISOString(), actor, action: 'user.create', entity: 'user', before: null, after: { username, grants: checked, isDemo } }]);
    return user;
  });
}

/** Roles must be known and units must exist; the first problem names its field. */
export async function checkGrants(store: Store, grants: readonly { role: string; orgUnit: string }[]): Promise<StoredGrant[]> {
  const codes = new Set((await store.orgUnits.list()).map((u) => u.code));
  return grants.map((grant, index) => {
    if (!isRole(grant.role)) throw new AppError('bad_request', `Vai trò "${grant.role}" không tồn tại (reporter, compiler, approver, viewer, admin).`, { field: `grants.${index}.role` });
    if (!codes.has(grant.orgUnit)) throw new AppError('bad_request', `Không có đơn vị "${grant.orgUnit}".`, { field: `grants.${index}.orgUnit` });
    return { role: grant.role, orgUnit: grant.orgUnit };
  });
}
