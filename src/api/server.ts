// The HTTP API: Fastify with zod-validated requests and responses, OpenAPI at
// /openapi.json and Swagger UI at /docs, JSON errors `{ code, message }`, pino logs.
// buildServer gives an app for fastify.inject (tests) and for startServer.
import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { LogController } from 'fastify';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Secrets } from '../app/accounts/account-ports.ts';
import { DEFAULT_LOGIN_THROTTLE } from '../app/accounts/login.ts';
import type { LoginThrottle } from '../app/accounts/login.ts';
import { DEFAULT_SESSION_LIFETIMES } from '../app/accounts/session-lifetimes.ts';
import type { SessionLifetimes } from '../app/accounts/session-lifetimes.ts';
import type { Store } from '../app/ports.ts';
import { slidingWindowLimit } from './auth/login-rate-limit.ts';
import type { RateLimit } from './auth/login-rate-limit.ts';
import { nodeSecrets } from './auth/node-secrets.ts';
import { installAuthentication } from './auth/request-auth.ts';
import type { ApiContext } from './context.ts';
import { setPrincipalCacheLifetime } from '../app/accounts/principal-cache.ts';
import { installErrorHandling } from './errors.ts';
import { genRequestId, REQUEST_ID_HEADER } from './logging.ts';
import { installJsonBodyParser } from './json-body.ts';
import { registerRoutes } from './routes/index.ts';
import { registerSecurityHeaders } from './security-headers.ts';
import { registerStaticWeb } from './static-web.ts';

// Validation messages in Vietnamese: they reach users through `message`.
z.config(z.locales.vi());

export interface BuildServerOptions {
  readonly store: Store;
  /** Pino options, a logger instance, or false (tests). */
  readonly logger?: FastifyServerOptions['logger'];
  readonly secrets?: Secrets;
  readonly now?: () => Date;
  /**
   * Trust X-Forwarded-* (behind a reverse proxy that terminates TLS): true, a number of
   * hops, or the proxies' addresses/CIDRs. Off by default: a header from anyone else
   * proves nothing (client address, HTTPS).
   */
  readonly trustProxy?: boolean | number | string;
  /** Largest request body in bytes (default 10 MiB: a month of a province's values). */
  readonly bodyLimit?: number;
  readonly loginRateLimit?: RateLimit;
  /** Idle and absolute session lifetimes (settings, see README). */
  readonly sessions?: SessionLifetimes;
  readonly loginThrottle?: LoginThrottle;
  /** How long a caller's identity is remembered (ms; 0: ask the database on every request). */
  readonly authCacheMs?: number;
}

/** Login requests one address may send per minute (BAOCAO_LOGINS_PER_MINUTE). */
export const DEFAULT_LOGINS_PER_MINUTE = 20;

export const DEFAULT_BODY_LIMIT = 10 * 1024 * 1024;

/** Fastify's types take no hop count: the nearest `hops` addresses are the proxies. */
function trustHops(hops: number): (address: string, hop: number) => boolean {
  return (_address, hop) => hop < hops;
}

export async function buildServer(options: BuildServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: typeof options.trustProxy === 'number' ? trustHops(options.trustProxy) : options.trustProxy ?? false,
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    // Our own ids (validated, else a UUID), logged as requestId and echoed to the caller.
    requestIdHeader: false,
    genReqId: genRequestId,
    logController: new LogController({ requestIdLogLabel: 'requestId' }),
    // Unknown query fields are refused by the strict schemas, not silently dropped.
    ajv: { customOptions: { removeAdditional: false } },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);
  app.addHook('onSend', async (request, reply) => {
    reply.header(REQUEST_ID_HEADER, request.id);
  });
  installJsonBodyParser(app);

  if (options.authCacheMs !== undefined) setPrincipalCacheLifetime(options.store, options.authCacheMs);
  const context: ApiContext = {
    store: options.store, secrets: options.secrets ?? nodeSecrets(), now: options.now ?? (() => new Date()),
    sessions: options.sessions ?? DEFAULT_SESSION_LIFETIMES, loginThrottle: options.loginThrottle ?? DEFAULT_LOGIN_THROTTLE,
  };
  registerSecurityHeaders(app);
  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'baocao API', description: 'Báo cáo định kỳ: số liệu, báo cáo, quy trình, nhật ký. Lỗi trả về { code, message } (xem docs/api-errors.md).', version: '0.1.0' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'baocao_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs' });
  installAuthentication(app, context);

  const zodApp = app.withTypeProvider<ZodTypeProvider>();
  zodApp.get('/openapi.json', { config: { isPublic: true }, schema: { hide: true } }, async () => app.swagger());
  registerRoutes(zodApp, context, options.loginRateLimit ?? slidingWindowLimit({ max: DEFAULT_LOGINS_PER_MINUTE, windowMs: 60_000 }));
  await registerStaticWeb(app);
  return app;
}
