// The tables as Kysely sees them. Repositories map these rows to core domain
// types; no row type leaves src/storage.
import type { Generated } from 'kysely';
import type { AccountTables } from './account-tables.ts';
import type { ReportTables } from './report-tables.ts';
import type { ValueSourceTables } from './value-source-tables.ts';

export interface OrgUnitTable {
  /**
   * Integer surrogate id: data_value refers to units by this id, not by code, so
   * the largest table stays narrow (two 4-byte integers instead of two codes per
   * row, at millions of values a month nationally). Codes stay the public key.
   */
  id: Generated<number>;
  code: string;
  name: string;
  short_name: string | null;
  parent_code: string | null;
  level: number;
  path: string;
  kind: string | null;
  opening_date: string | null;
  closing_date: string | null;
  successor_code: string | null;
  /** DHIS2 identifiers of the same object (see core Dhis2Ids). */
  uid: string | null;
  dhis2_code: string | null;
}

export interface DisaggregationTable {
  code: string;
  name: string;
  uid: string | null;
  dhis2_code: string | null;
}

export interface DisaggregationOptionTable {
  disaggregation_code: string;
  code: string;
  name: string;
  position: number;
  uid: string | null;
  dhis2_code: string | null;
}

/** DHIS2 category option combinations: how files name a set of options. */
export interface OptionComboTable {
  uid: string;
  code: string | null;
  name: string;
  /** The options as a disaggregation key; '' for DHIS2's default combination. */
  option_key: string;
  position: number;
}

export interface IndicatorTable {
  /** Surrogate id for the same reason as org_unit.id. */
  id: Generated<number>;
  code: string;
  name: string;
  unit: string;
  kind: string;
  value_type: string;
  time_aggregation: string;
  org_aggregation: string;
  expression: string | null;
  decimals: number;
  accumulates: string | null;
  part_of: string | null;
  description: string | null;
  uid: string | null;
  dhis2_code: string | null;
}

export interface IndicatorDisaggregationTable {
  indicator_id: number;
  disaggregation_code: string;
  position: number;
}

/** The ordered attribute dimensions of an indicator (Indicator.attributes). */
export type IndicatorAttributeTable = IndicatorDisaggregationTable;

export interface DataValueTable {
  indicator_id: number;
  org_unit_id: number;
  period: string;
  /** '' for the total; see core DisaggKey. */
  disagg: string;
  /** The attribute options, a key like disagg; '' for none. */
  attr: string;
  /** Null for text and date values. */
  value: number | null;
  /** The text of values DHIS2 writes as text (booleans, text, dates). */
  text_value: string | null;
  comment: string | null;
  stored_by: string | null;
  updated_at: string | null;
  /** 1 when marked for follow-up. */
  followup: number;
}

export interface ValidationRuleTable {
  code: string;
  name: string;
  left_side: string;
  operator: string;
  right_side: string;
  severity: string;
  message: string;
  missing_strategy: string | null;
}

export interface AuditEventTable {
  id: Generated<number>;
  at: string;
  actor: string;
  action: string;
  entity: string;
  org_unit: string | null;
  period: string | null;
  /** JSON text: portable across SQLite and PostgreSQL. */
  before_json: string | null;
  after_json: string | null;
}

/** One row (id 1): moves with every committed write to a report input (SQLite triggers, migration 2026_12_02_150000). */
export interface DataGenerationTable {
  id: number;
  n: number;
}

/** A rendered report, valid while `data_generation.n` equals `generation`. */
export interface StoredRenderTable {
  key: string;
  generation: number;
  body: Uint8Array;
}

export interface Database extends AccountTables, ReportTables, ValueSourceTables {
  org_unit: OrgUnitTable;
  disaggregation: DisaggregationTable;
  disaggregation_option: DisaggregationOptionTable;
  indicator: IndicatorTable;
  indicator_disaggregation: IndicatorDisaggregationTable;
  indicator_attribute: IndicatorAttributeTable;
  option_combo: OptionComboTable;
  data_value: DataValueTable;
  validation_rule: ValidationRuleTable;
  audit_event: AuditEventTable;
  data_generation: DataGenerationTable;
  stored_render: StoredRenderTable;
}
