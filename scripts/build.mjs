#!/usr/bin/env node
// Compiles src/ into dist/ with esbuild: the command line's entry bundled as ES modules,
// split into shared chunks so that each command loads only what it imports (a Markdown
// render does not load the PDF libraries); npm packages stay in node_modules. tsx
// remains for tests and development; `npm start` and the `baocao` bin run dist/.
//
//   node scripts/build.mjs          build now (the bin builds when dist-freshness.mjs
//                                   says a source is newer than the last build)
//
// The build goes to a temporary folder that then replaces dist/ in two renames, so a
// command starting meanwhile never loads half a build.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const DIST = path.join(ROOT, 'dist');
// Pure-JS packages made of hundreds of small ES modules: bundled, because resolving
// each file costs more start-up than running them (kysely alone: ~0.1 s per command).
// better-sqlite3's JavaScript too (a dozen CommonJS files, ~20 ms); its addon is handed
// over by path (src/storage/dialects/sqlite/better-sqlite3.ts) and `bindings` stays out.
// Everything else (the document libraries, Fastify) stays in node_modules.
const BUNDLED_PACKAGES = new Set(['better-sqlite3', 'fastify-type-provider-zod', 'kysely', 'liquidjs', 'yaml', 'zod']);

function externalPackages() {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  return Object.keys({ ...manifest.dependencies, ...manifest.devDependencies })
    .filter((name) => !BUNDLED_PACKAGES.has(name))
    .concat('bindings')
    .flatMap((name) => [name, `${name}/*`]);
}

export async function build() {
  const { build: esbuild } = await import('esbuild');
  const staging = `${DIST}.tmp-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  await esbuild({
    entryPoints: { cli: path.join(ROOT, 'src/cli/cli-entry.ts') },
    outdir: staging,
    absWorkingDir: ROOT,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: externalPackages(),
    chunkNames: 'chunks/[name]-[hash]',
    logLevel: 'warning',
    legalComments: 'none',
    // liquidjs's Node build requires `stream` and `crypto` as it loads (≈10 ms of start-up)
    // for file templates and hash filters; report templates are in memory and use
    // neither, so the bundle takes its platform-neutral ES module build.
    alias: { liquidjs: path.join(ROOT, 'node_modules', 'liquidjs', 'dist', 'liquid.browser.mjs') },
    // Some CommonJS packages require Node's built-ins: give the ES module chunks a require.
    banner: { js: "import { createRequire as __baocaoCreateRequire } from 'node:module'; const require = __baocaoCreateRequire(import.meta.url);" },
  });
  writeFileSync(path.join(staging, '.built'), new Date().toISOString() + '\n');
  const old = `${DIST}.old-${process.pid}`;
  if (existsSync(DIST)) renameSync(DIST, old);
  renameSync(staging, DIST);
  rmSync(old, { recursive: true, force: true });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await build();
}
