// Use case: take in an existing report (already read into paragraphs by
// src/exchange/legacy-report). Parses it, maps its numbers to indicators where the
// template's text around an indicator matches, and — unless it is a dry run — saves
// the header, items, documents and plan as the report instance of (org unit, period).
// Problems are findings; with any error finding nothing is written.
import type { Finding } from '../../core/finding.ts';
import type { LegacyNumber, LegacyReport, LegacySection, SourceParagraph } from '../../core/legacy-report/legacy-report.ts';
import { matchNumbersToTemplate, templateSlots } from '../../core/legacy-report/match-template.ts';
import { parseLegacyReport } from '../../core/legacy-report/parse-legacy-report.ts';
import { formatPeriod, tryParsePeriod } from '../../core/period.ts';
import type { DocumentEntry, NarrativeItem, PlanItem, ReportInstance } from '../../core/report-instance.ts';
import type { ReportTemplate } from '../../core/report-template.ts';
import { flattenSections } from '../../core/report-template.ts';
import type { UpsertCounts } from '../ports.ts';
import type { ReportRepository } from '../reports/report-ports.ts';

export interface ImportLegacyReportOptions {
  readonly paragraphs: readonly SourceParagraph[];
  /** The template whose text blocks map numbers to indicators and whose sections receive the items. */
  readonly template?: ReportTemplate | null;
  /** Org unit code the report belongs to; needed to save. */
  readonly orgUnit?: string | null;
  /** Canonical or DHIS2 period; the one the report states when absent. */
  readonly period?: string | null;
  readonly dryRun: boolean;
  readonly reports?: Pick<ReportRepository, 'saveInstance'> & Partial<Pick<ReportRepository, 'loadInstance'>> | null;
}

export interface LegacyImportResult extends LegacyReport {
  readonly status: 'OK' | 'WARNING' | 'ERROR';
  readonly dryRun: boolean;
  /** What was written; null on a dry run or when refused. */
  readonly saved: UpsertCounts | null;
  /** The instance that was (or would be) saved; null when org unit, period or template is missing. */
  readonly instance: ReportInstance | null;
}

export async function importLegacyReport(options: ImportLegacyReportOptions): Promise<LegacyImportResult> {
  const parsed = parseLegacyReport(options.paragraphs);
  const findings: Finding[] = [...parsed.findings];
  const numbers = options.template ? mapNumbers(parsed.numbers, options.template) : parsed.numbers;

  let period = parsed.period;
  if (options.period) {
    const given = tryParsePeriod(options.period);
    if (!given.ok) findings.push(problem('legacy:period', '', options.period, given.error.message));
    else {
      const code = formatPeriod(given.period);
      if (parsed.period && parsed.period !== code) {
        findings.push({ ...problem('legacy:period_differs', options.orgUnit ?? '', code, `Báo cáo ghi kỳ ${parsed.period}, khác kỳ đã chọn ${code}; dùng kỳ đã chọn.`), severity: 'warning' });
      }
      period = code;
    }
  }
  const orgUnit = options.orgUnit ?? null;
  const withContext = findings.map((f) => ({ ...f, orgUnit: f.orgUnit || (orgUnit ?? ''), period: f.period || (period ?? '') }));

  const instance = orgUnit && period && options.template ? buildInstance(parsed, numbers, options.template, orgUnit, period) : null;
  if (!options.dryRun) {
    if (!orgUnit) withContext.push(problem('legacy:no_org_unit', '', period ?? '', 'Cần chọn đơn vị (--org) để lưu báo cáo.'));
    if (!period) withContext.push(problem('legacy:no_period', orgUnit ?? '', '', 'Không đọc được kỳ báo cáo từ văn bản; hãy chọn kỳ (--period).'));
    if (!options.template) withContext.push(problem('legacy:no_template', orgUnit ?? '', period ?? '', 'Chưa có đề cương báo cáo để xếp nội dung vào; hãy nhập danh mục có đề cương trước.'));
    if (!options.reports) withContext.push(problem('legacy:no_storage', orgUnit ?? '', period ?? '', 'Không có nơi lưu báo cáo.'));
  }
  const hasError = withContext.some((f) => f.severity === 'error');
  let saved: UpsertCounts | null = null;
  if (!options.dryRun && !hasError && instance && options.reports) {
    const existing = await options.reports.loadInstance?.(instance.orgUnit, instance.period, instance.template);
    saved = await options.reports.saveInstance(existing ? keepKnownHeader(instance, existing) : instance);
  }
  const status = hasError ? 'ERROR' : withContext.some((f) => f.severity === 'warning') || parsed.unplaced.length > 0 ? 'WARNING' : 'OK';
  return { ...parsed, period, numbers, findings: withContext, status, dryRun: options.dryRun, saved, instance };
}

function problem(rule: string, orgUnit: string, period: string, message: string): Finding {
  return { rule, orgUnit, period, left: null, right: null, severity: 'error', message };
}

function mapNumbers(numbers: readonly LegacyNumber[], template: ReportTemplate): LegacyNumber[] {
  const matches = new Map(matchNumbersToTemplate(numbers, templateSlots(template)).map((m) => [m.number, m.slot]));
  return numbers.map((n) => {
    const slot = matches.get(n);
    return slot ? { ...n, indicator: slot.indicator, filter: slot.filter } : n;
  });
}

/**
 * The instance to save. Sections are matched to the template's by id (numbering path)
 * or by title; items under a section the template does not have keep the imported id.
 * Paragraphs whose figures landed on indicators are the template's own text blocks, so
 * they are not saved again as items (the template prints them from the data).
 */
function buildInstance(report: LegacyReport, numbers: readonly LegacyNumber[], template: ReportTemplate, orgUnit: string, period: string): ReportInstance {
  const templateSections = flattenSections(template.sections);
  const byId = new Map(templateSections.map((s) => [s.id, s.id]));
  const byTitle = new Map(templateSections.map((s) => [normalTitle(s.title), s.id]));
  const sectionId = (s: LegacySection): string => byId.get(s.id) ?? byTitle.get(normalTitle(s.title)) ?? s.id;
  const mappedParagraphs = new Set(numbers.filter((n) => n.indicator).map((n) => n.paragraph));
  const items: NarrativeItem[] = [];
  const ids = new Map<string, string>();
  const visit = (list: readonly LegacySection[]): void => {
    for (const section of list) {
      const id = sectionId(section);
      ids.set(section.id, id);
      section.items.forEach((item) => {
        if (mappedParagraphs.has(item.paragraph)) return;
        items.push({ id: `import-${item.paragraph}`, section: id, order: items.filter((i) => i.section === id).length + 1, text: item.text, marker: item.marker });
      });
      visit(section.sections);
    }
  };
  visit(report.sections);
  const documents: DocumentEntry[] = report.documents.map((d) => {
    // A Party-style reference "49-KH/TU" keeps its dash when printed as "số {number}/{symbol}".
    const partyStyle = /^\d+-/.test(d.reference);
    const slash = d.reference.lastIndexOf('/');
    return {
      id: d.id,
      section: d.section ? ids.get(d.section) ?? d.section : null,
      type: d.type,
      label: d.label ?? null,
      number: partyStyle && slash > 0 ? d.reference.slice(0, slash) : d.number ?? null,
      symbol: partyStyle && slash > 0 ? d.reference.slice(slash + 1) : d.symbol ?? null,
      issuer: d.issuer,
      date: d.date ?? null,
      summary: d.summary,
      cited: true,
    };
  });
  const plan: PlanItem[] = report.plan.map((line) => ({ id: `import-plan-${line.order}`, order: line.order, text: line.text, forPeriod: line.forPeriod ?? '' }));
  return {
    template: template.code,
    orgUnit,
    period,
    number: report.header.number,
    date: report.header.date,
    place: report.header.place ?? '',
    governingBody: report.header.governingBody ?? '',
    issuingBody: report.header.issuingBody ?? '',
    symbol: report.header.symbol ?? '',
    recipients: report.recipients,
    signer: report.signer ?? { authority: null, title: '', name: '' },
    items,
    documents,
    plan,
  };
}

/** A header field the old report does not state keeps the value already stored (an import never blanks it). */
function keepKnownHeader(imported: ReportInstance, existing: ReportInstance): ReportInstance {
  return {
    ...imported,
    number: imported.number ?? existing.number,
    date: imported.date ?? existing.date,
    place: imported.place || existing.place,
    governingBody: imported.governingBody || existing.governingBody,
    issuingBody: imported.issuingBody || existing.issuingBody,
    symbol: imported.symbol || existing.symbol,
    recipients: imported.recipients.length > 0 ? imported.recipients : existing.recipients,
    signer: imported.signer.name ? imported.signer : existing.signer,
    variables: { ...existing.variables, ...imported.variables },
  };
}

function normalTitle(title: string): string {
  return title.toLocaleLowerCase('vi').replace(/[^\p{L}\d]+/gu, ' ').trim();
}
