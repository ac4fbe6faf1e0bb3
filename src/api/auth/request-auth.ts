// Authentication of every /api request, before its body is validated: so an
// unauthenticated caller learns nothing from 400s. Sessions come from the cookie,
// API tokens from `Authorization: Bearer`. Cookie-authenticated writes must echo
// the session's CSRF token in `x-csrf-token` (a cross-site form cannot read it);
// bearer tokens are not sent by browsers on their own, so they need none.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { authenticate } from '../../app/accounts/authenticate.ts';
import { AppError } from '../../app/app-error.ts';
import type { Principal } from '../../app/accounts/principal.ts';
import type { ApiContext, RouteConfig } from '../context.ts';
import { SESSION_COOKIE } from '../context.ts';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | undefined;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function bearerOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1];
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export function installAuthentication(app: FastifyInstance, context: ApiContext): void {
  app.decorateRequest('principal', undefined);

  app.addHook('onRequest', async (request) => {
    const config = request.routeOptions.config as RouteConfig | undefined;
    if (!request.url.startsWith('/api/')) return;
    const bearerToken = bearerOf(request);
    const sessionToken = request.cookies[SESSION_COOKIE];
    request.principal = await authenticate({
      store: context.store, secrets: context.secrets, now: context.now(), sessions: context.sessions,
      ...(bearerToken ? { bearerToken } : {}), ...(sessionToken ? { sessionToken } : {}),
    });
    if (config?.isPublic) return;
    if (!request.principal) {
      throw new AppError('unauthenticated', bearerToken ? 'Mã truy cập không hợp lệ, đã bị thu hồi hoặc tài khoản bị vô hiệu hóa.' : 'Cần đăng nhập.');
    }
    if (request.principal.via === 'session' && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !sameSecret(sent, request.principal.csrfToken ?? '')) {
        throw new AppError('csrf_invalid', 'Thiếu hoặc sai mã chống giả mạo (tiêu đề x-csrf-token); lấy mã mới từ GET /api/me.');
      }
    }
  });
}

/** The authenticated principal; routes not marked public always have one. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError('unauthenticated', 'Cần đăng nhập.');
  return request.principal;
}
