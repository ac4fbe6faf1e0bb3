// The findings of a unit's period, the same list wherever decisions are made (the
// dashboard, the report page where it is approved, the CLI): the data-value rules and
// the report's own checks (validate-org-unit-period.ts), each with its rule's name,
// what it links to (the cell of the unit that enters the figure, the item, the
// section, the document, the plan line) and the explanations (giải trình) written for
// the figures it concerns. An explanation never silences a finding.
import { isWithinPath } from '../../core/access.ts';
import type { Finding } from '../../core/finding.ts';
import { exportedDisaggKey } from '../values/explanation-keys.ts';
import { formatPeriod } from '../../core/period.ts';
import type { Period } from '../../core/period.ts';
import { storedInputs } from '../../core/reporting-units.ts';
import { loadCatalogue } from '../analysis/load-catalogue.ts';
import { validateOrgUnitPeriod } from '../analysis/validate-org-unit-period.ts';
import { loadOrgTree } from '../accounts/principal.ts';
import { ActorNames } from '../audit/actor-names.ts';
import type { Store } from '../ports.ts';
import { ReportingUnitPolicy } from '../values/reporting-unit-policy.ts';
import type { ValueExplanation } from '../values/explanation-ports.ts';
import { cachedRead } from '../read-cache.ts';

export type FindingTarget =
  | { readonly kind: 'cell'; readonly indicator: string; readonly indicatorName: string; readonly orgUnit: string; readonly orgUnitName: string; readonly period: string }
  | { readonly kind: 'section'; readonly section: string }
  | { readonly kind: 'item'; readonly id: string; readonly section: string | null }
  | { readonly kind: 'document'; readonly id: string }
  | { readonly kind: 'plan'; readonly id: string };

export interface ExplanationView {
  readonly orgUnit: string;
  readonly orgUnitName: string;
  readonly period: string;
  readonly dataElement: string;
  readonly categoryOptionCombo: string;
  readonly text: string;
  readonly author: string;
  readonly authorName: string;
  readonly at: string;
}

export interface ExplainedFinding extends Finding {
  readonly ruleName: string;
  /** rule: a validation rule on figures; report: a check on what people wrote; template: the template or a missing figure. */
  readonly source: 'rule' | 'report' | 'template';
  readonly targets: readonly FindingTarget[];
  readonly explanations: readonly ExplanationView[];
}

export type ListFindingsResult =
  | { readonly ok: true; readonly orgUnitName: string; readonly orgUnits: readonly string[]; readonly findings: readonly ExplainedFinding[]; readonly reportFindings: readonly ExplainedFinding[] }
  | { readonly ok: false; readonly problem: string };

function sourceOf(rule: string): ExplainedFinding['source'] {
  if (rule.startsWith('report:missing_value') || rule.startsWith('template:')) return 'template';
  return rule.startsWith('report:') ? 'report' : 'rule';
}

/** From memory while nothing has been written since (read-cache.ts). */
export function listFindings({ store, orgUnit, period, children = false }: {
  store: Store; orgUnit: string; period: Period; children?: boolean;
}): Promise<ListFindingsResult> {
  return cachedRead(store, `findings:${orgUnit}:${formatPeriod(period)}:${children}`, () => computeFindings(store, orgUnit, period, children));
}

async function computeFindings(store: Store, orgUnit: string, period: Period, children: boolean): Promise<ListFindingsResult> {
  const result = await validateOrgUnitPeriod({ store, orgUnit, period, children });
  if (!result.ok) return result;
  const code = formatPeriod(period);
  const tree = await loadOrgTree(store);
  const { catalogue } = await loadCatalogue({ store });
  const policy = await ReportingUnitPolicy.load({ store, tree, catalogue, rows: [{ orgUnit, period: code }] });
  const names = new ActorNames(store);
  const unitName = (c: string) => tree.get(c)?.name ?? c;
  const stored: (ValueExplanation & { path: string; authorName: string })[] = [];
  for (const e of await store.explanations.list({ period: code })) {
    stored.push({ ...e, path: tree.get(e.orgUnit)?.path ?? `/?${e.orgUnit}`, authorName: (await names.name(e.author)) ?? e.author });
  }

  const explain = (finding: Finding): ExplainedFinding => {
    const figures = [...new Set((finding.indicators ?? []).flatMap((i) => storedInputs(i, catalogue)))];
    const cells: FindingTarget[] = figures.map((indicator) => {
      const unit = policy.reportingUnitOf(indicator, finding.orgUnit, finding.period) ?? finding.orgUnit;
      return { kind: 'cell', indicator, indicatorName: catalogue.indicator(indicator)?.name ?? indicator, orgUnit: unit, orgUnitName: unitName(unit), period: finding.period };
    });
    const refs = finding.refs ?? {};
    const written: FindingTarget[] = [
      ...(refs.items ?? []).map((id): FindingTarget => ({ kind: 'item', id, section: refs.section ?? null })),
      ...(refs.documents ?? []).map((id): FindingTarget => ({ kind: 'document', id })),
      ...(refs.plan ?? []).map((id): FindingTarget => ({ kind: 'plan', id })),
      ...(refs.section && !refs.items ? [{ kind: 'section', section: refs.section } as const] : []),
    ];
    const findingPath = tree.get(finding.orgUnit)?.path ?? '';
    const explanations = stored
      .filter((e) => e.period === finding.period && figures.includes(e.indicator) && isWithinPath(e.path, findingPath))
      .map((e) => ({
        orgUnit: e.orgUnit, orgUnitName: unitName(e.orgUnit), period: e.period, dataElement: e.indicator, categoryOptionCombo: exportedDisaggKey(e.disagg),
        text: e.text, author: e.author, authorName: e.authorName, at: e.at,
      }));
    return { ...finding, ruleName: finding.ruleName ?? 'Kiểm tra', source: sourceOf(finding.rule), targets: [...cells, ...written], explanations };
  };
  return { ok: true, orgUnitName: result.orgUnitName, orgUnits: result.orgUnits, findings: result.findings.map(explain), reportFindings: result.reportFindings.map(explain) };
}
