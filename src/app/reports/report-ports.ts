// Ports of reports: templates, report instances with their workflow state, the
// divisions' parts, narrative items, the document register and plan items.
// src/storage implements them for SQLite and PostgreSQL.
//
// Every mutable row carries a `version`: an update names the version it read and is
// refused ('conflict') when someone else wrote in between (optimistic concurrency),
// so two people editing the same report never silently overwrite each other.
import type { IsoDate } from '../../core/period.ts';
import type { DocumentEntry, NarrativeItem, PlanItem, ReportInstance } from '../../core/report-instance.ts';
import type { ReportModel } from '../../core/report-model.ts';
import type { ReportTemplate } from '../../core/report-template.ts';
import type { PartStatus, ReportStatus } from '../../core/workflow.ts';
import type { UpsertCounts } from '../ports.ts';

/** The outcome of a versioned write: the new row, or why nothing was written. */
export type VersionedWrite<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly reason: 'conflict' | 'not_found' };

/** A report row: the header of a ReportInstance plus its workflow state. */
export interface StoredReport extends Omit<ReportInstance, 'items' | 'documents' | 'plan' | 'variables'> {
  readonly id: number;
  readonly variables: Readonly<Record<string, string | number>>;
  readonly status: ReportStatus;
  /** Why it was last returned or reopened. */
  readonly reason: string | null;
  /** ISO timestamp of issue; null until issued. */
  readonly issuedAt: string | null;
  /** Username (actor) of who issued it; null until issued. */
  readonly issuedBy: string | null;
  readonly version: number;
}

/** What a workflow action may change on a report. */
export interface ReportStateChange {
  readonly status?: ReportStatus;
  readonly number?: number | null;
  readonly date?: IsoDate | null;
  readonly reason?: string | null;
  readonly issuedAt?: string | null;
  readonly issuedBy?: string | null;
}

/** What an editor may change in a report's header. */
export type ReportHeaderChange = Partial<Pick<StoredReport,
  'place' | 'governingBody' | 'issuingBody' | 'symbol' | 'recipients' | 'signer' | 'variables' | 'date'>>;

export interface StoredPart {
  readonly reportId: number;
  /** Org unit code of the division. */
  readonly division: string;
  readonly status: PartStatus;
  readonly submittedAt: string | null;
  /** Why the office returned it. */
  readonly reason: string | null;
  /** When and by whom (actor) it was last returned. */
  readonly returnedAt: string | null;
  readonly returnedBy: string | null;
  readonly version: number;
}

export interface PartChange {
  readonly status: PartStatus;
  readonly submittedAt?: string | null;
  readonly reason?: string | null;
  readonly returnedAt?: string | null;
  readonly returnedBy?: string | null;
}

/** A row of a report's list (items, documents, plan) with its version. */
export type Versioned<T> = T & { readonly version: number };

export interface ReportFilter {
  readonly orgUnit?: string;
  readonly period?: string;
  readonly template?: string;
  readonly status?: ReportStatus;
}

export interface ReportTemplateRepository {
  get(code: string): Promise<ReportTemplate | undefined>;
  list(): Promise<ReportTemplate[]>;
  /** Inserts or replaces by code; `unchanged` when the stored JSON is the same. */
  upsertMany(templates: readonly ReportTemplate[]): Promise<UpsertCounts>;
}

export interface ReportRepository {
  /** By (org unit, period), optionally narrowed to one template (the first by template code otherwise). */
  find(orgUnit: string, period: string, template?: string): Promise<StoredReport | undefined>;
  get(id: number): Promise<StoredReport | undefined>;
  list(filter?: ReportFilter): Promise<StoredReport[]>;

  /** The whole core ReportInstance (header, items, documents, plan), or undefined. */
  loadInstance(orgUnit: string, period: string, template?: string): Promise<ReportInstance | undefined>;
  /**
   * Saves a whole instance as a set (demo load, import): the header is upserted by
   * (org unit, period, template) and its items, documents and plan replaced by the
   * given ones. Keeps the workflow state of an existing report. Returns
   * `unchanged: 1` when everything stored was already equal (a second load writes nothing).
   */
  saveInstance(instance: ReportInstance): Promise<UpsertCounts>;

  /** A new draft report with no items; fails ('conflict') if one exists for the key. */
  create(instance: Omit<ReportInstance, 'items' | 'documents' | 'plan'>): Promise<VersionedWrite<StoredReport>>;
  updateHeader(id: number, expectedVersion: number, change: ReportHeaderChange): Promise<VersionedWrite<StoredReport>>;
  /** Workflow transition: status, number, date, reason, issued_at. */
  updateState(id: number, expectedVersion: number, change: ReportStateChange): Promise<VersionedWrite<StoredReport>>;

  /** The next free number of the issuing body + symbol in a calendar year (1 when none). */
  nextNumber(issuingBody: string, symbol: string, year: number): Promise<number>;
  /** Issued reports, for locking data writes (see core findLockingReport). */
  listIssued(period?: string): Promise<StoredReport[]>;

  listParts(reportId: number): Promise<StoredPart[]>;
  /** Creates the missing parts (status draft) for these divisions; existing ones are kept. */
  ensureParts(reportId: number, divisions: readonly string[]): Promise<StoredPart[]>;
  updatePart(reportId: number, division: string, expectedVersion: number, change: PartChange): Promise<VersionedWrite<StoredPart>>;

  listItems(reportId: number, section?: string): Promise<Versioned<NarrativeItem>[]>;
  /** Insert (expectedVersion undefined) or update by item id. */
  saveItem(reportId: number, item: NarrativeItem, expectedVersion?: number): Promise<VersionedWrite<Versioned<NarrativeItem>>>;
  deleteItem(reportId: number, id: string, expectedVersion: number): Promise<VersionedWrite<null>>;

  listDocuments(reportId: number): Promise<Versioned<DocumentEntry>[]>;
  saveDocument(reportId: number, entry: DocumentEntry, expectedVersion?: number): Promise<VersionedWrite<Versioned<DocumentEntry>>>;
  deleteDocument(reportId: number, id: string, expectedVersion: number): Promise<VersionedWrite<null>>;

  listPlanItems(reportId: number): Promise<Versioned<PlanItem>[]>;
  savePlanItem(reportId: number, item: PlanItem, expectedVersion?: number): Promise<VersionedWrite<Versioned<PlanItem>>>;
  deletePlanItem(reportId: number, id: string, expectedVersion: number): Promise<VersionedWrite<null>>;
}

/** Added to the Store (src/app/ports.ts) as `templates` and `reports`. */
export interface ReportStores {
  readonly templates: ReportTemplateRepository;
  readonly reports: ReportRepository;
}

export const REPORT_FORMATS = ['md', 'html', 'docx', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/**
 * Lays a ReportModel out in one format (src/render), handed to renderReport by whoever
 * wires the app. One function rather than four, so an implementation loads only the
 * renderer asked for (the PDF and DOCX libraries dominate a command's start-up).
 */
export type ReportRenderers = (model: ReportModel, format: ReportFormat) => Promise<string | Uint8Array>;
