// Runs the rules the catalogue implies and the stored validation rules for an org
// unit (and optionally each unit below it) and a period. Findings are data.
import type { Finding } from '../../core/finding.ts';
import { formatPeriod, type Period } from '../../core/period.ts';
import { impliedRules, runValidation } from '../../core/validate.ts';
import { loadAnalysisContext } from './analysis-context.ts';
import { AppError } from '../app-error.ts';
import { checkReport } from '../reports/check-report.ts';
import type { Store } from '../ports.ts';

export type ValidateResult =
  | {
      readonly ok: true;
      /** The unit asked for, by name (what a user reads). */
      readonly orgUnitName: string;
      readonly orgUnits: readonly string[];
      /** Findings of the data-value rules. */
      readonly findings: readonly Finding[];
      /** Findings of the reports these units have for the period (duplicate items, template errors, …). */
      readonly reportFindings: readonly Finding[];
    }
  | { readonly ok: false; readonly problem: string };

export async function validateOrgUnitPeriod({ store, orgUnit, period, children = false }: {
  store: Store;
  orgUnit: string;
  period: Period;
  children?: boolean;
}): Promise<ValidateResult> {
  const context = await loadAnalysisContext({ store, orgUnit, period });
  if (!context) return { ok: false, problem: `Đơn vị "${orgUnit}" chưa được khai báo.` };
  const rules = [...impliedRules(context.catalogue), ...(await store.validationRules.list())];
  const units = children ? context.tree.subtree(orgUnit).map((unit) => unit.code) : [orgUnit];
  const findings = units.flatMap((code) => runValidation({ rules, source: context.aggregator, orgUnit: code, period }));
  const reportFindings: Finding[] = [];
  for (const code of units) reportFindings.push(...(await reportFindingsOf(store, code, formatPeriod(period))));
  return { ok: true, orgUnitName: context.unit.name, orgUnits: units, findings, reportFindings };
}

/** A unit without a report this period has only its data checked. */
async function reportFindingsOf(store: Store, orgUnit: string, period: string): Promise<Finding[]> {
  try {
    return await checkReport({ store, orgUnit, period });
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') return [];
    throw error;
  }
}
