// Whether dist/ is older than the sources it is built from. Kept apart from build.mjs
// and free of heavy imports: the `baocao` bin asks this on every start in a clone.
import { existsSync, readdirSync, statSync } from 'node:fs';

const ROOT = new URL('..', import.meta.url).pathname;
const STAMP = `${ROOT}dist/.built`;

/** The newest modification time under src/ (tests excluded), package.json and the build script. */
function newestSource() {
  let newest = Math.max(statSync(`${ROOT}package.json`).mtimeMs, statSync(`${ROOT}scripts/build.mjs`).mtimeMs);
  for (const name of readdirSync(`${ROOT}src`, { recursive: true })) {
    if (name.endsWith('.test.ts')) continue;
    const mtime = statSync(`${ROOT}src/${name}`).mtimeMs;
    if (mtime > newest) newest = mtime;
  }
  return newest;
}

export function isStale() {
  return !existsSync(STAMP) || newestSource() > statSync(STAMP).mtimeMs;
}
