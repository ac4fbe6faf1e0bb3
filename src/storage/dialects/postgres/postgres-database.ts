// PostgreSQL through a pg Pool: the shared-server setting (BAOCAO_DB=postgres://…).
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from '../../database.ts';
import type { OpenedDatabase } from '../../storage-dialect.ts';
import { PostgresDataValueUpsert } from './postgres-data-value-upsert.ts';

export function openPostgresDatabase(connectionString: string): OpenedDatabase {
  const pool = new pg.Pool({ connectionString, max: 10 });
  // An idle client whose connection the server closes (restart, failover,
  // pg_terminate_backend, DROP DATABASE … WITH (FORCE)) emits 'error' on the pool;
  // without a listener Node turns it into an uncaught exception and the process dies.
  // The pool has already discarded that client: the next query gets a fresh one.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: new PostgresDataValueUpsert() };
}
