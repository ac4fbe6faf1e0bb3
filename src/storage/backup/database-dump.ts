// A database read table by table, in an order that inserts safely (a table after every
// table its foreign keys point to): what a portable backup file holds and what a
// restore writes. Produced by the dialects (a consistent snapshot of a live database)
// and by the portable file reader.

export interface TableDump {
  readonly name: string;
  readonly columns: readonly string[];
  /** Rows in batches, each row's values in `columns` order. Consume before the next table. */
  readonly batches: AsyncIterable<readonly (readonly unknown[])[]>;
}

export interface DatabaseDump {
  /** Where it came from: `sqlite` or `postgres`. */
  readonly source: string;
  /** The schema migrations applied to the source, in order. */
  readonly migrations: readonly string[];
  /** Application tables (not Kysely's own), parents before children. Iterate once. */
  readonly tables: AsyncIterable<TableDump>;
  /** Ends the snapshot (read transaction, connection); safe to call twice. */
  close(): Promise<void>;
}

/** Kysely's bookkeeping tables: the target's migrator writes its own. */
export const isMigrationTable = (name: string): boolean => name.startsWith('kysely_migration');

/** Tables derived from the others (kept renders and their generation): rebuilt, never copied. */
const DERIVED_TABLES: ReadonlySet<string> = new Set(['data_generation', 'stored_render']);

/** The tables a backup copies: the application's data, not Kysely's bookkeeping nor what is derived from the data. */
export const isBackedUpTable = (name: string): boolean => !isMigrationTable(name) && !DERIVED_TABLES.has(name);

/**
 * Tables ordered so every table comes after the tables it references. `references`
 * maps a table to the tables its foreign keys name (self-references ignored); ties
 * keep name order, so the order is stable.
 */
export function insertOrder(tables: readonly string[], references: ReadonlyMap<string, readonly string[]>): string[] {
  const remaining = new Set([...tables].sort());
  const ordered: string[] = [];
  while (remaining.size > 0) {
    const ready = [...remaining].find((t) => (references.get(t) ?? []).every((r) => r === t || !remaining.has(r)));
    if (ready === undefined) throw new Error(`foreign keys form a cycle among: ${[...remaining].join(', ')}`);
    ordered.push(ready);
    remaining.delete(ready);
  }
  return ordered;
}

/** A backup or restore refused for a reason the user can act on (message in Vietnamese). */
export class BackupProblem extends Error {}
