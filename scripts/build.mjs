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
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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

/**
 * A hash of everything the compiled code is made of (src/, the lock file, this script):
 * renders kept in a database are served only to the build that made them
 * (src/cli/build-id.ts), so a new build, or new versions of the document libraries,
 * renders again.
 */
function buildId() {
  const hash = createHash('sha256');
  const add = (file) => hash.update(`${path.relative(ROOT, file)}\0`).update(readFileSync(file)).update('\0');
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (!entry.name.endsWith('.test.ts')) add(file);
    }
  };
  walk(path.join(ROOT, 'src'));
  for (const file of ['package-lock.json', 'package.json', 'scripts/build.mjs']) if (existsSync(path.join(ROOT, file))) add(path.join(ROOT, file));
  return hash.digest('hex').slice(0, 16);
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
    define: { __BAOCAO_BUILD_ID__: JSON.stringify(buildId()) },
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
