// Ports of the legacy import: where a value's provenance is kept (the file and the
// paragraph that stated it). src/storage implements it for SQLite and PostgreSQL.
import type { DataValueKey } from '../../core/data-value.ts';

export interface ValueSource extends DataValueKey {
  /** The file's name as uploaded ("bao-cao-thang-4.docx"). */
  readonly source: string;
  /** Paragraph of the file, counted from 1 as users count. */
  readonly paragraph: number;
  /** The figure as written ("20.601"). */
  readonly excerpt: string;
  /** ISO instant. */
  readonly recordedAt: string;
}

export interface ValueSourceRepository {
  /** Inserts or replaces by value key. */
  record(sources: readonly ValueSource[]): Promise<void>;
  find(query: { orgUnit: string; period: string }): Promise<ValueSource[]>;
}
