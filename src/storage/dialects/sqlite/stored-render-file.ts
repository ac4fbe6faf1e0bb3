// A kept render read straight from the SQLite file, for the command line's fast path
// (ADR 0022): one statement on a read-only handle, before Kysely, the migrations or
// the renderers are loaded. Any problem (no file, an older schema without the table,
// a locked file) is a miss: the caller renders the usual way, which also migrates.
import { existsSync } from 'node:fs';
import { openSqliteHandle } from './better-sqlite3.ts';

/** The render kept under `key` if the data is still at the generation it was made at; else null. */
export function readStoredRenderFile(file: string, key: string): Uint8Array | null {
  if (file === ':memory:' || !existsSync(file)) return null;
  try {
    const handle = openSqliteHandle(file, { readonly: true, fileMustExist: true });
    try {
      // One statement: the generation and the render are read in one snapshot.
      const body = handle.prepare('SELECT body FROM stored_render WHERE key = ? AND generation = (SELECT n FROM data_generation WHERE id = 1)').pluck().get(key);
      return body instanceof Uint8Array ? body : null;
    } finally {
      handle.close();
    }
  } catch {
    return null;
  }
}
