// Security headers on every answer (helmet), ADR 0013. The Content-Security-Policy
// keeps scripts to the server's own files: no inline script, no eval, nothing from
// elsewhere, no plugin, no framing by any site. Styles allow 'unsafe-inline' because
// antd (the web app's components) writes its CSS into <style> elements at run time;
// an injected style cannot run code, and script-src is not weakened for it. No
// upgrade-insecure-requests: a server on a LAN address over plain HTTP must keep
// loading its own files. HSTS only when the request came over HTTPS (directly, or as a
// trusted proxy says): over HTTP a browser ignores it, and a host name that is later
// served without TLS must not be pinned by mistake.
import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

export const CONTENT_SECURITY_POLICY: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  'connect-src': ["'self'"],
  'font-src': ["'self'", 'data:'],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'object-src': ["'none'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", "'unsafe-inline'"],
};

/** One year; no includeSubDomains: other hosts of an agency's domain are not ours to pin. */
export const HSTS = 'max-age=31536000';

export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: { useDefaults: false, directives: Object.fromEntries(Object.entries(CONTENT_SECURITY_POLICY).map(([name, values]) => [name, [...values]])) },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: false,
  });
  app.addHook('onSend', async (request, reply) => {
    if (request.protocol === 'https') reply.header('strict-transport-security', HSTS);
  });
}
