// better-sqlite3 and its compiled addon. The build bundles the package's JavaScript
// (scripts/build.mjs): imported as CommonJS file by file it cost each command ~20 ms
// of start-up (a dozen files resolved and compiled, and Node's export scanner). The
// addon stays a file in the installed package, handed over by path.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';

let addon: string | object | undefined;

/**
 * The compiled addon for `new BetterSqlite3(file, { nativeBinding })`: where node-gyp and
 * prebuild-install put it, else found by the `bindings` package's search run from the
 * package's own folder (run from our bundle, it would search ours).
 */
function sqliteAddon(): string | object {
  if (addon !== undefined) return addon;
  const manifest = createRequire(import.meta.url).resolve('better-sqlite3/package.json');
  const release = path.join(path.dirname(manifest), 'build', 'Release', 'better_sqlite3.node');
  const bindings = () => createRequire(manifest)('bindings') as (options: { bindings: string; module_root: string }) => object;
  addon = existsSync(release) ? release : bindings()({ bindings: 'better_sqlite3.node', module_root: path.dirname(manifest) });
  return addon;
}

/** Opens a database file (or ':memory:') with the addon above. */
export function openSqliteHandle(file: string, options: Omit<BetterSqlite3.Options, 'nativeBinding'> = {}): BetterSqlite3.Database {
  // The types say a path; the package takes the loaded addon too (its issue 972).
  return new BetterSqlite3(file, { ...options, nativeBinding: sqliteAddon() as string });
}
