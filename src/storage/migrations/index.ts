// The migrations, listed in code (no directory scan: works the same from tsx,
// a bundle or a test). Append new ones; never reorder or edit existing ones.
import type { Migration, MigrationProvider } from 'kysely';
import * as createOrgUnits from './2026_11_28_120000_create_org_units.ts';
import * as createIndicators from './2026_11_28_120100_create_indicators.ts';
import * as createDataValues from './2026_11_28_120200_create_data_values.ts';
import * as createValidationRules from './2026_11_28_120300_create_validation_rules.ts';
import * as createAuditEvents from './2026_11_28_120400_create_audit_events.ts';
import * as createReports from './2026_11_28_121000_create_reports.ts';
import * as createAccounts from './2026_11_28_130000_create_accounts.ts';
import * as addWorkflowActors from './2026_12_02_110000_add_workflow_actors.ts';
import * as createValueExplanations from './2026_12_02_110100_create_value_explanations.ts';

export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '2026_11_28_120000_create_org_units': createOrgUnits,
  '2026_11_28_120100_create_indicators': createIndicators,
  '2026_11_28_120200_create_data_values': createDataValues,
  '2026_11_28_120300_create_validation_rules': createValidationRules,
  '2026_11_28_120400_create_audit_events': createAuditEvents,
  '2026_11_28_121000_create_reports': createReports,
  '2026_11_28_130000_create_accounts': createAccounts,
  '2026_12_02_110000_add_workflow_actors': addWorkflowActors,
  '2026_12_02_110100_create_value_explanations': createValueExplanations,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => ({ ...MIGRATIONS }),
};
