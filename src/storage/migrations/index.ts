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
import * as safeEntryIds from './2026_12_02_120000_safe_entry_ids.ts';
import * as dropLoginAttempt from './2026_12_02_120100_drop_login_attempt.ts';
import * as createLoginThrottle from './2026_12_02_120200_create_login_throttle.ts';
import * as createDataValueSources from './2026_12_02_130000_create_data_value_sources.ts';
import * as valueTypeNames from './2026_12_02_140000_value_type_names.ts';
import * as dataValueAttributeAndText from './2026_12_02_140100_data_value_attribute_and_text.ts';
import * as externalIdentifiers from './2026_12_02_140200_external_identifiers.ts';
import * as storedRenders from './2026_12_02_150000_stored_renders.ts';
import * as createNotificationReads from './2026_12_02_160000_create_notification_reads.ts';

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
  '2026_12_02_120000_safe_entry_ids': safeEntryIds,
  '2026_12_02_120100_drop_login_attempt': dropLoginAttempt,
  '2026_12_02_120200_create_login_throttle': createLoginThrottle,
  '2026_12_02_130000_create_data_value_sources': createDataValueSources,
  '2026_12_02_140000_value_type_names': valueTypeNames,
  '2026_12_02_140100_data_value_attribute_and_text': dataValueAttributeAndText,
  '2026_12_02_140200_external_identifiers': externalIdentifiers,
  '2026_12_02_150000_stored_renders': storedRenders,
  '2026_12_02_160000_create_notification_reads': createNotificationReads,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => ({ ...MIGRATIONS }),
};
