// Logs a user in with name and password: a session (its token goes into a cookie)
// and a CSRF token. Repeated failures lock the name for a while, so a password
// cannot be guessed at speed; the message never tells which of name or password
// was wrong.
import type { Secrets } from './account-ports.ts';
import { AppError } from '../app-error.ts';
import type { Store } from '../ports.ts';

export interface LoginPolicy {
  readonly maxFailures: number;
  readonly lockoutMinutes: number;
  readonly sessionHours: number;
}

export const DEFAULT_LOGIN_POLICY: LoginPolicy = { maxFailures: 5, lockoutMinutes: 15, sessionHours: 12 };

export interface LoginResult {
  readonly sessionToken: string;
  readonly csrfToken: string;
  readonly expiresAt: string;
  readonly userId: number;
}

const WRONG = 'Tên đăng nhập hoặc mật khẩu không đúng.';

export async function login({ store, secrets, username, password, now = new Date(), policy = DEFAULT_LOGIN_POLICY }: {
  store: Store; secrets: Secrets; username: string; password: string; now?: Date; policy?: LoginPolicy;
}): Promise<LoginResult> {
  const attempts = await store.accounts.getLoginAttempts(username);
  if (attempts?.lockedUntil && attempts.lockedUntil > now.toISOString()) {
    throw new AppError('rate_limited', `Tài khoản tạm khóa do đăng nhập sai nhiều lần; thử lại sau ${minutesLeft(attempts.lockedUntil, now)} phút.`);
  }
  const user = await store.accounts.findUserByUsername(username);
  // Verify even for an unknown name, so timing does not reveal which names exist.
  const hash = user?.passwordHash ?? DUMMY_HASH;
  const isValid = await secrets.verifyPassword(hash, password).catch(() => false);
  if (!user || !isValid || user.disabled) {
    const failures = (attempts?.lockedUntil ? 0 : attempts?.failures ?? 0) + 1;
    const locks = failures >= policy.maxFailures;
    await store.accounts.saveLoginAttempts({
      username,
      failures: locks ? 0 : failures,
      lockedUntil: locks ? new Date(now.getTime() + policy.lockoutMinutes * 60_000).toISOString() : null,
    });
    if (user?.disabled && isValid) throw new AppError('unauthenticated', 'Tài khoản đã bị vô hiệu hóa.');
    throw new AppError('unauthenticated', WRONG);
  }
  await store.accounts.clearLoginAttempts(username);
  const sessionToken = secrets.randomToken();
  const csrfToken = secrets.randomToken();
  const expiresAt = new Date(now.getTime() + policy.sessionHours * 3_600_000).toISOString();
  await store.accounts.createSession({ tokenHash: secrets.hashToken(sessionToken), userId: user.id, csrfToken, expiresAt, createdAt: now.toISOString() });
  return { sessionToken, csrfToken, expiresAt, userId: user.id };
}

function minutesLeft(until: string, now: Date): number {
  return Math.max(1, Math.ceil((Date.parse(until) - now.getTime()) / 60_000));
}

/** A valid argon2id hash of a random password nobody knows. */
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$3O1/6oV0bn9bRCZ3cM6Rzn5r2ZRkT6b8bJd4yqk8l1Q';
