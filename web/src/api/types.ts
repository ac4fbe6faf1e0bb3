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
  level: number; path: string; kind: string | null; openingDate: string | null; closingDate: string | null;
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

export interface PartView { division: string; status: PartStatus; submittedAt: string | null; reason: string | null; version?: number }

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
}

/** GET /api/reports/:org/:period */
export interface ReportView {
  workflow: WorkflowView;
  model: ReportModel;
  findings: Finding[];
}

export interface ItemView { id: string; section: string; order: number; text: string; marker?: string | null; owner?: string | null; slot?: string | null; version: number }
export interface DocumentView {
  id: string; section?: string | null; type: string; label?: string | null; number?: string | null; symbol?: string | null;
  issuer: string; date?: string | null; summary: string; cited?: boolean; version: number;
}
export interface PlanView { id: string; order: number; text: string; forPeriod: string; status?: PlanStatus | null; resultItemIds?: string[]; version: number }

/** GET /api/validation: the data-value rules' findings and the report's own checks. */
export interface ValidationView { orgUnit: string; period: string; findings: Finding[]; reportFindings: Finding[]; errors: number }

export interface CompletenessRow {
  orgUnit: string; name?: string; status: 'submitted' | 'late' | 'missing' | string;
  submittedAt?: string | null; deadline?: string | null;
}
export interface CompletenessView { period: string; deadline?: string | null; units: CompletenessRow[] }

export interface AuditEvent {
  id: number | string; at: string; user?: string | null; kind?: string; actor?: string; action?: string; orgUnit?: string | null; period?: string | null;
  entity?: string | null; before?: unknown; after?: unknown;
}

export interface UserView { username: string; displayName: string; disabled?: boolean; grants: { role: Role; orgUnit: string }[] }

export type { Finding, ReportModel, ReportTemplate, ReportStatus, WorkflowAction, PlanStatus };
