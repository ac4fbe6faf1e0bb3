// Logs a user in with name and password: a new session (its token goes into a cookie)
// and a CSRF token; the session the browser presented, if any, ends (other devices
// keep theirs). Guessing is throttled per account AND address (ADR 0012): each
// attempt is counted before its password is checked, in one statement, so parallel
// guesses cannot race past the count; after a few free attempts each further one from
// that address waits longer; an address that did not fail is never held back, so
// nobody can lock anyone out. Lockouts are audited. The message never tells which of
// name or password was wrong.
import type { Secrets } from './account-ports.ts';
import { DEFAULT_SESSION_LIFETIMES, sessionEnd } from './session-lifetimes.ts';
import type { SessionLifetimes } from './session-lifetimes.ts';
import { AppError } from '../app-error.ts';
import type { Store } from '../ports.ts';
import { forgetCallers } from './principal-cache.ts';

export interface LoginThrottle {
  /** Attempts from one address on one account before each further one must wait. */
  readonly freeAttempts: number;
  /** The waits after the free attempts, growing; the last repeats. */
  readonly waitSeconds: readonly number[];
}

export const DEFAULT_LOGIN_THROTTLE: LoginThrottle = { freeAttempts: 5, waitSeconds: [30, 60, 120, 300, 600, 900] };

/** Pairs (name, address) untouched for this long are forgotten. */
const FORGET_AFTER_MS = 24 * 3_600_000;

export interface LoginResult {
  readonly sessionToken: string;
  readonly csrfToken: string;
  readonly expiresAt: string;
  readonly userId: number;
}

const WRONG = 'Tên đăng nhập hoặc mật khẩu không đúng.';

/** When the pair may try again after its n-th attempt: `[n - 1]`, the last for every one after. */
export function throttleWaits(throttle: LoginThrottle, now: Date): string[] {
  const at = (seconds: number) => new Date(now.getTime() + seconds * 1000).toISOString();
  return [...Array.from({ length: Math.max(0, throttle.freeAttempts - 1) }, () => at(0)), ...throttle.waitSeconds.map(at)];
}

export async function login({
  store, secrets, username, password, address, presentedSessionToken, now = new Date(),
  throttle = DEFAULT_LOGIN_THROTTLE, sessions = DEFAULT_SESSION_LIFETIMES,
}: {
  store: Store; secrets: Secrets; username: string; password: string;
  /** The caller's network address (the proxy's client address when trusted). */
  address: string;
  /** The session cookie sent with the login, revoked on success. */
  presentedSessionToken?: string | undefined;
  now?: Date; throttle?: LoginThrottle; sessions?: SessionLifetimes;
}): Promise<LoginResult> {
  const reservation = await store.accounts.reserveLoginAttempt({ username, address, now: now.toISOString(), waitsUntil: throttleWaits(throttle, now) });
  if (!reservation.admitted) {
    const seconds = Math.max(1, Math.ceil((Date.parse(reservation.nextAllowedAt) - now.getTime()) / 1000));
    throw new AppError('rate_limited', `Đăng nhập sai nhiều lần từ địa chỉ này; thử lại sau ${describeWait(seconds)}. Quản trị viên có thể mở khóa ngay.`, { details: { retryAfterSeconds: seconds } });
  }
  const user = await store.accounts.findUserByUsername(username);
  // Verify even for an unknown name, so timing does not reveal which names exist.
  const hash = user?.passwordHash ?? DUMMY_HASH;
  const isValid = await secrets.verifyPassword(hash, password).catch(() => false);
  if (!user || !isValid || user.disabled) {
    if (reservation.failures >= throttle.freeAttempts) {
      const waits = throttleWaits(throttle, now);
      const until = waits[Math.min(reservation.failures, waits.length) - 1] ?? null;
      await store.audit.record([{
        at: now.toISOString(), actor: `login:${address}`, action: 'user.login_throttled', entity: 'user',
        before: null, after: { username, address, failures: reservation.failures, until, knownUser: user !== undefined },
      }]);
    }
    if (user?.disabled && isValid) throw new AppError('unauthenticated', 'Tài khoản đã bị vô hiệu hóa.');
    throw new AppError('unauthenticated', WRONG);
  }
  await store.accounts.clearLoginThrottle(username, address);
  await store.accounts.purgeLoginThrottle(new Date(now.getTime() - FORGET_AFTER_MS).toISOString());
  // A login never continues an old session: whatever this browser held ends here.
  if (presentedSessionToken) {
    await store.accounts.deleteSession(secrets.hashToken(presentedSessionToken));
    forgetCallers(store);
  }
  const sessionToken = secrets.randomToken();
  const csrfToken = secrets.randomToken();
  const expiresAt = sessionEnd(sessions, now);
  await store.accounts.createSession({ tokenHash: secrets.hashToken(sessionToken), userId: user.id, csrfToken, expiresAt, createdAt: now.toISOString(), lastSeenAt: now.toISOString() });
  return { sessionToken, csrfToken, expiresAt, userId: user.id };
}

function describeWait(seconds: number): string {
  return seconds < 90 ? `${seconds} giây` : `${Math.ceil(seconds / 60)} phút`;
}

/** A valid argon2id hash of a random password nobody knows. */
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$3O1/6oV0bn9bRCZ3cM6Rzn5r2ZRkT6b8bJd4yqk8l1Q';
