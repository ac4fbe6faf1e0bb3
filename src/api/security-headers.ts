// Security headers on every answer (helmet), ADR 0013. The Content-Security-Policy
// keeps scripts to the server's own files: no inline script, no eval, nothing from
// elsewhere, no plugin, no framing by any site. Styles allow 'unsafe-inline' because
// antd (the web app's components) writes its CSS into <style> elements at run time;
// an injected style cannot run code, and script-src is not weakened for it. No
// upgrade-insecure-requests: a server on a LAN address over plain HTTP must keep
// loading its own files. HSTS only when the request came over HTTPS (directly, or as a
// trusted proxy says): over HTTP a browser ignores it, and a host name that is later
// served without TLS must not be pinned by mistake.
//
// The headers are the same on every answer, so helmet computes them once at start-up
// (@fastify/helmet re-parsed the policy for each request: an eighth of the CPU of a
// hot GET) and a hook sets them.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

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

/** The headers helmet sets with our options, read off one run of its middleware. */
export function securityHeaders(): Readonly<Record<string, string>> {
  const middleware = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: Object.fromEntries(Object.entries(CONTENT_SECURITY_POLICY).map(([name, values]) => [name, [...values]])) },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: false,
  });
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string | number | readonly string[]) => { headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value); },
    removeHeader: (name: string) => { delete headers[name.toLowerCase()]; },
  };
  let failed: unknown = null;
  middleware({} as IncomingMessage, response as unknown as ServerResponse, (error?: unknown) => { failed = error ?? null; });
  if (failed) throw failed;
  return headers;
}

export function registerSecurityHeaders(app: FastifyInstance): void {
  const headers = securityHeaders();
  app.addHook('onSend', async (request, reply) => {
    reply.headers(headers);
    if (request.protocol === 'https') reply.header('strict-transport-security', HSTS);
  });
}
