// Checks on what people wrote in a report instance (items, document register, plan),
// the narrative counterpart of validate.ts's rules on figures. Findings are data.
import type { Finding } from './finding.ts';
import { dataWindow, parsePeriod, periodLabel, tryParsePeriod } from './period.ts';
import type { ReportInstance } from './report-instance.ts';
import { formatDateDmy } from './format.ts';

/** Text compared for duplicates: case, spacing, quotes and final punctuation do not make items different. */
export function normalizeForComparison(text: string): string {
  return text
    .normalize('NFC')
    .toLocaleLowerCase('vi')
    .replace(/[“”"'‘’]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/[\s.;,:…]+$/u, '')
    .trim();
}

/** The heading of each check, as users read it. */
export const REPORT_CHECK_NAMES = {
  duplicate_item: 'Nội dung bị lặp lại',
  duplicate_document: 'Văn bản ghi hai lần',
  document_outside_window: 'Văn bản ngoài thời gian chốt số liệu',
  duplicate_plan_item: 'Kế hoạch bị lặp lại',
} as const;

function finding(instance: ReportInstance, rule: string, severity: Finding['severity'], message: string, refs: NonNullable<Finding['refs']>): Finding {
  const kind = rule.split(':')[1] as keyof typeof REPORT_CHECK_NAMES;
  return { rule, ruleName: REPORT_CHECK_NAMES[kind], orgUnit: instance.orgUnit, period: instance.period, left: null, right: null, severity, message, refs };
}

/** The same item twice in one section: the seed lists a meeting twice. */
function duplicateItems(instance: ReportInstance, sectionNames: ReadonlyMap<string, string>): Finding[] {
  const seen = new Map<string, string[]>();
  const findings: Finding[] = [];
  for (const item of instance.items) {
    const key = `${item.section}\u0000${normalizeForComparison(item.text)}`;
    const ids = [...(seen.get(key) ?? []), item.id];
    seen.set(key, ids);
    if (ids.length === 2) {
      const excerpt = item.text.length > 80 ? `${item.text.slice(0, 80)}…` : item.text;
      findings.push(finding(instance, `report:duplicate_item:${item.section}`, 'warning', `${sectionNames.get(item.section) ?? `Mục ${item.section}`}: nội dung bị lặp lại: “${excerpt}”`, { section: item.section, items: ids }));
    }
  }
  return findings;
}

/** A document registered twice (same number and symbol). */
function duplicateDocuments(instance: ReportInstance): Finding[] {
  const seen = new Map<string, string>();
  const findings: Finding[] = [];
  for (const doc of instance.documents) {
    if (!doc.number || !doc.symbol) continue;
    const key = `${doc.number}/${doc.symbol}`.toUpperCase();
    const first = seen.get(key);
    if (first !== undefined) {
      findings.push(finding(instance, `report:duplicate_document:${key}`, 'warning', `Văn bản ${doc.number}/${doc.symbol} được ghi hai lần trong sổ văn bản của báo cáo`, { documents: [first, doc.id] }));
    }
    seen.set(key, first ?? doc.id);
  }
  return findings;
}

/**
 * Documents the unit issued in this report must be dated inside the period's data
 * window (Nghị định 09/2019 Điều 12); cited documents of other issuers may be older.
 */
function documentsOutsideWindow(instance: ReportInstance, ownIssuers: ReadonlySet<string>): Finding[] {
  const window = dataWindow(parsePeriod(instance.period));
  return instance.documents
    .filter((doc) => doc.date && ownIssuers.has(doc.issuer) && (doc.date < window.from || doc.date > window.to))
    .map((doc) =>
      finding(
        instance,
        `report:document_outside_window:${doc.id}`,
        'warning',
        `Văn bản ${doc.number ?? ''}${doc.symbol ? `/${doc.symbol}` : ''} ngày ${formatDateDmy(doc.date as string)} nằm ngoài thời gian chốt số liệu (${formatDateDmy(window.from)} - ${formatDateDmy(window.to)})`,
        { documents: [doc.id] },
      ),
    );
}

function periodText(code: string): string {
  const parsed = tryParsePeriod(code);
  return parsed.ok ? periodLabel(parsed.period) : `kỳ ${code}`;
}

/** The same plan line twice. */
function duplicatePlanItems(instance: ReportInstance): Finding[] {
  const seen = new Map<string, string>();
  const findings: Finding[] = [];
  for (const item of instance.plan) {
    const key = `${item.forPeriod}\u0000${normalizeForComparison(item.text)}`;
    const first = seen.get(key);
    if (first !== undefined) findings.push(finding(instance, `report:duplicate_plan_item:${item.id}`, 'warning', `Kế hoạch ${periodText(item.forPeriod)}: nội dung số ${item.order} bị lặp lại`, { plan: [first, item.id] }));
    seen.set(key, first ?? item.id);
  }
  return findings;
}

/**
 * Runs every check on a report instance. `ownIssuers` are the org unit codes (and
 * names) that count as the reporting unit itself: its own code and its divisions'.
 */
export function checkReportInstance(input: {
  readonly instance: ReportInstance;
  readonly ownIssuers?: ReadonlySet<string>;
  /** How messages name a section ("Mục II.1 «Hoạt động của Lãnh đạo Sở»"); its id otherwise. */
  readonly sectionNames?: ReadonlyMap<string, string>;
}): Finding[] {
  const ownIssuers = input.ownIssuers ?? new Set([input.instance.orgUnit]);
  return [
    ...duplicateItems(input.instance, input.sectionNames ?? new Map()),
    ...duplicateDocuments(input.instance),
    ...documentsOutsideWindow(input.instance, ownIssuers),
    ...duplicatePlanItems(input.instance),
  ];
}
