// POST /api/session (log in: a new session, the one the browser presented ends),
// DELETE /api/session (log out), POST /api/session/logout-all (end every session of
// the caller: "Đăng xuất mọi nơi").
import { z } from 'zod';
import { login } from '../../../app/accounts/login.ts';
import { logout } from '../../../app/accounts/logout.ts';
import { logoutEverywhere } from '../../../app/accounts/logout-everywhere.ts';
import { AppError } from '../../../app/app-error.ts';
import type { RateLimit } from '../../auth/login-rate-limit.ts';
import type { ApiContext, ZodApp } from '../../context.ts';
import { SESSION_COOKIE } from '../../context.ts';
import { principalOf } from '../../auth/request-auth.ts';
import { ZError } from '../../errors.ts';
import { describeMe, ZMe } from '../me/index.ts';

const ZLogin = z.strictObject({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(256),
});

export function registerSessionRoutes(app: ZodApp, context: ApiContext, loginLimit: RateLimit): void {
  app.post('/api/session', {
    config: { isPublic: true },
    schema: { tags: ['session'], summary: 'Đăng nhập', body: ZLogin, response: { 200: ZMe, 400: ZError, 401: ZError, 429: ZError } },
  }, async (request, reply) => {
    const limit = loginLimit.take(request.ip, context.now().getTime());
    if (!limit.allowed) {
      reply.header('retry-after', String(limit.retryAfterSeconds));
      throw new AppError('rate_limited', `Quá nhiều lần đăng nhập từ địa chỉ này; thử lại sau ${limit.retryAfterSeconds} giây.`);
    }
    const result = await login({
      store: context.store, secrets: context.secrets, username: request.body.username, password: request.body.password,
      address: request.ip, presentedSessionToken: request.cookies[SESSION_COOKIE], now: context.now(),
      throttle: context.loginThrottle, sessions: context.sessions,
    }).catch((error: unknown) => {
      const wait = error instanceof AppError ? error.details?.['retryAfterSeconds'] : undefined;
      if (typeof wait === 'number') reply.header('retry-after', String(wait));
      throw error;
    });
    // Secure when the client reached us over TLS: directly, or through a proxy that is
    // trusted (trustProxy) and says so; a header from anyone else proves nothing.
    reply.setCookie(SESSION_COOKIE, result.sessionToken, { httpOnly: true, sameSite: 'lax', secure: request.protocol === 'https', path: '/', expires: new Date(result.expiresAt) });
    const user = await context.store.accounts.getUser(result.userId);
    if (!user) throw new AppError('unauthenticated', 'Tài khoản không còn tồn tại.');
    return describeMe(context, user, result.csrfToken);
  });

  app.delete('/api/session', {
    schema: { tags: ['session'], summary: 'Đăng xuất', response: { 204: z.null(), 401: ZError, 403: ZError } },
  }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await logout({ store: context.store, secrets: context.secrets, sessionToken: token });
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send(null);
  });

  app.post('/api/session/logout-all', {
    schema: {
      tags: ['session'], summary: 'Đăng xuất mọi nơi: kết thúc mọi phiên đăng nhập của tài khoản, trên mọi thiết bị',
      description: 'Chỉ với phiên đăng nhập (cookie); mã truy cập (Bearer) nhận 403. Mã truy cập của tài khoản vẫn dùng được.',
      response: { 204: z.null(), 401: ZError, 403: ZError },
    },
  }, async (request, reply) => {
    await logoutEverywhere({ store: context.store, principal: principalOf(request), now: context.now() });
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send(null);
  });
}
