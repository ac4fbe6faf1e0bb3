// PostgreSQL through a pg Pool: the shared-server setting (BAOCAO_DB=postgres://…).
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from '../../database.ts';
import type { ConnectionSettings, OpenedDatabase } from '../../storage-dialect.ts';
import { PostgresDataValueUpsert } from './postgres-data-value-upsert.ts';

export function openPostgresDatabase(connectionString: string, settings: ConnectionSettings): OpenedDatabase {
  const pool = new pg.Pool({
    connectionString,
    max: settings.poolSize,
    // Bounded waits: a server that does not answer (down, black-holed, all clients
    // busy) fails the request after this long instead of hanging it.
    connectionTimeoutMillis: settings.connectTimeoutMs,
    statement_timeout: settings.statementTimeoutMs,
    // A transaction left open by a crashed request must not hold locks for ever.
    idle_in_transaction_session_timeout: settings.statementTimeoutMs * 2,
    keepAlive: true,
  });
  // A client whose connection the server closes (restart, failover,
  // pg_terminate_backend, an idle timeout, DROP DATABASE … WITH (FORCE)) emits
  // 'error'. Unheard, Node turns it into an uncaught exception and the process dies.
  // The pool drops an idle broken client itself; a checked-out one fails its query,
  // Kysely releases it, and the pool discards it as not queryable. Either way the
  // next query gets a fresh connection, so all that is left to do is to say so.
  pool.on('error', (error) => settings.onConnectionError(error));
  pool.on('connect', (client) => client.on('error', (error) => settings.onConnectionError(error)));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: new PostgresDataValueUpsert() };
}
