// Which template an imported report is laid onto: the one named, else the template of
// the report already stored for (unit, period), else the only one, else the
// department's monthly template, else the first. Shared by the CLI and the API.
import type { ReportTemplate } from '../../core/report-template.ts';
import type { Store } from '../ports.ts';

export type ChosenTemplate =
  | { readonly ok: true; readonly template: ReportTemplate | null }
  | { readonly ok: false; readonly problem: string };

const DEFAULT_TEMPLATE = 'stttt-monthly';

export async function chooseReportTemplate({ store, code, orgUnit, period }: {
  store: Pick<Store, 'templates' | 'reports'>; code?: string | null; orgUnit?: string | null; period?: string | null;
}): Promise<ChosenTemplate> {
  if (code) {
    const template = await store.templates.get(code);
    return template ? { ok: true, template } : { ok: false, problem: `Không có đề cương báo cáo mã "${code}".` };
  }
  if (orgUnit && period) {
    const existing = await store.reports.find(orgUnit, period);
    const template = existing ? await store.templates.get(existing.template) : undefined;
    if (template) return { ok: true, template };
  }
  const all = await store.templates.list();
  return { ok: true, template: all.length === 1 ? all[0] ?? null : all.find((t) => t.code === DEFAULT_TEMPLATE) ?? all[0] ?? null };
}
