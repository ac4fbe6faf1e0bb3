// Shapes shared by the values import use case and the file parsers in src/exchange:
// a file becomes raw rows (still text, as written) plus conflicts; the use case
// resolves codes against the catalogue and the org tree.

/** One data value as read from a file, before any code is resolved. */
export interface ValueRow {
  /** 1-based position in the file: the CSV line number, or the JSON `dataValues` index. */
  readonly index: number;
  readonly indicator: string;
  /** As written: `2022-04` or DHIS2's `202204`. */
  readonly period: string;
  readonly orgUnit: string;
  /** `default` or empty for the total, else our disaggregation key (`channel=online;level=4`). */
  readonly disagg: string;
  readonly value: string;
  readonly comment?: string | null;
  readonly storedBy?: string | null;
  /**
   * The stored value this write was based on (as GET /api/values showed it; null or ''
   * when the cell was empty). When given, the write is refused with 409 `conflict` if
   * the stored value has changed since: a stale save never overwrites someone else's.
   */
  readonly base?: string | null;
}

/** DHIS2-like conflict: what was wrong, with the rows it concerns. */
export interface ImportConflict {
  /** The offending code or field (`ioffice.docs_issued`, `value`, `json`…). */
  readonly object: string;
  readonly value: string;
  /** 1-based rows in the file (empty for a whole-file problem). */
  readonly indexes: readonly number[];
  /** Vietnamese, for users. */
  readonly message: string;
}

/** A values file after parsing; `fatal` when the file could not be read as a whole (malformed JSON/CSV). */
export interface ParsedValues {
  readonly format: 'json' | 'csv' | 'adx' | 'xlsx';
  readonly rows: readonly ValueRow[];
  readonly conflicts: readonly ImportConflict[];
  readonly fatal: boolean;
}

export type ImportStatus = 'SUCCESS' | 'WARNING' | 'ERROR';

export interface ImportCount {
  readonly imported: number;
  readonly updated: number;
  /** Rows not written: conflicting rows, and rows equal to what is stored. */
  readonly ignored: number;
  readonly deleted: number;
}

/** The DHIS2-like summary every import returns (also for a dry run). */
export interface ImportSummary {
  readonly status: ImportStatus;
  readonly dryRun: boolean;
  readonly importCount: ImportCount;
  /** Of `ignored`: rows identical to the stored value and comment. */
  readonly unchanged: number;
  readonly conflicts: readonly ImportConflict[];
}
