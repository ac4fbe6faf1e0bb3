// Ports: what the use cases need from storage. src/storage implements them for
// SQLite and PostgreSQL; use cases depend on these interfaces only.
import type { AccountRepository } from './accounts/account-ports.ts';
import type { ValueSourceRepository } from './legacy-import/legacy-import-ports.ts';
import type { ReportRepository, ReportTemplateRepository } from './reports/report-ports.ts';
import type { ExplanationRepository } from './values/explanation-ports.ts';
import type { DataValue, DataValueKey } from '../core/data-value.ts';
import type { Disaggregation, Indicator, OptionCombo } from '../core/indicator.ts';
import type { OrgUnit } from '../core/org-unit.ts';
import type { ValidationRule } from '../core/validate.ts';

export interface DataValueQuery {
  /** Units by code; or `underPath` for a whole subtree (by OrgUnit.path prefix). */
  readonly orgUnits?: readonly string[];
  readonly underPath?: string;
  /** Canonical period codes. */
  readonly periods?: readonly string[];
  /**
   * Every period of these years: each period whose `year` is one of them, which is
   * every period counting towards the year, with the financial years and April halves
   * starting in it (a canonical code begins with its year: a range of the index).
   */
  readonly years?: readonly number[];
  readonly indicators?: readonly string[];
}

export interface UpsertCounts {
  readonly imported: number;
  readonly updated: number;
  /** Same value, text, comment and follow-up mark as stored: nothing written. */
  readonly unchanged: number;
}

export interface OrgUnitRepository {
  list(): Promise<OrgUnit[]>;
  get(code: string): Promise<OrgUnit | undefined>;
  /** Inserts or updates by code, as a set; level/path computed by the caller (OrgTree). */
  upsertMany(units: readonly OrgUnit[]): Promise<UpsertCounts>;
}

export interface IndicatorRepository {
  listIndicators(): Promise<Indicator[]>;
  listDisaggregations(): Promise<Disaggregation[]>;
  upsertDisaggregations(items: readonly Disaggregation[]): Promise<UpsertCounts>;
  upsertIndicators(items: readonly Indicator[]): Promise<UpsertCounts>;
  /** DHIS2 category option combinations, in the order first declared. */
  listOptionCombos(): Promise<OptionCombo[]>;
  upsertOptionCombos(items: readonly OptionCombo[]): Promise<UpsertCounts>;
}

export interface DataValueRepository {
  find(query: DataValueQuery): Promise<DataValue[]>;
  /** Of the given keys, those already stored (with their current value). */
  findExisting(keys: readonly DataValueKey[]): Promise<DataValue[]>;
  /** Set-based upsert in one statement batch; no per-row round trips. */
  upsertMany(values: readonly DataValue[]): Promise<UpsertCounts>;
  deleteMany(keys: readonly DataValueKey[]): Promise<number>;
}

export interface ValidationRuleRepository {
  list(): Promise<ValidationRule[]>;
  upsertMany(rules: readonly ValidationRule[]): Promise<UpsertCounts>;
}

export interface AuditEvent {
  readonly id?: number;
  readonly at: string;
  readonly actor: string;
  /** e.g. `data_value.upsert`, `report.issue`. */
  readonly action: string;
  readonly entity: string;
  readonly orgUnit?: string | null;
  readonly period?: string | null;
  readonly before?: unknown;
  readonly after?: unknown;
}

export interface AuditRepository {
  record(events: readonly AuditEvent[]): Promise<void>;
  /** Most recent first; `actions`: any of these actions. */
  list(filter: { orgUnit?: string; period?: string; actor?: string; action?: string; actions?: readonly string[]; limit?: number }): Promise<AuditEvent[]>;
}

/** Which notifications each user has read (the notifications themselves are computed). */
export interface NotificationReadRepository {
  /** The ids of the notifications `userId` has read. */
  readBy(userId: number): Promise<Set<string>>;
  /**
   * Marks `ids` read at `at`, and forgets the reads made before `forgetBefore` of
   * notifications not in `listed` (the list shows the latest only; a read still listed,
   * or recent, is kept, whichever grants the caller lists with).
   */
  markRead(userId: number, ids: readonly string[], at: string, prune: { listed: readonly string[]; forgetBefore: string }): Promise<void>;
}

/**
 * Rendered reports kept in the database while nothing they are made of changes
 * (ADR 0022): the database moves a generation with every committed write to a report
 * input, and a render is served only at the generation it was made at.
 */
export interface StoredRenderRepository {
  /** The generation of the data now. */
  generation(): Promise<number>;
  /** The render kept under `key` at `generation`, if any. */
  find(key: string, generation: number): Promise<Uint8Array | null>;
  /**
   * Keeps `body` under `key` if the data is still at `generation` (a later write may
   * have changed what it was made from: it is dropped), and then drops every render of
   * an earlier generation.
   */
  keep(key: string, generation: number, body: Uint8Array): Promise<void>;
}

/** The repositories of one database, and a way to run a unit of work atomically. */
export interface Store {
  readonly dialect: 'sqlite' | 'postgres';
  /** This store is a transaction's: read caches only read (it may see its own uncommitted writes). */
  readonly inTransaction: boolean;
  /** Identifies the database behind a store and its transactions: read caches are kept per scope. */
  readonly cacheScope: object;
  readonly orgUnits: OrgUnitRepository;
  readonly indicators: IndicatorRepository;
  readonly dataValues: DataValueRepository;
  readonly validationRules: ValidationRuleRepository;
  readonly audit: AuditRepository;
  readonly accounts: AccountRepository;
  readonly templates: ReportTemplateRepository;
  readonly reports: ReportRepository;
  /** Provenance of values read from an imported report's text. */
  readonly valueSources: ValueSourceRepository;
  readonly explanations: ExplanationRepository;
  readonly notificationReads: NotificationReadRepository;
  /** Null where the database keeps no generation (PostgreSQL: see the migration 2026_12_02_150000). */
  readonly storedRenders: StoredRenderRepository | null;
  /** Runs `work` in one transaction; a throw rolls everything back. */
  transaction<T>(work: (store: Store) => Promise<T>): Promise<T>;
  /**
   * Changes whenever anything is written, by this process or another sharing the
   * database: what a read cache compares to know that what it holds is current.
   */
  changeToken(): Promise<string>;
  /** Resolves when the database answers a trivial query (readiness); throws the driver's error. */
  ping(): Promise<void>;
  /** Migrations known to the code but not applied to the database (readiness). */
  pendingMigrations(): Promise<string[]>;
  close(): Promise<void>;
}
