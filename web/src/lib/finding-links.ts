// Where a finding leads: the entry cell of a figure, the item or section of the
// report's content, the document register or the plan. Links keep the page's unit
// and period and add what to show (`focus` for a cell, `section`/`item` for content).
import type { FindingTarget, ReportFinding } from '../api/types.ts';

export interface FindingLink {
  readonly to: string;
  readonly label: string;
}

/** The cell id the entry page uses (`indicator|key`, '' = total) for an API combo (`default` = total). */
export function cellOf(indicator: string, combo: string | undefined): string {
  return `${indicator}|${!combo || combo === 'default' ? '' : combo}`;
}

function withParams(search: string, extra: Record<string, string>): string {
  const params = new URLSearchParams(search);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  return `?${params.toString()}`;
}

export function linkOf(target: FindingTarget, search: string, sectionName: (id: string) => string): FindingLink {
  switch (target.kind) {
    case 'cell':
      return { to: `/nhap-so-lieu${withParams(search, { focus: cellOf(target.indicator, target.categoryOptionCombo) })}`, label: `Ô số liệu “${target.indicatorName ?? target.indicator}”` };
    case 'item':
      return { to: `/noi-dung${withParams(search, { tab: 'items', section: target.section, item: target.id })}`, label: `Nội dung ở mục ${sectionName(target.section)}` };
    case 'section':
      return { to: `/noi-dung${withParams(search, { tab: 'items', section: target.section })}`, label: `Mục ${sectionName(target.section)}` };
    case 'document':
      return { to: `/noi-dung${withParams(search, { tab: 'documents', document: target.id })}`, label: 'Sổ văn bản' };
    case 'plan':
      return { to: `/noi-dung${withParams(search, { tab: 'plan', plan: target.id })}`, label: 'Kế hoạch' };
  }
}

/** The targets of a finding; an old answer without targets links by its indicators. */
export function targetsOf(finding: ReportFinding): FindingTarget[] {
  if (finding.targets && finding.targets.length > 0) return finding.targets;
  return (finding.indicators ?? []).map((indicator) => ({ kind: 'cell', indicator, orgUnit: finding.orgUnit, period: finding.period }));
}

/** Does the finding concern this unit's part (its cells, or items of the sections it owns)? */
export function concernsPart(finding: ReportFinding, unit: string, ownedSections: ReadonlySet<string>): boolean {
  return targetsOf(finding).some((t) => (t.kind === 'cell' && t.orgUnit === unit) || ((t.kind === 'item' || t.kind === 'section') && ownedSections.has(t.section)));
}
