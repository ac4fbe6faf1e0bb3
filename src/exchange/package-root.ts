// The folder of the installed baocao package (the one holding its package.json), found
// by walking up from this module: the same answer whether the code runs from src/
// through tsx, from the bundled dist/, or from a global npm install. Files the package
// ships (demo/, web/dist/) are found from here, never from the working directory.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

export function packageRoot(): string {
  if (root) return root;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'baocao') return (root = dir);
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`baocao's package.json was not found above ${fileURLToPath(import.meta.url)}`);
    dir = up;
  }
}

/** A path inside the package: `packagePath('demo')`. */
export const packagePath = (...parts: string[]): string => path.join(packageRoot(), ...parts);
