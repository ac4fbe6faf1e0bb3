// Imports org units, disaggregations, indicators and validation rules in one
// transaction. Problems of the tree or the catalogue (as a whole, after merging with
// what is stored) stop the import before anything is written.
import { checkExpression } from '../../core/check-expression.ts';
import { Catalogue } from '../../core/indicator.ts';
import type { Disaggregation, Indicator, OptionCombo } from '../../core/indicator.ts';
import { OrgTree } from '../../core/org-unit.ts';
import type { OrgUnitInput } from '../../core/org-unit.ts';
import type { ReportTemplate } from '../../core/report-template.ts';
import type { ValidationRule } from '../../core/validate.ts';
import type { Store, UpsertCounts } from '../ports.ts';
import { forgetCallers } from '../accounts/principal-cache.ts';
import { checkTemplateForms } from './check-template-forms.ts';

export interface MetadataSet {
  readonly orgUnits: readonly OrgUnitInput[];
  readonly disaggregations: readonly Disaggregation[];
  readonly indicators: readonly Indicator[];
  readonly validationRules: readonly ValidationRule[];
  /** Report templates (đề cương); optional in a file. */
  readonly templates?: readonly ReportTemplate[];
  /** DHIS2's category option combinations; optional. */
  readonly optionCombos?: readonly OptionCombo[];
}

export interface MetadataProblem {
  readonly path: string;
  readonly message: string;
}

export interface MetadataImportSummary {
  readonly status: 'SUCCESS' | 'ERROR';
  readonly dryRun: boolean;
  readonly counts: {
    readonly orgUnits: UpsertCounts;
    readonly disaggregations: UpsertCounts;
    readonly indicators: UpsertCounts;
    readonly validationRules: UpsertCounts;
    readonly templates: UpsertCounts;
    readonly optionCombos: UpsertCounts;
  };
  readonly problems: readonly MetadataProblem[];
}

const NONE: UpsertCounts = { imported: 0, updated: 0, unchanged: 0 };

/** Thrown inside the transaction to roll a dry run back after counting. */
class DryRunRollback extends Error {
  constructor(readonly counts: MetadataImportSummary['counts']) {
    super('dry run');
  }
}

export async function importMetadata({ store, metadata, dryRun = false, actor, now = () => new Date() }: {
  store: Store;
  metadata: MetadataSet;
  dryRun?: boolean;
  actor: string;
  now?: () => Date;
}): Promise<MetadataImportSummary> {
  const problems = await checkAgainstStored(store, metadata);
  if (problems.length > 0) {
    return { status: 'ERROR', dryRun, counts: { orgUnits: NONE, disaggregations: NONE, indicators: NONE, validationRules: NONE, templates: NONE, optionCombos: NONE }, problems };
  }
  try {
    const counts = await store.transaction(async (tx) => {
      // Levels and paths come from the whole tree: stored units plus the file's.
      const stored = await tx.orgUnits.list();
      const byCode = new Map<string, OrgUnitInput>(stored.map((unit) => [unit.code, unit]));
      for (const unit of metadata.orgUnits) byCode.set(unit.code, unit);
      const { tree } = OrgTree.build([...byCode.values()]);
      const fileCodes = new Set(metadata.orgUnits.map((unit) => unit.code));
      const units = tree.all().filter((unit) => fileCodes.has(unit.code));
      const result = {
        orgUnits: await tx.orgUnits.upsertMany(units),
        disaggregations: await tx.indicators.upsertDisaggregations(metadata.disaggregations),
        indicators: await tx.indicators.upsertIndicators(metadata.indicators),
        validationRules: await tx.validationRules.upsertMany(metadata.validationRules),
        templates: await tx.templates.upsertMany(metadata.templates ?? []),
        optionCombos: await tx.indicators.upsertOptionCombos(metadata.optionCombos ?? []),
      };
      if (dryRun) throw new DryRunRollback(result);
      const changed = Object.values(result).reduce((n, c) => n + c.imported + c.updated, 0);
      if (changed > 0) {
        await tx.audit.record([{
          at: now().toISOString(), actor, action: 'metadata.import', entity: 'metadata', before: null,
          after: result,
        }]);
      }
      return result;
    });
    // Grants resolve to tree paths: a changed tree changes what callers may do.
    forgetCallers(store);
    return { status: 'SUCCESS', dryRun, counts, problems: [] };
  } catch (error) {
    if (error instanceof DryRunRollback) return { status: 'SUCCESS', dryRun, counts: error.counts, problems: [] };
    throw error;
  }
}

async function checkAgainstStored(store: Store, metadata: MetadataSet): Promise<MetadataProblem[]> {
  const [units, indicators, disaggregations, storedCombos] = await Promise.all([
    store.orgUnits.list(), store.indicators.listIndicators(), store.indicators.listDisaggregations(), store.indicators.listOptionCombos(),
  ]);
  const problems: MetadataProblem[] = [];
  const mergedUnits = mergeByCode(units, metadata.orgUnits, 'orgUnits', problems);
  for (const problem of OrgTree.build(mergedUnits).problems) problems.push({ path: `orgUnits[${problem.code}]`, message: problem.message });
  const mergedIndicators = mergeByCode(indicators, metadata.indicators, 'indicators', problems);
  const mergedDisaggregations = mergeByCode(disaggregations, metadata.disaggregations, 'disaggregations', problems);
  const combos = new Map(storedCombos.map((combo) => [combo.uid, combo]));
  const fileCombos = new Set<string>();
  (metadata.optionCombos ?? []).forEach((combo, i) => {
    if (fileCombos.has(combo.uid)) problems.push({ path: `optionCombos[${i}].uid`, message: `Tổ hợp phân tổ uid "${combo.uid}" xuất hiện hai lần trong tệp.` });
    fileCombos.add(combo.uid);
    combos.set(combo.uid, combo);
  });
  const { catalogue, problems: catalogueProblems } = Catalogue.build({ indicators: mergedIndicators, disaggregations: mergedDisaggregations, optionCombos: [...combos.values()] });
  // The catalogue numbers entries in the merged list (stored + file); point at the file's entry instead.
  const fileIndex = {
    indicators: new Map(metadata.indicators.map((item, i) => [item.code, i])),
    disaggregations: new Map(metadata.disaggregations.map((item, i) => [item.code, i])),
  };
  const merged = { indicators: mergedIndicators, disaggregations: mergedDisaggregations };
  for (const problem of catalogueProblems) {
    const path = problem.field.replace(/^(indicators|disaggregations)\[(\d+)\]/, (whole, list: 'indicators' | 'disaggregations', index: string) => {
      const code = merged[list][Number(index)]?.code;
      if (code === undefined) return whole;
      const inFile = fileIndex[list].get(code);
      return inFile === undefined ? `${list}[${code}]` : `${list}[${inFile}]`;
    });
    problems.push({ path, message: problem.message });
  }
  metadata.validationRules.forEach((rule, i) => {
    for (const side of ['left', 'right'] as const) {
      for (const problem of checkExpression(rule[side], catalogue)) {
        problems.push({ path: `validationRules[${i}].${side}`, message: `Quy tắc kiểm tra "${rule.code}", vế ${side === 'left' ? 'trái' : 'phải'} "${rule[side]}": ${problem}` });
      }
    }
  });
  mergeByCode([], metadata.templates ?? [], 'templates', problems);
  problems.push(...checkTemplateForms({ templates: metadata.templates ?? [], catalogue, unitCodes: new Set(mergedUnits.map((u) => u.code)) }));
  const seenRules = new Set<string>();
  metadata.validationRules.forEach((rule, i) => {
    if (seenRules.has(rule.code)) problems.push({ path: `validationRules[${i}].code`, message: `Quy tắc kiểm tra "${rule.code}" bị khai báo trùng mã.` });
    seenRules.add(rule.code);
  });
  return problems;
}

/** Stored entries replaced by the file's; a code twice in the file is a problem. */
function mergeByCode<T extends { readonly code: string }>(stored: readonly T[], incoming: readonly T[], path: string, problems: MetadataProblem[]): T[] {
  const merged = new Map(stored.map((item) => [item.code, item]));
  const seen = new Set<string>();
  incoming.forEach((item, i) => {
    if (seen.has(item.code)) problems.push({ path: `${path}[${i}].code`, message: `Mã "${item.code}" xuất hiện hai lần trong tệp.` });
    seen.add(item.code);
    merged.set(item.code, item);
  });
  return [...merged.values()];
}
