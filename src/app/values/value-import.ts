// Shapes shared by the values import use case and the file parsers in src/exchange:
// a file becomes raw rows (still text, as written) plus conflicts; the use case
// resolves codes against the catalogue and the org tree.
import type { IdScheme, IdSchemes } from '../../core/dhis2-ids.ts';

/** One data value as read from a file, before any code is resolved. */
export interface ValueRow {
  /** 1-based position in the file: the CSV line number, or the JSON `dataValues` index. */
  readonly index: number;
  readonly indicator: string;
  /** As written: `2022-04` or DHIS2's `202204`. */
  readonly period: string;
  readonly orgUnit: string;
  /**
   * The category option combination as written: `default` or empty for the total, a
   * combination's uid, code or name (by the id scheme), or our key (`channel=online;level=4`).
   */
  readonly disagg: string;
  /** ADX's exploded form instead: `{ category: option }` as written. */
  readonly disaggOptions?: Readonly<Record<string, string>>;
  /** The attribute option combination as written, like `disagg` ('' or absent for none). */
  readonly attr?: string;
  /** ADX's exploded attribute categories of the group: `{ category: option }` as written. */
  readonly attrOptions?: Readonly<Record<string, string>>;
  /** As written; '' asks for the stored value to be deleted (DHIS2's semantics). */
  readonly value: string;
  /**
   * ADX's <annotation>: the value of a non-numeric data element (DHIS2 writes value="0"
   * beside it), the comment of a numeric one.
   */
  readonly annotation?: string;
  /** DHIS2's `deleted: true`: delete the stored value. */
  readonly deleted?: boolean;
  /** DHIS2's follow-up mark. */
  readonly followup?: boolean;
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
  /** Id schemes the file itself declares (a dataValueSet's idScheme…); they win over the request's. */
  readonly idSchemes?: IdSchemes;
  /** The format's default id scheme: CODE for ADX, UID otherwise (DHIS2's defaults). */
  readonly defaultIdScheme?: IdScheme;
}

/** DHIS2's importStrategy: which rows may create, update or delete stored values. */
export const IMPORT_STRATEGIES = ['CREATE_AND_UPDATE', 'CREATE', 'UPDATE', 'DELETE'] as const;
export type ImportStrategy = (typeof IMPORT_STRATEGIES)[number];

export type ImportStatus = 'SUCCESS' | 'WARNING' | 'ERROR';

export interface ImportCount {
  readonly imported: number;
  readonly updated: number;
  /** Rows not written: conflicting rows, rows equal to what is stored, rows the strategy leaves alone, deletions of nothing. */
  readonly ignored: number;
  /** Stored values deleted (`deleted: true`, an empty value, or importStrategy DELETE). */
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
