// The provenance table as Kysely sees it (migration 2026_12_02_130000).
export interface DataValueSourceTable {
  indicator: string;
  org_unit: string;
  period: string;
  disagg: string;
  source: string;
  paragraph: number;
  excerpt: string;
  recorded_at: string;
}

export interface ValueSourceTables {
  data_value_source: DataValueSourceTable;
}
