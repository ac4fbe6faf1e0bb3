// Lays an imported report out as something baocao stores and renders: a report
// instance (items, tables, plan, documents, header, recipients, signer) on a template.
// Two layouts (ADR 0014):
//   - its own outline: a template derived from the report itself, one section per
//     heading as written, an items block in each, the summary, preamble and closing as
//     text; rendering it gives back the report;
//   - a stored template (named, or the one the unit's report for the period already
//     uses): each section lands on the template section of the same number and title,
//     and paragraphs the template prints itself from the data are not stored twice.
// Text is stored as written; only a sure figure becomes a Liquid reference to its
// indicator, and only when printing the value gives back the same characters.
import { formatInteger, zeroPad2 } from '../format.ts';
import type { DocumentEntry, NarrativeItem, PlanItem, ReportInstance } from '../report-instance.ts';
import { tableToText, TABLE_MARKER } from '../report-table.ts';
import type { ReportTemplate, TemplateSection } from '../report-template.ts';
import { flattenSections } from '../report-template.ts';
import type { LegacyItem, LegacyReport, LegacySection } from './legacy-report.ts';
import type { FigureMatch } from './match-figures.ts';
import { contentWords, containment } from './vietnamese-text.ts';

/** Escapes text for Liquid and for the builder's emphasis: `{{`, `{%` and `*` print as written. */
export function escapeReportText(text: string): string {
  return text.replace(/\{\{|\{%|\*/g, (m) => (m === '*' ? '\\*' : `{{ '${m}' }}`));
}

/**
 * The text of one paragraph for storing: escaped, with each sure figure replaced by the
 * Liquid that prints it from the indicator, when that prints the same characters
 * ("20.601" via `so`, "04" via `so_2`); otherwise the figure stays as written.
 */
export function textWithFigures(text: string, figures: readonly FigureMatch[]): string {
  const sorted = [...figures].filter((f) => f.sure).sort((a, b) => a.number.offset - b.number.offset);
  let out = '';
  let at = 0;
  for (const f of sorted) {
    const { offset, text: written, value } = f.number;
    if (offset < at || text.slice(offset, offset + written.length) !== written) continue;
    const filter = f.slot.filter ? ` | theo: '${f.slot.filter}'` : '';
    const printed = Number.isInteger(value) ? { so: formatInteger(value), so_2: value < 10 ? zeroPad2(value) : formatInteger(value) } : null;
    const format = printed?.so === written ? 'so' : printed?.so_2 === written ? 'so_2' : null;
    if (!format) continue;
    out += `${escapeReportText(text.slice(at, offset))}{{ ${f.slot.indicator}${filter} | ${format} }}`;
    at = offset + written.length;
  }
  return out + escapeReportText(text.slice(at));
}

/** Figures by the paragraph they sit in. */
export type FiguresByParagraph = ReadonlyMap<number, readonly FigureMatch[]>;

function itemText(item: LegacyItem, figures: FiguresByParagraph): string {
  if (item.table) return tableToText(item.table.map((row) => row.map(escapeReportText)));
  return textWithFigures(item.text, figures.get(item.paragraph) ?? []);
}

/** A section number, path and title in the form the template ids use. */
function normalTitle(title: string): string[] {
  return contentWords(title.replace(/\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g, ' '));
}

/**
 * Where each imported section lands in a template: the section with the same number
 * path and a similar title, else one with the same title. Null when none: the
 * template does not fit that part of the report.
 */
export function mapSections(sections: readonly LegacySection[], template: ReportTemplate): Map<string, string | null> {
  const all = flattenSections(template.sections);
  const byId = new Map(all.map((s) => [s.id, s]));
  const out = new Map<string, string | null>();
  const visit = (list: readonly LegacySection[]): void => {
    for (const s of list) {
      const title = normalTitle(s.title);
      const fits = (t: TemplateSection): boolean => {
        const own = normalTitle(t.title);
        return own.length === 0 ? title.length === 0 : containment(own, title) >= 0.6;
      };
      const sameId = byId.get(s.id);
      const target = sameId && fits(sameId) ? sameId : all.find((t) => fits(t) && containment(title, normalTitle(t.title)) >= 0.6);
      out.set(s.id, target?.id ?? null);
      visit(s.sections);
    }
  };
  visit(sections);
  return out;
}

/** The template made of the report's own outline; `code` names it ("nhap-<unit>-<period>"). */
export function deriveTemplate(report: LegacyReport, code: string, name: string): { template: ReportTemplate; sectionIds: Map<string, string> } {
  const sectionIds = new Map<string, string>();
  const used = new Set<string>();
  const toSection = (s: LegacySection, depth: number): TemplateSection => {
    let id = s.id;
    for (let n = 2; used.has(id); n += 1) id = `${s.id}-${n}`;
    used.add(id);
    sectionIds.set(s.id, id);
    return {
      id,
      number: s.number,
      title: escapeLiquidOnly(s.title),
      level: Math.min(4, Math.max(1, depth)) as 1 | 2 | 3 | 4,
      owner: null,
      blocks: [{ type: 'items' }],
      sections: s.sections.map((child) => toSection(child, depth + 1)),
    };
  };
  const sections = report.sections.map((s) => toSection(s, 1));
  const preamble = report.preambleItems.map((item) => {
    if (item.table) return tableToText(item.table.map((row) => row.map(escapeReportText)));
    const text = escapeReportText(item.text);
    return item.marker === '' ? text : `${item.marker} ${text}`;
  }).join('\n');
  return {
    template: {
      code,
      name,
      documentType: report.title ?? 'BÁO CÁO',
      summary: escapeLiquidOnly(report.summary ?? ''),
      preamble: preamble === '' ? null : preamble,
      sections,
      closing: report.closing.map(escapeReportText).join('\n'),
    },
    sectionIds,
  };
}

/** Titles and the summary are printed without emphasis: only Liquid needs escaping. */
function escapeLiquidOnly(text: string): string {
  return text.replace(/\{\{|\{%/g, (m) => `{{ '${m}' }}`);
}

export interface InstanceInput {
  readonly report: LegacyReport;
  readonly template: ReportTemplate;
  readonly orgUnit: string;
  readonly period: string;
  /** Imported section id → template section id (null: no place, its content is lost). */
  readonly sectionOf: (legacySection: string) => string | null;
  readonly figures: FiguresByParagraph;
  /** Paragraphs the template prints itself from the data: not stored again as items. */
  readonly printed?: ReadonlySet<number>;
  /** Whether plan sections keep their lines as items too (own outline) or only as plan lines (a template's plan block). */
  readonly planAsItems: boolean;
  /** The period the plan is for when the report does not say. */
  readonly nextPeriod: string;
}

/** The report instance to store for an imported report on a given layout. */
export function buildImportedInstance(input: InstanceInput): ReportInstance {
  const { report, template, orgUnit, period, sectionOf, figures, printed = new Set<number>(), planAsItems } = input;
  const items: NarrativeItem[] = [];
  const orders = new Map<string, number>();
  let n = 0;
  const visit = (list: readonly LegacySection[]): void => {
    for (const section of list) {
      const target = sectionOf(section.id);
      if (target !== null && (planAsItems || !section.isPlan)) {
        for (const item of section.items) {
          if (printed.has(item.paragraph)) continue;
          const order = (orders.get(target) ?? 0) + 1;
          orders.set(target, order);
          items.push({ id: `import-${++n}`, section: target, order, text: itemText(item, figures), marker: item.table ? TABLE_MARKER : item.marker });
        }
      }
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
      // The citations stay in the items' text; the register keeps the entries without printing them again.
      section: null,
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
  const plan: PlanItem[] = report.plan.map((line) => ({ id: `import-plan-${line.order}`, order: line.order, text: line.text.replace(/\*/g, '\\*'), forPeriod: line.forPeriod ?? input.nextPeriod }));
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
