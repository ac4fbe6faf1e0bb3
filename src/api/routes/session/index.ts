// POST /api/session (log in), DELETE /api/session (log out).
import { z } from 'zod';
import { login } from '../../../app/accounts/login.ts';
import { logout } from '../../../app/accounts/logout.ts';
import { AppError } from '../../../app/app-error.ts';
import type { RateLimit } from '../../auth/login-rate-limit.ts';
import type { ApiContext, ZodApp } from '../../context.ts';
import { SESSION_COOKIE } from '../../context.ts';
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
    const result = await login({ store: context.store, secrets: context.secrets, username: request.body.username, password: request.body.password, now: context.now() });
    // Secure whenever the client reached us over TLS, directly or through a proxy
    // that says so: the cookie must never travel in clear afterwards.
    const isTls = request.protocol === 'https' || request.headers['x-forwarded-proto'] === 'https';
    reply.setCookie(SESSION_COOKIE, result.sessionToken, { httpOnly: true, sameSite: 'lax', secure: isTls, path: '/', expires: new Date(result.expiresAt) });
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
}
