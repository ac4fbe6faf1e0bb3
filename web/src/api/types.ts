// Shapes of the API's JSON, as src/api's zod schemas declare them (see /openapi.json).
// Kept by hand: the web app may import only src/core, not src/api.
import type { Role } from '../../../src/core/access.ts';
import type { Finding } from '../../../src/core/finding.ts';
import type { ReportModel } from '../../../src/core/report-model.ts';
import type { ReportTemplate } from '../../../src/core/report-template.ts';
import type { PartStatus, ReportStatus, WorkflowAction } from '../../../src/core/workflow.ts';
import type { PlanStatus } from '../../../src/core/report-instance.ts';

export interface MeGrant { role: Role; orgUnit: string; orgUnitName: string }
export interface Me { username: string; displayName: string; grants: MeGrant[]; csrfToken: string | null }

export interface OrgUnit {
  code: string; name: string; shortName: string | null; parentCode: string | null;
  level: number; path: string; kind: string | null; kindLabel?: string | null; openingDate: string | null; closingDate: string | null;
}

export interface Indicator {
  code: string; name: string; unit: string; kind: 'flow' | 'stock' | 'derived'; valueType: string;
  expression: string | null; disaggregations: string[]; description: string | null;
}

/** GET /api/disaggregations */
export interface DisaggregationView { code: string; name: string; options: { code: string; name: string }[] }

/** GET /api/analytics */
export interface AnalyticsView {
  indicator: { code: string; name: string; unit: string; kind: string };
  orgUnit: string; by: 'month' | 'unit'; filter: Record<string, string>;
  periods: string[];
  series: { orgUnit: string; name: string; values: (number | null)[] }[];
}

export interface DataValue {
  dataElement: string; period: string; orgUnit: string; categoryOptionCombo: string; value: string;
  comment?: string; storedBy?: string; lastUpdated?: string;
}
export interface DataValueSet { orgUnit: string; period: string; dataValues: DataValue[] }

export interface ImportSummary {
  status: 'SUCCESS' | 'WARNING' | 'ERROR';
  dryRun: boolean;
  importCount: { imported: number; updated: number; ignored: number; deleted: number };
  unchanged: number;
  conflicts: { object: string; value: string; indexes: number[]; message: string }[];
}

/** POST /api/values/import: the summary (also in details.importSummary of its 400). */
export interface FileImportSummary extends ImportSummary {
  format: 'json' | 'csv' | 'adx' | 'xlsx';
  notices: string[];
}

/** POST /api/reports/:org/:period/import: an old report read for preview or saved. */
export interface LegacyItem { paragraph: number; marker: string; text: string }
export interface LegacySection {
  id: string; number: string; numbering: string; title: string; level: number; paragraph: number;
  items: LegacyItem[]; sections: LegacySection[];
}
export interface LegacyDocument {
  id: string; section?: string | null; type: string; label?: string | null; number?: string | null; symbol?: string | null;
  issuer: string; date?: string | null; summary: string; cited?: boolean; reference: string; paragraph: number;
}
export interface LegacyImportResult {
  status: 'OK' | 'WARNING' | 'ERROR';
  dryRun: boolean;
  format: 'docx' | 'markdown';
  header: {
    governingBody: string | null; issuingBody: string | null; numberAndSymbol: string | null;
    number: number | null; symbol: string | null; place: string | null; date: string | null;
  };
  title: string | null; summary: string | null; period: string | null;
  preamble: string[];
  sections: LegacySection[];
  plan: { order: number; text: string; forPeriod: string | null; paragraph: number }[];
  closing: string | null;
  recipients: string[];
  signer: { authority: string | null; title: string; name: string } | null;
  documents: LegacyDocument[];
  numbers: { value: number; text: string; isPercent: boolean; section: string; indicator?: string | null }[];
  findings: Finding[];
  coverage: number;
  unplaced: { paragraph: number; text: string }[];
  saved: { imported: number; updated: number; unchanged: number } | null;
}

/** A division's part of a report, as the caller sees it (what it may do, why not). */
export interface PartView {
  division: string; name?: string; status: PartStatus; statusLabel?: string; submittedAt: string | null;
  /** The reason of the last return, for the division to read. */
  reason: string | null; returnedAt?: string | null; returnedBy?: string | null; returnedByName?: string | null; version?: number;
  timeliness?: 'on_time' | 'late' | 'missing' | string;
  /** The caller may write this part's values and items now; else lockedReason says why. */
  editable?: boolean; lockedReason?: string | null;
  actions?: ('submit' | 'return')[];
}

/** A template section as the caller sees it: who writes it and whether the caller may now. */
export interface SectionView {
  id: string; number: string; title: string; level: number; owner: string | null; ownerName: string | null;
  editable: boolean; lockedReason: string | null;
}

/** The workflow part of GET /api/reports/:org/:period (also the answer of an action). */
export interface WorkflowView {
  orgUnit: string;
  period: string;
  template: string;
  status: ReportStatus;
  statusLabel: string;
  number: number | null;
  numberText: string | null;
  date: string | null;
  reason: string | null;
  version: number;
  parts: PartView[];
  orgUnitName?: string;
  periodLabel?: string;
  deadline?: string;
  window?: { from: string; to: string };
  issuedAt?: string | null;
  issuedBy?: { username: string; displayName: string } | null;
  /** What the caller may do on the report now (the buttons to show). */
  actions?: WorkflowAction[];
  /** The caller may write the document register / next period's plan / the plan review now; else why not. */
  editable?: { documents: boolean; plan: boolean; planReview: boolean };
  editableReason?: { documents: string | null; plan: string | null; planReview: string | null };
}

/** GET /api/reports/:org/:period */
export interface ReportView {
  workflow: WorkflowView;
  model: ReportModel & { draft?: boolean };
  /** The same list as the dashboard's: the rules' findings and the report's own checks. */
  findings: ReportFinding[];
  sections?: SectionView[];
}

/** What a finding is about, to link to it: an entry cell, an item, a section, a document, a plan line. */
export type FindingTarget =
  | { kind: 'cell'; indicator: string; indicatorName?: string; orgUnit: string; period: string; categoryOptionCombo?: string }
  | { kind: 'item'; id: string; section: string }
  | { kind: 'section'; section: string }
  | { kind: 'document'; id: string }
  | { kind: 'plan'; id: string };

/** A giải trình: why a flagged figure is right, written by whoever enters it. */
export interface Explanation {
  orgUnit: string; period: string; dataElement: string; categoryOptionCombo: string;
  text: string; author: string; authorName?: string | null; at: string;
}

export type ReportFinding = Finding & {
  ruleName?: string; source?: 'rule' | 'report' | 'template'; targets?: FindingTarget[]; explanations?: Explanation[];
};

/** GET /api/periods: where the user lands, and which periods have reports. */
export interface ReportSummary {
  orgUnit: string; orgUnitName: string; period: string; periodLabel: string; status: ReportStatus; statusLabel: string;
  numberText: string | null; date: string | null; deadline: string; issuedAt: string | null; isOpen: boolean;
}
export interface ReportUnitView {
  orgUnit: string; name: string; shortName: string | null; canCreate: boolean; nextPeriod: { period: string; label: string } | null;
}
export interface PeriodsView {
  today: string;
  landing: { orgUnit: string; period: string } | null;
  units: ReportUnitView[];
  reports: ReportSummary[];
}

/** GET /api/reports/:org/:period/form: who enters which figure. */
export interface FormCell {
  indicator: string; name: string; unit: string; valueType: string; disaggregations: string[];
  /** Null for a figure the template assigns without quoting it in a section. */
  section: string | null; sectionNumber: string | null; reportingUnit: string; reportingUnitName: string;
  editable: boolean; lockedReason: string | null;
}
export interface FormView {
  orgUnit: string; period: string; cells: FormCell[];
  units: { orgUnit: string; name: string; indicators: number; editable: boolean }[];
}

/** GET /api/notifications */
export interface NotificationView {
  id: string; kind: 'returned' | 'submitted' | 'opened' | 'compiled' | 'approved' | 'issued' | 'reopened' | 'deadline' | string;
  at: string; orgUnit: string; orgUnitName: string; period: string; periodLabel: string;
  part: string | null; partName: string | null; reason: string | null; actor: string | null; actorName: string | null;
  title: string; severity: 'info' | 'warning';
  /** Marked read by the user (opened with Xem, or all marked read). */
  read: boolean;
}

export interface ItemView { id: string; section: string; order: number; text: string; marker?: string | null; owner?: string | null; slot?: string | null; version: number }
export interface DocumentView {
  id: string; section?: string | null; type: string; label?: string | null; number?: string | null; symbol?: string | null;
  issuer: string; date?: string | null; summary: string; cited?: boolean; version: number;
}
export interface PlanView { id: string; order: number; text: string; forPeriod: string; status?: PlanStatus | null; resultItemIds?: string[]; version: number }

/** GET /api/validation: the data-value rules' findings and the report's own checks. */
export interface ValidationView { orgUnit: string; period: string; findings: ReportFinding[]; reportFindings: ReportFinding[]; errors: number }

export interface CompletenessRow {
  orgUnit: string; name?: string; status: 'submitted' | 'late' | 'missing' | string;
  submittedAt?: string | null; deadline?: string | null;
}
export interface CompletenessView { period: string; deadline?: string | null; units: CompletenessRow[] }

export interface AuditEvent {
  id: number | string; at: string; user?: string | null; kind?: string; actor?: string; actorName?: string | null; action?: string; orgUnit?: string | null; period?: string | null;
  entity?: string | null; before?: unknown; after?: unknown;
  /** Vietnamese: the kind of event, a sentence saying what happened, and the fields changed. */
  actionLabel?: string; summary?: string; changes?: { field: string; label: string; before: string | null; after: string | null }[];
}

export interface UserView {
  username: string; displayName: string; disabled?: boolean; grants: { role: Role; orgUnit: string }[];
  /** Set while the account is locked out after too many wrong passwords (until this moment). */
  lockedUntil?: string | null; createdAt?: string | null; lastLoginAt?: string | null;
}

export type { Finding, ReportModel, ReportTemplate, ReportStatus, WorkflowAction, PlanStatus };
