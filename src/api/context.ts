// What every route gets: the store, the secrets, the clock and the session settings.
// Routes are thin and call use cases with these.
import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Secrets } from '../app/accounts/account-ports.ts';
import type { LoginThrottle } from '../app/accounts/login.ts';
import type { SessionLifetimes } from '../app/accounts/session-lifetimes.ts';
import type { Store } from '../app/ports.ts';

export interface ApiContext {
  readonly store: Store;
  readonly secrets: Secrets;
  readonly now: () => Date;
  readonly sessions: SessionLifetimes;
  readonly loginThrottle: LoginThrottle;
}

export type ZodApp = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

/** Route configuration: public routes skip authentication. */
export interface RouteConfig {
  readonly isPublic?: boolean;
}

export const SESSION_COOKIE = 'baocao_session';
