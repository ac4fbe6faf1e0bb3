// The seam between the dialect-agnostic repositories and the two databases.
// Only src/storage/dialects/* implement it; nothing else knows which one runs.
import type { Kysely } from 'kysely';
import type { UpsertCounts } from '../app/ports.ts';
import type { Database } from './database.ts';

/**
 * Data values as columns (one array per column, same length): the shape both bulk
 * paths want (SQLite flattens it into statement parameters, PostgreSQL passes each
 * array to unnest), built without an object per row.
 */
export interface DataValueColumns {
  readonly indicatorIds: number[];
  readonly orgUnitIds: number[];
  readonly periods: string[];
  readonly disaggs: string[];
  readonly attrs: string[];
  readonly values: (number | null)[];
  readonly texts: (string | null)[];
  readonly comments: (string | null)[];
  readonly storedBy: (string | null)[];
  readonly updatedAt: (string | null)[];
  /** 1 when marked for follow-up, else 0. */
  readonly followups: number[];
}

export interface StorageDialect {
  readonly name: 'sqlite' | 'postgres';
  /**
   * Inserts new keys, updates keys whose value, text, comment or follow-up mark changed, leaves the rest
   * untouched. Rows apply in order, as if one by one: a key given again updates
   * (or leaves unchanged) what the earlier row wrote, and is counted so; the last
   * one wins. Must be called inside a transaction on `db`.
   */
  upsertDataValues(db: Kysely<Database>, rows: DataValueColumns): Promise<UpsertCounts>;
  /**
   * A token that changes whenever anything is written to the database, by this process
   * or another: read caches keep what they computed under the token read before, and
   * recompute when it differs. Spurious changes only cost a recomputation.
   */
  changeToken(db: Kysely<Database>): Promise<string>;
}

/** How the server-database dialects connect (BAOCAO_DB_* settings, docs/configuration.md). */
export interface ConnectionSettings {
  /** Most connections open at once. */
  readonly poolSize: number;
  /** Longest wait for a connection (new, or a free one from the pool). */
  readonly connectTimeoutMs: number;
  /** Longest a single statement may run. */
  readonly statementTimeoutMs: number;
  /** A connection was lost; the pool has already let it go. For the log. */
  readonly onConnectionError: (error: Error) => void;
}

export interface OpenedDatabase {
  readonly db: Kysely<Database>;
  readonly dialect: StorageDialect;
}
