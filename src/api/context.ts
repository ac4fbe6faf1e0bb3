// What every route gets: the store, the secrets and the clock. Routes are thin and
// call use cases with these.
import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Secrets } from '../app/accounts/account-ports.ts';
import type { Store } from '../app/ports.ts';

export interface ApiContext {
  readonly store: Store;
  readonly secrets: Secrets;
  readonly now: () => Date;
}

export type ZodApp = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

/** Route configuration: public routes skip authentication. */
export interface RouteConfig {
  readonly isPublic?: boolean;
}

export const SESSION_COOKIE = 'baocao_session';
