// Ports of accounts and access: users, their grants, sessions, API tokens and the
// login throttle. src/storage implements the repository; src/api the hashing.
import type { Role } from '../../core/access.ts';

/** A grant as stored: a role on an org unit (by code); paths come from the org tree. */
export interface StoredGrant {
  readonly role: Role;
  readonly orgUnit: string;
}

export interface User {
  readonly id: number;
  readonly username: string;
  readonly displayName: string;
  readonly disabled: boolean;
  /** Created by `baocao demo load`: the server warns while such an account is active. */
  readonly isDemo: boolean;
  readonly createdAt: string;
  readonly grants: readonly StoredGrant[];
}

export interface UserWithHash extends User {
  readonly passwordHash: string;
}

export interface NewUser {
  readonly username: string;
  readonly displayName: string;
  readonly passwordHash: string;
  readonly grants: readonly StoredGrant[];
  readonly isDemo?: boolean;
  readonly createdAt: string;
}

export interface Session {
  readonly tokenHash: string;
  readonly userId: number;
  readonly csrfToken: string;
  /** The absolute end, set at login. */
  readonly expiresAt: string;
  readonly createdAt: string;
  /** Last request seen (to the minute), for the idle lifetime; null: none since login. */
  readonly lastSeenAt?: string | null;
}

export interface ApiToken {
  readonly id: number;
  readonly name: string;
  readonly userId: number;
  readonly grants: readonly StoredGrant[];
  readonly createdAt: string;
  readonly revokedAt: string | null;
  readonly lastUsedAt: string | null;
}

export interface NewApiToken {
  readonly name: string;
  readonly tokenHash: string;
  readonly userId: number;
  readonly grants: readonly StoredGrant[];
  readonly createdAt: string;
}

/** One login attempt to reserve for an (account name, address) pair. */
export interface LoginAttemptRequest {
  readonly username: string;
  readonly address: string;
  readonly now: string;
  /**
   * When the pair may try again once this attempt is counted: `waitsUntil[n - 1]` for
   * the n-th attempt since the last success (the last entry for every one after).
   */
  readonly waitsUntil: readonly string[];
}

/** Admitted with the attempt's number since the last success, or refused until then. */
export type LoginAttemptReservation =
  | { readonly admitted: true; readonly failures: number }
  | { readonly admitted: false; readonly nextAllowedAt: string };

export interface AccountRepository {
  createUser(user: NewUser): Promise<User>;
  findUserByUsername(username: string): Promise<UserWithHash | undefined>;
  getUser(id: number): Promise<User | undefined>;
  listUsers(): Promise<User[]>;
  /** False when no such user. */
  setDisabled(username: string, disabled: boolean): Promise<boolean>;
  /** Replaces all grants of a user; false when there is no such user. */
  setGrants(username: string, grants: readonly StoredGrant[]): Promise<boolean>;
  setPassword(username: string, passwordHash: string): Promise<boolean>;

  createSession(session: Session): Promise<void>;
  findSession(tokenHash: string): Promise<Session | undefined>;
  deleteSession(tokenHash: string): Promise<void>;
  /** Ends every session of the user; how many there were. */
  deleteSessionsOfUser(userId: number): Promise<number>;
  touchSession(tokenHash: string, at: string): Promise<void>;

  createApiToken(token: NewApiToken): Promise<ApiToken>;
  findApiToken(tokenHash: string): Promise<ApiToken | undefined>;
  listApiTokens(userId?: number): Promise<ApiToken[]>;
  /** False when no such token or already revoked. */
  revokeApiToken(id: number, at: string): Promise<boolean>;
  touchApiToken(id: number, at: string): Promise<void>;

  /**
   * Counts an attempt of (username, address) before its password is checked, in one
   * conditional statement: admitted unless the pair must still wait, so parallel
   * attempts cannot race past the count.
   */
  reserveLoginAttempt(request: LoginAttemptRequest): Promise<LoginAttemptReservation>;
  /** Forgets the failures of a name, from one address or from all; how many pairs there were. */
  clearLoginThrottle(username: string, address?: string): Promise<number>;
  /** Forgets pairs untouched since `before` (names tried once and never again). */
  purgeLoginThrottle(before: string): Promise<void>;
}

/** Secrets: argon2id for passwords, random tokens and a fast hash to look them up. */
export interface Secrets {
  hashPassword(password: string): Promise<string>;
  verifyPassword(hash: string, password: string): Promise<boolean>;
  /** A new random token, URL-safe. */
  randomToken(): string;
  /** SHA-256 of a high-entropy token: what is stored for sessions and API tokens. */
  hashToken(token: string): string;
}
