// Where the database is: BAOCAO_DB, or the SQLite file in BAOCAO_DATA. Apart from
// open-store.ts and free of imports, for paths that must start fast (a kept render).

type Env = Readonly<Record<string, string | undefined>>;

export const DEFAULT_DATABASE_URL = 'sqlite:./data/baocao.db';

/**
 * The database URL from the environment: `BAOCAO_DB`, else the embedded SQLite file
 * `baocao.db` in the data folder `BAOCAO_DATA` (default `./data`).
 */
export function resolveDatabaseUrl(env: Env): string {
  const configured = env['BAOCAO_DB']?.trim();
  if (configured) return configured;
  const dataDir = env['BAOCAO_DATA']?.trim();
  return dataDir ? `sqlite:${dataDir.replace(/\/+$/, '')}/baocao.db` : DEFAULT_DATABASE_URL;
}

export type DatabaseLocation = { readonly kind: 'sqlite'; readonly file: string } | { readonly kind: 'postgres'; readonly url: string };

/** `postgres://…`/`postgresql://…`, `sqlite:path` or `sqlite::memory:`; throws for anything else (a configuration fault). */
export function parseDatabaseUrl(url: string): DatabaseLocation {
  if (/^postgres(ql)?:\/\//i.test(url)) return { kind: 'postgres', url };
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length);
    if (file === '') throw new Error(`BAOCAO_DB không hợp lệ: "${url}" thiếu đường dẫn tệp SQLite (ví dụ sqlite:./data/baocao.db)`);
    return { kind: 'sqlite', file };
  }
  throw new Error(`BAOCAO_DB không hợp lệ: "${url}". Dùng postgres://…, postgresql://…, sqlite:đường-dẫn hoặc sqlite::memory:`);
}
