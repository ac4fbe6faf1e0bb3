// Accounts: users and their grants, sessions, API tokens, the login throttle. Rows are
// mapped to the app's types here; no row type leaves src/storage.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Role } from '../../core/access.ts';
import type {
  AccountRepository as AccountPort, ApiToken, LoginAttemptRequest, LoginAttemptReservation, NewApiToken, NewUser, Session, StoredGrant, User, UserWithHash,
} from '../../app/accounts/account-ports.ts';
import type { AppUserTable } from '../account-tables.ts';
import type { Database } from '../database.ts';
import { inTransaction } from './in-transaction.ts';

type UserRow = { [K in keyof AppUserTable]: K extends 'id' ? number : AppUserTable[K] };

function toGrant(row: { role: string; org_unit: string }): StoredGrant {
  // Roles are written only through this repository from the Role union.
  return { role: row.role as Role, orgUnit: row.org_unit };
}

export class AccountRepository implements AccountPort {
  constructor(private readonly db: Kysely<Database>) {}

  async createUser(user: NewUser): Promise<User> {
    return inTransaction(this.db, async (trx) => {
      const { id } = await trx
        .insertInto('app_user')
        .values({
          username: user.username, display_name: user.displayName, password_hash: user.passwordHash,
          disabled: 0, is_demo: user.isDemo ? 1 : 0, created_at: user.createdAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const grants = uniqueGrants(user.grants);
      if (grants.length > 0) {
        await trx.insertInto('user_grant').values(grants.map((g) => ({ user_id: id, role: g.role, org_unit: g.orgUnit }))).execute();
      }
      const created = await new AccountRepository(trx).getUser(id);
      if (!created) throw new Error('user vanished after insert');
      return created;
    });
  }

  async findUserByUsername(username: string): Promise<UserWithHash | undefined> {
    const row = await this.db.selectFrom('app_user').selectAll().where('username', '=', username).executeTakeFirst();
    if (!row) return undefined;
    const [user] = await this.withGrants([row]);
    return user ? { ...user, passwordHash: row.password_hash } : undefined;
  }

  async getUser(id: number): Promise<User | undefined> {
    const row = await this.db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? (await this.withGrants([row]))[0] : undefined;
  }

  async listUsers(): Promise<User[]> {
    const rows = await this.db.selectFrom('app_user').selectAll().orderBy('username').execute();
    return this.withGrants(rows);
  }

  async setDisabled(username: string, disabled: boolean): Promise<boolean> {
    const result = await this.db.updateTable('app_user').set({ disabled: disabled ? 1 : 0 }).where('username', '=', username).executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async setGrants(username: string, grants: readonly StoredGrant[]): Promise<boolean> {
    return inTransaction(this.db, async (trx) => {
      const user = await trx.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirst();
      if (!user) return false;
      await trx.deleteFrom('user_grant').where('user_id', '=', user.id).execute();
      if (grants.length > 0) {
        await trx.insertInto('user_grant').values(grants.map((g) => ({ user_id: user.id, role: g.role, org_unit: g.orgUnit }))).execute();
      }
      return true;
    });
  }

  async setPassword(username: string, passwordHash: string): Promise<boolean> {
    const result = await this.db.updateTable('app_user').set({ password_hash: passwordHash }).where('username', '=', username).executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  private async withGrants(rows: readonly UserRow[]): Promise<User[]> {
    if (rows.length === 0) return [];
    const grants = await this.db
      .selectFrom('user_grant')
      .selectAll()
      .where('user_id', 'in', rows.map((r) => r.id))
      .orderBy('org_unit')
      .orderBy('role')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      username: row.username,
      displayName: row.display_name,
      disabled: row.disabled !== 0,
      isDemo: row.is_demo !== 0,
      createdAt: row.created_at,
      grants: grants.filter((g) => g.user_id === row.id).map(toGrant),
    }));
  }

  async createSession(session: Session): Promise<void> {
    await this.db
      .insertInto('user_session')
      .values({ token_hash: session.tokenHash, user_id: session.userId, csrf_token: session.csrfToken, expires_at: session.expiresAt, created_at: session.createdAt, last_seen_at: session.lastSeenAt ?? null })
      .execute();
  }

  async findSession(tokenHash: string): Promise<Session | undefined> {
    const row = await this.db.selectFrom('user_session').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
    return row ? { tokenHash: row.token_hash, userId: row.user_id, csrfToken: row.csrf_token, expiresAt: row.expires_at, createdAt: row.created_at, lastSeenAt: row.last_seen_at } : undefined;
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.db.deleteFrom('user_session').where('token_hash', '=', tokenHash).execute();
  }

  async deleteSessionsOfUser(userId: number): Promise<number> {
    const result = await this.db.deleteFrom('user_session').where('user_id', '=', userId).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async touchSession(tokenHash: string, at: string): Promise<void> {
    await this.db.updateTable('user_session').set({ last_seen_at: at }).where('token_hash', '=', tokenHash).execute();
  }

  async createApiToken(token: NewApiToken): Promise<ApiToken> {
    return inTransaction(this.db, async (trx) => {
      const { id } = await trx
        .insertInto('api_token')
        .values({ name: token.name, token_hash: token.tokenHash, user_id: token.userId, created_at: token.createdAt, revoked_at: null, last_used_at: null })
        .returning('id')
        .executeTakeFirstOrThrow();
      const grants = uniqueGrants(token.grants);
      if (grants.length > 0) {
        await trx.insertInto('api_token_grant').values(grants.map((g) => ({ token_id: id, role: g.role, org_unit: g.orgUnit }))).execute();
      }
      return { id, name: token.name, userId: token.userId, grants, createdAt: token.createdAt, revokedAt: null, lastUsedAt: null };
    });
  }

  async findApiToken(tokenHash: string): Promise<ApiToken | undefined> {
    const row = await this.db.selectFrom('api_token').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
    if (!row) return undefined;
    return (await this.tokensWithGrants([row]))[0];
  }

  async listApiTokens(userId?: number): Promise<ApiToken[]> {
    let query = this.db.selectFrom('api_token').selectAll();
    if (userId !== undefined) query = query.where('user_id', '=', userId);
    return this.tokensWithGrants(await query.orderBy('id').execute());
  }

  private async tokensWithGrants(rows: readonly { id: number; name: string; user_id: number; created_at: string; revoked_at: string | null; last_used_at: string | null }[]): Promise<ApiToken[]> {
    if (rows.length === 0) return [];
    const grants = await this.db.selectFrom('api_token_grant').selectAll().where('token_id', 'in', rows.map((r) => r.id)).orderBy('org_unit').orderBy('role').execute();
    return rows.map((row) => ({
      id: row.id, name: row.name, userId: row.user_id, createdAt: row.created_at, revokedAt: row.revoked_at, lastUsedAt: row.last_used_at,
      grants: grants.filter((g) => g.token_id === row.id).map(toGrant),
    }));
  }

  async revokeApiToken(id: number, at: string): Promise<boolean> {
    const result = await this.db.updateTable('api_token').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async touchApiToken(id: number, at: string): Promise<void> {
    await this.db.updateTable('api_token').set({ last_used_at: at }).where('id', '=', id).execute();
  }

  async reserveLoginAttempt({ username, address, now, waitsUntil }: LoginAttemptRequest): Promise<LoginAttemptReservation> {
    if (waitsUntil.length === 0) throw new Error('reserveLoginAttempt: waitsUntil is empty');
    await this.db
      .insertInto('login_throttle')
      .values({ username, address, failures: 0, next_allowed_at: null, updated_at: now })
      .onConflict((oc) => oc.columns(['username', 'address']).doNothing())
      .execute();
    // One statement checks the wait and counts the attempt: two requests can never both
    // see the old count. In SET, `failures` is the value before this update.
    const last = waitsUntil[waitsUntil.length - 1] as string;
    const nextAllowed = sql<string>`case ${sql.join(waitsUntil.slice(0, -1).map((at, i) => sql`when failures + 1 = ${i + 1} then ${at}`), sql` `)} else ${last} end`;
    const admitted = await this.db
      .updateTable('login_throttle')
      .set({ failures: sql<number>`failures + 1`, next_allowed_at: waitsUntil.length > 1 ? nextAllowed : last, updated_at: now })
      .where('username', '=', username)
      .where('address', '=', address)
      .where((eb) => eb.or([eb('next_allowed_at', 'is', null), eb('next_allowed_at', '<=', now)]))
      .returning('failures')
      .executeTakeFirst();
    if (admitted) return { admitted: true, failures: Number(admitted.failures) };
    const row = await this.db.selectFrom('login_throttle').select('next_allowed_at').where('username', '=', username).where('address', '=', address).executeTakeFirst();
    return { admitted: false, nextAllowedAt: row?.next_allowed_at ?? now };
  }

  async clearLoginThrottle(username: string, address?: string): Promise<number> {
    let query = this.db.deleteFrom('login_throttle').where('username', '=', username);
    if (address !== undefined) query = query.where('address', '=', address);
    return Number((await query.executeTakeFirst()).numDeletedRows);
  }

  async purgeLoginThrottle(before: string): Promise<void> {
    await this.db.deleteFrom('login_throttle').where('updated_at', '<', before).execute();
  }
}

function uniqueGrants(grants: readonly StoredGrant[]): StoredGrant[] {
  return [...new Map(grants.map((g) => [`${g.role}\u0000${g.orgUnit}`, g] as const)).values()];
}
