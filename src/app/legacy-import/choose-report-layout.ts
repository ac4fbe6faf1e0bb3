// Where an imported report is laid out (ADR 0014): on the template named, else on the
// template of the report already stored for (unit, period) (its own outline again if
// it was imported that way), else on one of the unit's
// templates (its sections owned inside the unit, or used by its reports) when every
// heading of the report finds its section there and nothing stands before the first
// heading, else on the report's own outline.
import type { LegacyReport } from '../../core/legacy-report/legacy-report.ts';
import { mapSections } from '../../core/legacy-report/report-layout.ts';
import { OrgTree } from '../../core/org-unit.ts';
import type { ReportTemplate } from '../../core/report-template.ts';
import { flattenSections } from '../../core/report-template.ts';
import type { Store } from '../ports.ts';

/** Code prefix of the templates derived from imported reports ("nhap-stttt-travinh-2022-04"). */
export const DERIVED_PREFIX = 'nhap-';

export type ReportLayout =
  | { readonly kind: 'template'; readonly template: ReportTemplate; readonly reason: 'named' | 'existing' | 'unit' }
  | { readonly kind: 'own' };

export async function chooseReportLayout({ store, template, orgUnit, period, report }: {
  store: Pick<Store, 'templates' | 'reports' | 'orgUnits'>; template: string | ReportTemplate | null; orgUnit: string; period: string; report: LegacyReport;
}): Promise<{ ok: true; layout: ReportLayout } | { ok: false; problem: string }> {
  if (template !== null && typeof template === 'object') return { ok: true, layout: { kind: 'template', template, reason: 'named' } };
  if (template) {
    const found = await store.templates.get(template);
    return found ? { ok: true, layout: { kind: 'template', template: found, reason: 'named' } } : { ok: false, problem: `Không có đề cương báo cáo mã "${template}".` };
  }
  const existing = await store.reports.find(orgUnit, period);
  // A report imported before in its own outline is imported again in the new file's own outline.
  if (existing?.template.startsWith(DERIVED_PREFIX)) return { ok: true, layout: { kind: 'own' } };
  if (existing) {
    const found = await store.templates.get(existing.template);
    if (found) return { ok: true, layout: { kind: 'template', template: found, reason: 'existing' } };
  }
  if (report.preambleItems.length === 0 && report.sections.length > 0) {
    const { tree } = OrgTree.build(await store.orgUnits.list());
    const used = new Set((await store.reports.list({ orgUnit })).map((r) => r.template));
    // An outline derived from another imported report belongs to that report alone.
    const candidates = (await store.templates.list()).filter((t) => !t.code.startsWith(DERIVED_PREFIX) && (used.has(t.code)
      || flattenSections(t.sections).some((s) => s.owner && tree.isWithin(s.owner, orgUnit))));
    for (const candidate of candidates) {
      const map = mapSections(report.sections, candidate);
      if ([...map.values()].every((id) => id !== null)) return { ok: true, layout: { kind: 'template', template: candidate, reason: 'unit' } };
    }
  }
  return { ok: true, layout: { kind: 'own' } };
}
