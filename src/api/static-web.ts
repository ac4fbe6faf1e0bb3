// Serves the built web app (web/dist) from the API server: files as they are, with
// long caching for hashed assets; any other non-/api GET gets index.html so the
// browser's router shows the page (SPA fallback). /api/* that matches no route
// stays a JSON 404. Without a build, a Vietnamese page says how to make one.
import { existsSync, statSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { packagePath } from '../exchange/package-root.ts';
import { send } from './errors.ts';

export const DEFAULT_WEB_DIST = packagePath('web', 'dist');

const NO_BUILD_PAGE = `<!doctype html><html lang="vi"><meta charset="utf-8"><title>Báo cáo định kỳ</title>
<body style="font-family:sans-serif;max-width:640px;margin:64px auto">
<h1>Chưa dựng giao diện web</h1>
<p>Máy chủ API đang chạy, nhưng thư mục <code>web/dist</code> chưa có. Chạy <code>npm run build:web</code> rồi tải lại trang.</p>
<p>API: <a href="/docs">/docs</a></p></body></html>`;

/** The file under `root` that a URL path names, or null (outside root, missing, or a directory). */
function fileFor(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const relative = normalize(decoded).replace(/^([/\\])+/, '');
  if (relative === '' || relative.split(sep).includes('..')) return null;
  const full = join(root, relative);
  if (!full.startsWith(root + sep)) return null;
  try {
    return statSync(full).isFile() ? relative : null;
  } catch {
    return null;
  }
}

export async function registerStaticWeb(app: FastifyInstance, root: string = DEFAULT_WEB_DIST): Promise<void> {
  // serve: false: only reply.sendFile; the route below decides what each path gets.
  await app.register(fastifyStatic, { root, serve: false });
  app.get('/*', { config: { isPublic: true }, schema: { hide: true } }, (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (path === '/api' || path.startsWith('/api/')) return send(reply, 'not_found', `Không có đường dẫn ${request.method} ${path}.`);
    if (!existsSync(join(root, 'index.html'))) return reply.code(503).type('text/html; charset=utf-8').send(NO_BUILD_PAGE);
    const file = fileFor(root, path);
    // A missing asset (an old hashed name) is a 404, not the app's page.
    if (!file && /\.[a-z0-9]+$/i.test(path)) return send(reply, 'not_found', `Không có tệp ${path}.`);
    if (file) {
      // Vite puts a content hash in every asset name: they never change under that name.
      const hashed = file.startsWith(`assets${sep}`);
      return reply.sendFile(file, { maxAge: hashed ? '365d' : 0, immutable: hashed });
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html', { maxAge: 0 });
  });
}
