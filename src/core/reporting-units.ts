// Who enters what (đơn vị báo cáo chỉ tiêu): each indicator of a report form has exactly
// one reporting unit for a given report, the owner of the section where the figure
// belongs (the section whose text quotes it, directly or through a derived indicator),
// unless the template names one in `reportingUnits` (DHIS2's data set assignment). The
// figure is stored on that unit once; the report of the unit above reads its subtree,
// so nothing is counted twice. Pure: the caller loads templates, reports and the tree.
import { collectRefs, parseExpression } from './expression/index.ts';
import type { Catalogue } from './indicator.ts';
import type { OrgTree } from './org-unit.ts';
import { tryParsePeriod } from './period.ts';
import type { ReportTemplate, TemplateSection } from './report-template.ts';

export interface ReportingUnitAssignment {
  readonly indicator: string;
  /** Org unit code that enters and stores the figure. */
  readonly reportingUnit: string;
  /** The first section (reading order) whose text quotes it; null when only the template's `reportingUnits` names it. */
  readonly section: string | null;
}

/** An indicator quoted in sections of two different owners, with no `reportingUnits` entry to decide. */
export interface ReportingUnitConflict {
  readonly indicator: string;
  readonly units: readonly string[];
  readonly sections: readonly string[];
}

export interface ReportForm {
  /** By indicator code; only stored indicators (derived ones are computed, never entered). */
  readonly assignments: ReadonlyMap<string, ReportingUnitAssignment>;
  readonly conflicts: readonly ReportingUnitConflict[];
}

const LIQUID_TAG = /\{\{([\s\S]*?)\}\}|\{%([\s\S]*?)%\}/g;
const STRING_LITERAL = /'[^']*'|"[^"]*"/g;
const IDENTIFIER = /[A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*)*/g;

/**
 * The catalogue indicators a Liquid text reads: identifiers inside `{{ }}` and `{% %}`
 * (string literals removed), each cut to its longest prefix that is an indicator code
 * (`qr.scans_total.thay_doi` → `qr.scans_total`). In order of first appearance.
 */
export function indicatorsInLiquid(text: string, catalogue: Pick<Catalogue, 'indicator'>): string[] {
  const found = new Set<string>();
  for (const tag of text.matchAll(LIQUID_TAG)) {
    const inside = (tag[1] ?? tag[2] ?? '').replace(STRING_LITERAL, ' ');
    for (const match of inside.matchAll(IDENTIFIER)) {
      const segments = match[0].split('.');
      for (let n = segments.length; n > 0; n--) {
        const code = segments.slice(0, n).join('.');
        if (catalogue.indicator(code)) {
          found.add(code);
          break;
        }
      }
    }
  }
  return [...found];
}

/** The stored indicators behind a code: itself, or the inputs of a derived one (recursively). */
export function storedInputs(code: string, catalogue: Pick<Catalogue, 'indicator'>, seen: Set<string> = new Set()): string[] {
  if (seen.has(code)) return [];
  seen.add(code);
  const indicator = catalogue.indicator(code);
  if (!indicator) return [];
  if (indicator.kind !== 'derived') return [code];
  const parsed = parseExpression(indicator.expression ?? '');
  if (!parsed.ok) return [];
  return [...new Set(collectRefs(parsed.expr).flatMap((ref) => storedInputs(ref.indicator, catalogue, seen)))];
}

/** The text a section itself carries (not its subsections'): its title and its text blocks. */
function sectionTexts(section: TemplateSection): string[] {
  return [section.title, ...section.blocks.flatMap((block) => (block.type === 'text' ? [block.liquid] : []))];
}

/**
 * The form of one report: every stored indicator its template quotes, with its
 * reporting unit. A section's owner counts only when it lies in the report unit's
 * subtree (a district filling the department's form reports everything itself);
 * sections without an owner inherit their parent's.
 */
export function reportForm(input: {
  readonly template: Pick<ReportTemplate, 'sections' | 'reportingUnits'>;
  readonly catalogue: Pick<Catalogue, 'indicator'>;
  readonly tree: Pick<OrgTree, 'isWithin'>;
  readonly reportUnit: string;
}): ReportForm {
  const { template, catalogue, tree, reportUnit } = input;
  const resolve = (owner: string | null | undefined): string => (owner && tree.isWithin(owner, reportUnit) ? owner : reportUnit);
  const quoted = new Map<string, { unit: string; section: string }[]>();
  const visit = (sections: readonly TemplateSection[], inherited: string | null): void => {
    for (const section of sections) {
      const owner = section.owner ?? inherited;
      for (const text of sectionTexts(section)) {
        for (const code of indicatorsInLiquid(text, catalogue)) {
          for (const stored of storedInputs(code, catalogue)) {
            const list = quoted.get(stored) ?? [];
            list.push({ unit: resolve(owner), section: section.id });
            quoted.set(stored, list);
          }
        }
      }
      visit(section.sections, owner);
    }
  };
  visit(template.sections, null);

  const assignments = new Map<string, ReportingUnitAssignment>();
  const conflicts: ReportingUnitConflict[] = [];
  const named = template.reportingUnits ?? {};
  for (const [indicator, places] of quoted) {
    const first = places[0];
    if (!first) continue;
    const explicit = named[indicator];
    if (explicit !== undefined) {
      assignments.set(indicator, { indicator, reportingUnit: resolve(explicit), section: first.section });
      continue;
    }
    const units = [...new Set(places.map((p) => p.unit))];
    if (units.length > 1) conflicts.push({ indicator, units, sections: [...new Set(places.map((p) => p.section))] });
    assignments.set(indicator, { indicator, reportingUnit: first.unit, section: first.section });
  }
  for (const [indicator, unit] of Object.entries(named)) {
    if (assignments.has(indicator)) continue;
    for (const stored of storedInputs(indicator, catalogue)) {
      if (!assignments.has(stored)) assignments.set(stored, { indicator: stored, reportingUnit: resolve(unit), section: null });
    }
  }
  return { assignments, conflicts };
}

export interface ReportKey {
  readonly orgUnit: string;
  readonly period: string;
}

/**
 * The report whose form decides who enters a value of `unit` for `period`: the report of
 * the nearest unit (the unit itself, else its closest ancestor) that has one for the
 * period; where none has, the nearest unit's latest earlier report of the same period
 * type, whose form the next report will copy. Undefined when no unit on the way up has
 * any report.
 */
export function governingReport<R extends ReportKey>(reports: readonly R[], tree: Pick<OrgTree, 'get' | 'ancestors'>, unit: string, period: string): R | undefined {
  const target = tryParsePeriod(period);
  if (!target.ok || !tree.get(unit)) return undefined;
  const chain = [unit, ...[...tree.ancestors(unit)].reverse().map((u) => u.code)];
  const sameType = (code: string) => {
    const parsed = tryParsePeriod(code);
    return parsed.ok && parsed.period.type === target.period.type;
  };
  for (const code of chain) {
    const exact = reports.find((r) => r.orgUnit === code && r.period === period);
    if (exact) return exact;
  }
  for (const code of chain) {
    const earlier = reports.filter((r) => r.orgUnit === code && r.period < period && sameType(r.period)).sort((a, b) => (a.period < b.period ? 1 : -1));
    if (earlier[0]) return earlier[0];
  }
  return undefined;
}

/**
 * Every report on the way up from `unit` that could govern a value of it for `period`:
 * for the unit and each ancestor, nearest first, its report of the period, else its
 * latest earlier report of the same period type (whose form the next one copies).
 */
export function governingReports<R extends ReportKey>(reports: readonly R[], tree: Pick<OrgTree, 'get' | 'ancestors'>, unit: string, period: string): R[] {
  const target = tryParsePeriod(period);
  if (!target.ok || !tree.get(unit)) return [];
  const chain = [unit, ...[...tree.ancestors(unit)].reverse().map((u) => u.code)];
  const sameType = (code: string) => {
    const parsed = tryParsePeriod(code);
    return parsed.ok && parsed.period.type === target.period.type;
  };
  const found: R[] = [];
  for (const code of chain) {
    const exact = reports.find((r) => r.orgUnit === code && r.period === period);
    const earlier = exact ?? reports.filter((r) => r.orgUnit === code && r.period < period && sameType(r.period)).sort((a, b) => (a.period < b.period ? 1 : -1))[0];
    if (earlier) found.push(earlier);
  }
  return found;
}

/**
 * Whether a unit takes part in a report gathered above it: the report's form has a
 * figure entered by that unit, by a unit inside it, or by a unit it lies in. A division
 * of a department takes part in the department's report even when it opens one of its
 * own, so the department's form still decides who enters each figure (nothing counted
 * twice); a district filling the province's form side by side with the others does not.
 */
export function takesPart(form: ReportForm, reportUnit: string, unit: string, tree: Pick<OrgTree, 'isWithin'>): boolean {
  for (const { reportingUnit } of form.assignments.values()) {
    if (reportingUnit === reportUnit) continue;
    if (tree.isWithin(unit, reportingUnit) || tree.isWithin(reportingUnit, unit)) return true;
  }
  return false;
}
