// The report tables as Kysely sees them (migration 2026_11_28_121000). Structured
// fields (template, recipients, signer, variables, result item ids) are JSON text:
// portable across SQLite and PostgreSQL, and never queried inside.
import type { Generated } from 'kysely';

export interface ReportTemplateTable {
  code: string;
  name: string;
  /** The core ReportTemplate as JSON. */
  body_json: string;
}

export interface ReportTable {
  id: Generated<number>;
  template: string;
  org_unit: string;
  period: string;
  number: number | null;
  date: string | null;
  place: string;
  governing_body: string;
  issuing_body: string;
  symbol: string;
  recipients_json: string;
  signer_json: string;
  variables_json: string;
  status: string;
  reason: string | null;
  issued_at: string | null;
  /** Username of who issued it (migration 2026_12_02_110000). */
  issued_by: string | null;
  version: number;
}

export interface ReportPartTable {
  report_id: number;
  division: string;
  status: string;
  submitted_at: string | null;
  reason: string | null;
  /** When and by whom the office last returned it (migration 2026_12_02_110000). */
  returned_at: string | null;
  returned_by: string | null;
  version: number;
}

export interface ReportItemTable {
  report_id: number;
  id: string;
  section: string;
  position: number;
  text: string;
  marker: string | null;
  owner: string | null;
  slot: string | null;
  version: number;
}

export interface ReportDocumentTable {
  report_id: number;
  id: string;
  section: string | null;
  doc_type: string;
  label: string | null;
  number: string | null;
  symbol: string | null;
  issuer: string;
  date: string | null;
  summary: string;
  /** 1 cited, 0 counted only. */
  cited: number;
  /** Order in the register as given. */
  position: number;
  version: number;
}

export interface ReportPlanItemTable {
  report_id: number;
  id: string;
  position: number;
  text: string;
  for_period: string;
  status: string | null;
  result_item_ids_json: string;
  version: number;
}

/** Giải trình of one figure (migration 2026_12_02_110100). */
export interface ValueExplanationTable {
  org_unit: string;
  period: string;
  indicator: string;
  disagg: string;
  text: string;
  author: string;
  at: string;
}

export interface ReportTables {
  report_template: ReportTemplateTable;
  report: ReportTable;
  report_part: ReportPartTable;
  report_item: ReportItemTable;
  report_document: ReportDocumentTable;
  report_plan_item: ReportPlanItemTable;
  value_explanation: ValueExplanationTable;
}
