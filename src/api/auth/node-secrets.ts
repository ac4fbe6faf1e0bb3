// Secrets on Node: argon2id (OWASP parameters by default) for passwords, 32 random
// bytes for tokens, SHA-256 to store tokens. A slow hash is pointless for 256-bit
// random tokens and would slow every request; passwords are what need argon2.
import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Secrets } from '../../app/accounts/account-ports.ts';

export interface Argon2Cost {
  readonly memoryCost: number;
  readonly timeCost: number;
}

/** OWASP's minimum for argon2id: 19 MiB, 2 passes. */
export const DEFAULT_ARGON2_COST: Argon2Cost = { memoryCost: 19_456, timeCost: 2 };
/** For tests only: the same algorithm, cheap enough to create many users. */
export const TEST_ARGON2_COST: Argon2Cost = { memoryCost: 1024, timeCost: 1 };

export function nodeSecrets(cost: Argon2Cost = DEFAULT_ARGON2_COST): Secrets {
  return {
    hashPassword: (password) => // @node-rs/argon2 defaults to argon2id (its const enum cannot be imported here).
    hash(password, { memoryCost: cost.memoryCost, timeCost: cost.timeCost, parallelism: 1 }),
    verifyPassword: (stored, password) => verify(stored, password),
    randomToken: () => randomBytes(32).toString('base64url'),
    hashToken: (token) => createHash('sha256').update(token).digest('hex'),
  };
}
