// Runs the API on a port until SIGTERM/SIGINT, then stops taking connections, lets
// the requests in flight finish (fastify.close waits for them) and closes the store.
import type { FastifyInstance } from 'fastify';
import type { SessionLifetimes } from '../app/accounts/session-lifetimes.ts';
import type { Store } from '../app/ports.ts';
import { slidingWindowLimit } from './auth/login-rate-limit.ts';
import { loggerOptions } from './logging.ts';
import { buildServer } from './server.ts';

export interface StartServerOptions {
  readonly store: Store;
  readonly port?: number;
  readonly host?: string;
  /** Off by default; see BuildServerOptions.trustProxy. */
  readonly trustProxy?: boolean | number | string;
  readonly sessions?: SessionLifetimes;
  /** How long a caller's identity is remembered (ms). */
  readonly authCacheMs?: number;
  /** Login requests one address may send per minute (a whole office behind one NAT sends many). */
  readonly loginsPerMinute?: number;
  /** Pino level; `silent` to turn logs off. */
  readonly logLevel?: string;
  /** Resolves after shutdown; tests pass their own signal source. */
  readonly onSignal?: (handler: (signal: string) => void) => void;
}

export interface RunningServer {
  readonly app: FastifyInstance;
  readonly url: string;
  /** Resolves once closed (after a signal or close()). */
  readonly closed: Promise<void>;
  close(): Promise<void>;
}

export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const app = await buildServer({
    store: options.store, logger: loggerOptions({ level: options.logLevel ?? 'info' }), trustProxy: options.trustProxy ?? false,
    ...(options.sessions ? { sessions: options.sessions } : {}),
    ...(options.authCacheMs !== undefined ? { authCacheMs: options.authCacheMs } : {}),
    ...(options.loginsPerMinute !== undefined ? { loginRateLimit: slidingWindowLimit({ max: options.loginsPerMinute, windowMs: 60_000 }) } : {}),
  });
  const url = await app.listen({ port: options.port ?? 3000, host: options.host ?? '127.0.0.1' });
  let resolveClosed: () => void = () => undefined;
  const closed = new Promise<void>((resolve) => (resolveClosed = resolve));
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      await app.close();
      await options.store.close();
      resolveClosed();
    })();
    return closing;
  };
  const onSignal = options.onSignal ?? ((handler) => {
    process.once('SIGTERM', () => handler('SIGTERM'));
    process.once('SIGINT', () => handler('SIGINT'));
  });
  onSignal((signal) => {
    app.log.info({ signal }, 'shutting down: finishing requests in flight');
    void close();
  });
  return { app, url, closed, close };
}
