// PostgreSQL's side of backups: pg_dump / pg_restore when the client tools are
// installed (and not older than the server), else a read of every table through a
// cursor inside one REPEATABLE READ transaction (a consistent snapshot while the
// server goes on writing), and identity sequences set past the restored ids.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { insertOrder, isBackedUpTable } from '../../backup/database-dump.ts';
import type { DatabaseDump, TableDump } from '../../backup/database-dump.ts';

const BATCH = 5_000;

/** The newest pg_dump/pg_restore: on PATH or under /usr/lib/postgresql/<version>/bin. */
export function findPgTool(tool: 'pg_dump' | 'pg_restore'): string | null {
  const candidates: string[] = [];
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    for (const version of readdirSync(root).sort((a, b) => Number(b) - Number(a))) candidates.push(path.join(root, version, 'bin', tool));
  }
  for (const dir of (process.env['PATH'] ?? '').split(path.delimiter)) if (dir) candidates.push(path.join(dir, tool));
  return candidates.find((file) => existsSync(file)) ?? null;
}

function majorVersionOf(tool: string): number {
  const out = spawnSync(tool, ['--version'], { encoding: 'utf8' }).stdout ?? '';
  return Number(/(\d+)(\.\d+)?/.exec(out)?.[1] ?? 0);
}

/** The connection as libpq environment variables: the password never shows in `ps`. */
function libpqEnv(url: string): NodeJS.ProcessEnv {
  const u = new URL(url);
  const env: NodeJS.ProcessEnv = { ...process.env, PGHOST: u.hostname, PGPORT: u.port || '5432', PGDATABASE: decodeURIComponent(u.pathname.slice(1)) };
  if (u.username) env['PGUSER'] = decodeURIComponent(u.username);
  if (u.password) env['PGPASSWORD'] = decodeURIComponent(u.password);
  const sslmode = u.searchParams.get('sslmode');
  if (sslmode) env['PGSSLMODE'] = sslmode;
  return env;
}

function run(tool: string, args: readonly string[], url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { env: libpqEnv(url), stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(tool)}: ${stderr.trim().split('\n').at(-1) ?? `exit ${code}`}`))));
  });
}

/**
 * pg_dump when installed and at least as new as the server (an older pg_dump refuses
 * a newer server); null when it cannot be used, with the reason.
 */
export async function usablePgDump(url: string): Promise<{ tool: string } | { reason: string }> {
  const tool = findPgTool('pg_dump');
  if (!tool) return { reason: 'không tìm thấy pg_dump' };
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const server = Math.floor(Number((await client.query<{ server_version_num: string }>('SHOW server_version_num')).rows[0]?.server_version_num ?? 0) / 10_000);
    const own = majorVersionOf(tool);
    return own >= server ? { tool } : { reason: `pg_dump ${own} cũ hơn máy chủ PostgreSQL ${server}` };
  } finally {
    await client.end();
  }
}

export function pgDump(tool: string, url: string, file: string): Promise<void> {
  return run(tool, ['--format=custom', '--no-owner', '--no-privileges', '--file', file], url);
}

export function pgRestore(url: string, file: string): Promise<void> {
  const tool = findPgTool('pg_restore');
  if (!tool) return Promise.reject(new Error('không tìm thấy pg_restore (cài postgresql-client)'));
  return run(tool, ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', '--dbname', libpqEnv(url)['PGDATABASE'] ?? '', file], url);
}

/** Every application table of the database at `url`, as of one snapshot. */
export async function dumpPostgres(url: string): Promise<DatabaseDump> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  const names = (await client.query<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'")).rows.map((r) => r.table_name);
  const migrations = names.includes('kysely_migration') ? (await client.query<{ name: string }>('SELECT name FROM kysely_migration ORDER BY name')).rows.map((r) => r.name) : [];
  const fks = (await client.query<{ child: string; parent: string }>(`
    SELECT tc.table_name AS child, ccu.table_name AS parent
    FROM information_schema.table_constraints tc
    JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = tc.constraint_name AND ccu.constraint_schema = tc.constraint_schema
    WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = current_schema()`)).rows;
  const tableNames = names.filter(isBackedUpTable);
  const references = new Map(tableNames.map((name) => [name, fks.filter((fk) => fk.child === name).map((fk) => fk.parent)]));
  let open = true;
  const close = async () => {
    if (!open) return;
    open = false;
    await client.query('COMMIT').catch(() => undefined);
    await client.end();
  };
  async function* tables(): AsyncGenerator<TableDump> {
    for (const name of insertOrder(tableNames, references)) {
      const columns = (await client.query<{ column_name: string }>('SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position', [name])).rows.map((r) => r.column_name);
      const quoted = (n: string) => `"${n.replace(/"/g, '""')}"`;
      async function* batches(): AsyncGenerator<unknown[][]> {
        await client.query(`DECLARE baocao_dump NO SCROLL CURSOR FOR SELECT ${columns.map(quoted).join(', ')} FROM ${quoted(name)}`);
        try {
          for (;;) {
            const { rows } = await client.query<unknown[]>({ text: `FETCH ${BATCH} FROM baocao_dump`, rowMode: 'array' });
            if (rows.length === 0) return;
            yield rows;
          }
        } finally {
          await client.query('CLOSE baocao_dump');
        }
      }
      yield { name, columns, batches: batches() };
    }
  }
  return { source: 'postgres', migrations, tables: tables(), close };
}

/** Identity columns continue after the highest restored id, so new rows do not collide. */
export async function resetIdentitySequences(db: Kysely<unknown>): Promise<void> {
  const { rows } = await sql<{ table_name: string; column_name: string }>`
    SELECT table_name, column_name FROM information_schema.columns
    WHERE table_schema = current_schema() AND is_identity = 'YES'`.execute(db);
  for (const { table_name: table, column_name: column } of rows) {
    await sql`SELECT setval(pg_get_serial_sequence(${`"${table}"`}, ${column}), COALESCE((SELECT MAX(${sql.ref(column)}) FROM ${sql.table(table)}), 0) + 1, false)`.execute(db);
  }
}
