// Builds the ReportModel from a template, a report instance and the aggregated values:
// the one place where Liquid is resolved, so every renderer only lays text out.
//
// Problems never stop the build: a Liquid error, an unknown indicator or a missing value
// becomes a Finding (rule `template:<section id>`, message naming the section, block and
// line) and the rest of the report is still produced. A block that fails to render is
// left out rather than printed half-resolved.
import { Liquid as LiquidEngine } from 'liquidjs';
import type { Aggregator } from './aggregate.ts';
import type { Finding, Severity } from './finding.ts';
import type { Catalogue } from './indicator.ts';
import { createReportLiquid, indicatorScope } from './liquid-filters.ts';
import type { LiquidEnvironment } from './liquid-filters.ts';
import { formatDocumentNumber, formatDateShort } from './format.ts';
import { formatPeriod, nextPeriod, periodLabel, tryParsePeriod } from './period.ts';
import type { Period } from './period.ts';
import { PLAN_STATUS_LABELS } from './report-instance.ts';
import type { DocumentEntry, NarrativeItem, PlanItem, ReportInstance } from './report-instance.ts';
import type { ReportBlock, ReportModel, ReportParagraph, ReportSection, TextRun } from './report-model.ts';
import { isTableRow, TABLE_MARKER, textToTable } from './report-table.ts';
import { sectionNumbers } from './report-template.ts';
import type { Block, ReportTemplate, TemplateSection } from './report-template.ts';

/** What the builder reads values from; the core Aggregator fits. */
export type ReportValueSource = Pick<Aggregator, 'value' | 'change' | 'yearToDate'>;

export interface BuildReportModelInput {
  readonly template: ReportTemplate;
  readonly instance: ReportInstance;
  readonly catalogue: Catalogue;
  readonly source: ReportValueSource;
  /** Last period's plan (for `plan-review` blocks), with statuses. */
  readonly previousPlan?: readonly PlanItem[];
  /** Not issued yet: the model is marked draft and drops the number and the date. */
  readonly draft?: boolean;
}

export { PLAN_STATUS_LABELS };

/** Where text is being resolved, for messages. */
interface Location {
  readonly rule: string;
  /** For the template's author: section id, block and line. */
  readonly where: string;
  /** For the people who enter figures: "Mục I.4.a «title»". */
  readonly place?: string;
  /** The template section, for a link from the finding. */
  readonly section?: string;
}

/** What each kind of finding of the builder checks, as its heading. */
const RULE_NAMES = {
  template: 'Lỗi trong đề cương báo cáo',
  missing: 'Chưa có số liệu',
  itemNotShown: 'Nội dung không được đưa vào báo cáo',
  documentNotShown: 'Văn bản không được liệt kê',
  report: 'Báo cáo và đề cương',
} as const;

type Liquid = ReturnType<typeof createReportLiquid>;

/** Splits `**bold**` and `*italic*` spans into runs; `\*` is a literal star (imported text escapes its own). */
export function parseRuns(text: string): TextRun[] {
  const runs: TextRun[] = [];
  const escaped = text.includes('\\*');
  const source = escaped ? text.replace(/\\\*/g, '\uE002') : text;
  const literal = (t: string): string => (escaped ? t.replace(/\uE002/g, '*') : t);
  const pattern = /\*\*(.+?)\*\*|\*(.+?)\*/g;
  let last = 0;
  for (let match = pattern.exec(source); match !== null; match = pattern.exec(source)) {
    if (match.index > last) runs.push({ text: literal(source.slice(last, match.index)) });
    if (match[1] !== undefined) runs.push({ text: literal(match[1]), bold: true });
    else if (match[2] !== undefined) runs.push({ text: literal(match[2]), italic: true });
    last = match.index + match[0].length;
  }
  if (last < source.length) runs.push({ text: literal(source.slice(last)) });
  return runs;
}

/** Like textToParagraphs, but consecutive lines of a pipe table ("| a | b |") become one table. */
export function textToBlocks(text: string): ReportBlock[] {
  const out: ReportBlock[] = [];
  let table: string[] = [];
  let plain: string[] = [];
  const flushTable = (): void => {
    if (table.length > 0) out.push(textToTable(table.join('\n')));
    table = [];
  };
  const flushPlain = (): void => {
    if (plain.length > 0) out.push(...textToParagraphs(plain.join('\n')));
    plain = [];
  };
  for (const line of text.split('\n')) {
    if (isTableRow(line)) {
      flushPlain();
      table.push(line);
    } else {
      flushTable();
      plain.push(line);
    }
  }
  flushTable();
  flushPlain();
  return out;
}

/** One paragraph per non-empty line; "- ", "+ ", "* " at a line start is its marker. */
export function textToParagraphs(text: string): ReportParagraph[] {
  const out: ReportParagraph[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\s+/g, ' ').trim();
    if (line === '') continue;
    const marked = /^([-+*])\s+(.*)$/.exec(line);
    if (marked && marked[1] !== undefined && marked[2] !== undefined) out.push({ marker: marked[1], runs: parseRuns(marked[2]) });
    else out.push({ marker: '', runs: parseRuns(line) });
  }
  return out;
}

/** "Kế hoạch số 31/KH-STTTT-BCVTCNTT ngày 29/3/2022 về …", or the summary alone when unnumbered. */
export function citeDocument(entry: DocumentEntry): string {
  if (!entry.number) return entry.summary;
  const symbol = entry.symbol ? `/${entry.symbol}` : '';
  const date = entry.date ? ` ngày ${formatDateShort(entry.date)}` : '';
  return `${entry.label ?? entry.type} số ${entry.number}${symbol}${date} ${entry.summary}`;
}

/** The line and column a liquidjs error points at, if it carries a token. */
function errorPosition(error: unknown): { line: number; col: number } | null {
  const token = (error as { token?: { getPosition?: () => [number, number] } }).token;
  const position = token?.getPosition?.();
  if (position) return { line: position[0], col: position[1] };
  const match = /line:(\d+), col:(\d+)/.exec(String((error as Error).message ?? ''));
  return match ? { line: Number(match[1]), col: Number(match[2]) } : null;
}

/** liquidjs messages in Vietnamese, for the kinds users meet. */
function explainLiquidError(error: unknown): string {
  const message = String((error as Error).message ?? error).replace(/,? ?line:\d+, col:\d+/, '');
  const undefinedVariable = /undefined variable: ([\w.]+)/.exec(message);
  if (undefinedVariable) return `không có chỉ tiêu hay biến "${undefinedVariable[1]}"`;
  const undefinedFilter = /undefined filter: (\w+)/.exec(message);
  if (undefinedFilter) return `không có bộ lọc "${undefinedFilter[1]}"`;
  return `lỗi cú pháp mẫu: ${message.split('\n')[0] ?? message}`;
}

export function buildReportModel(input: BuildReportModelInput): ReportModel {
  const { template, instance, catalogue, source } = input;
  const findings: Finding[] = [];
  const parsedPeriod = tryParsePeriod(instance.period);
  const seen = new Set<string>();
  const finding = (rule: string, severity: Severity, message: string, indicators?: readonly string[], extra: Pick<Finding, 'ruleName' | 'refs'> = {}): void => {
    // A figure quoted three times and missing is one finding, not three.
    const key = `${rule}\u0000${message}`;
    if (seen.has(key)) return;
    seen.add(key);
    findings.push({
      rule, orgUnit: instance.orgUnit, period: instance.period, left: null, right: null, severity, message,
      ...(indicators && indicators.length > 0 ? { indicators } : {}),
      ruleName: extra.ruleName ?? RULE_NAMES.template,
      ...(extra.refs ? { refs: extra.refs } : {}),
    });
  };

  const draft = input.draft === true;
  const header = {
    ...(draft ? { draft } : {}),
    governingBody: instance.governingBody,
    issuingBody: instance.issuingBody,
    number: draft || instance.number === null ? null : formatDocumentNumber(instance.number, instance.symbol),
    symbol: instance.symbol,
    place: instance.place,
    date: draft ? null : instance.date,
    documentType: template.documentType ?? 'BÁO CÁO',
    recipients: [...instance.recipients],
    signer: instance.signer,
  };
  if (!parsedPeriod.ok) {
    finding('report:period', 'error', `Kỳ báo cáo không hợp lệ: "${instance.period}".`, undefined, { ruleName: RULE_NAMES.report });
    return { ...header, summary: template.name, preamble: [], sections: [], closing: [], findings };
  }
  const period: Period = parsedPeriod.period;
  const next = nextPeriod(period);
  if (instance.template !== template.code) {
    finding('report:template', 'warning', `Báo cáo dùng đề cương "${instance.template}" nhưng được dựng theo đề cương "${template.code}".`, undefined, { ruleName: RULE_NAMES.report });
  }

  const missingFigures = new Map<string, { place: string; section: string | undefined; code: string; total: boolean; options: string[] }>();
  // Where the text being rendered sits; problems raised by filters attach to it.
  let location: Location = { rule: 'template:summary', where: 'Trích yếu' };
  const memo = new Map<string, number | null>();
  const cached = (key: string, compute: () => number | null): number | null => {
    if (!memo.has(key)) memo.set(key, compute());
    return memo.get(key) ?? null;
  };
  const filterKey = (filter: Readonly<Record<string, string>>): string =>
    Object.keys(filter).sort().map((k) => `${k}=${filter[k] ?? ''}`).join(';');
  const env: LiquidEnvironment = {
    value: (code, filter) => cached(`v|${code}|${filterKey(filter)}`, () => source.value({ indicator: code, filter }, period, instance.orgUnit)),
    previous: (code, filter) => cached(`p|${code}|${filterKey(filter)}`, () => source.change(code, period, instance.orgUnit, -1, filter).previous),
    yearToDate: (code, filter) => cached(`y|${code}|${filterKey(filter)}`, () => source.yearToDate(code, period, instance.orgUnit, filter)),
    indicator: (code) => catalogue.indicator(code),
    checkFilter: (code, filter) => {
      for (const [dimension, option] of Object.entries(filter)) {
        const message = catalogue.checkDisaggKey(code, `${dimension}=${option}`);
        if (message !== null) return message;
      }
      return null;
    },
    describe: (code, filter) => {
      const options = Object.entries(filter).map(([dimension, option]) =>
        catalogue.disaggregation(dimension)?.options.find((o) => o.code === option)?.name ?? option);
      return `«${catalogue.indicator(code)?.name ?? code}»${options.length > 0 ? ` (${options.join(', ')})` : ''}`;
    },
    report: ({ message, severity, indicators, missing, filter }) => {
      const refs = location.section ? { section: location.section } : undefined;
      const code = indicators?.length === 1 ? indicators[0] : undefined;
      if (missing && code !== undefined) {
        // One finding per figure and section, naming the breakdowns missing, not one per quote.
        const key = `${location.section ?? ''}\u0000${code}`;
        const entry = missingFigures.get(key) ?? { place: location.place ?? location.where, section: location.section, code, total: false, options: [] as string[] };
        const options = Object.entries(filter ?? {}).map(([dimension, option]) => catalogue.disaggregation(dimension)?.options.find((o) => o.code === option)?.name ?? option);
        if (options.length === 0) entry.total = true;
        else if (!entry.options.includes(options.join(', '))) entry.options.push(options.join(', '));
        missingFigures.set(key, entry);
      } else if (missing) {
        const rule = `report:missing_value${location.section ? `:${location.section}` : ''}`;
        finding(rule, severity, `${location.place ?? location.where}: ${message}.`, indicators, { ruleName: RULE_NAMES.missing, ...(refs ? { refs } : {}) });
      } else {
        finding(location.rule, severity, `${location.where}: ${message}.`, indicators, refs ? { refs } : {});
      }
    },
  };
  const liquid: Liquid = createReportLiquid(env);
  const baseScope: Record<string, unknown> = {
    ...indicatorScope(env, catalogue.indicators().map((i) => i.code)),
    ky: periodLabel(period),
    ky_sau: periodLabel(next),
    ky_ma: formatPeriod(period),
    bien: { ...(instance.variables ?? {}) },
  };

  /** Renders Liquid; on error reports it with its line and returns null. */
  const render = (text: string, at: Location, extra: Record<string, unknown> = {}): string | null => {
    // Text without Liquid is its own output: imported reports are mostly such text.
    if (!text.includes('{')) return text;
    location = at;
    try {
      const parsed = liquid.parse(text);
      return String(liquid.renderSync(parsed, { ...baseScope, ...extra }));
    } catch (error) {
      const position = errorPosition(error);
      const line = position ? `, dòng ${position.line}, cột ${position.col}` : '';
      finding(at.rule, 'error', `${at.where}${line}: ${explainLiquidError(error)}.`, undefined, at.section ? { refs: { section: at.section } } : {});
      return null;
    }
  };

  const shownItems = new Set<string>();
  const shownDocuments = new Set<string>();
  const itemsOf = (sectionId: string, slot: string | null): NarrativeItem[] =>
    instance.items
      .filter((item) => item.section === sectionId && (item.slot ?? null) === slot)
      .sort((a, b) => a.order - b.order);

  const renderItemText = (item: NarrativeItem, at: Location): string | null => {
    const text = render(item.text, { ...at, where: `${at.where}, nội dung "${item.id}"` });
    return text === null ? null : text.replace(/\s+/g, ' ').trim();
  };

  const fullNumbers = sectionNumbers(template.sections);

  const blockParagraphs = (section: TemplateSection, block: Block, index: number): ReportBlock[] => {
    const where = `Mục ${section.number} "${section.title}" (${section.id}), khối ${index + 1}`;
    const rule = `template:${section.id}`;
    const at: Location = { rule, where, place: `Mục ${fullNumbers.get(section.id) ?? section.number} «${section.title.replace(/:\s*$/, '')}»`, section: section.id };
    switch (block.type) {
      case 'text': {
        const text = render(block.liquid, at);
        return text === null ? [] : textToBlocks(text);
      }
      case 'items': {
        const items = itemsOf(section.id, block.slot ?? null);
        for (const item of items) shownItems.add(item.id);
        // A table item keeps its rows (its cells may hold Liquid like any item).
        const tables = items.filter((item) => item.marker === TABLE_MARKER);
        const tableBlock = (item: NarrativeItem): ReportBlock[] => {
          const text = render(item.text, { ...at, where: `${where}, nội dung "${item.id}"` });
          return text === null ? [] : [textToTable(text)];
        };
        const texts = items
          .filter((item) => item.marker !== TABLE_MARKER)
          .map((item) => ({ item, text: renderItemText(item, at) }))
          .filter((entry): entry is { item: NarrativeItem; text: string } => entry.text !== null && entry.text !== '');
        if (block.separator !== undefined && block.separator !== null) {
          const joined = texts.length === 0 ? [] : [{ marker: block.marker ?? '-', runs: parseRuns(`${block.lead ?? ''}${texts.map((t) => t.text).join(block.separator)}${block.ending ?? ''}`) }];
          return [...joined, ...tables.flatMap(tableBlock)];
        }
        const byItem = new Map(texts.map((t) => [t.item, t.text]));
        return items.flatMap((item): ReportBlock[] => {
          if (item.marker === TABLE_MARKER) return tableBlock(item);
          const text = byItem.get(item);
          return text === undefined ? [] : [{ marker: item.marker ?? '-', runs: parseRuns(text) }];
        });
      }
      case 'documents': {
        const documents = instance.documents.filter(
          (d) => d.section === section.id && (!block.documentType || d.type === block.documentType),
        );
        if (documents.length === 0) return [];
        for (const d of documents) shownDocuments.add(d.id);
        const defaultLead = `Ban hành {{ so_luong }} {{ loai }}: `;
        const lead = render(block.lead ?? defaultLead, at, {
          so_luong: documents.length,
          loai: block.documentType ?? documents[0]?.type ?? '',
        });
        if (lead === null) return [];
        const cited = documents.filter((d) => d.cited !== false);
        const ending = block.ending ?? (cited.length < documents.length ? ';...' : '.');
        const body = cited.map(citeDocument).join('; ');
        return [{ marker: block.marker ?? '-', runs: parseRuns(`${lead}${body}${ending}`.replace(/\s+/g, ' ').trim()) }];
      }
      case 'plan': {
        const nextCode = formatPeriod(next);
        return instance.plan
          .filter((p) => p.forPeriod === nextCode)
          .sort((a, b) => a.order - b.order)
          .map((p, i) => ({ marker: `${i + 1}.`, runs: parseRuns(p.text) }));
      }
      case 'plan-review': {
        const previous = [...(input.previousPlan ?? [])].sort((a, b) => a.order - b.order);
        const reviewed: ReportParagraph[] = previous.map((p, i) => {
          const status = p.status ? ` (${PLAN_STATUS_LABELS[p.status]})` : '';
          return { marker: `${i + 1}.`, runs: parseRuns(`${p.text}${status}`) };
        });
        if (reviewed.length === 0 || !block.lead) return reviewed;
        const lead = render(block.lead, at);
        return lead === null || lead.trim() === '' ? reviewed : [{ marker: '', runs: parseRuns(lead.trim()) }, ...reviewed];
      }
    }
  };

  const buildSection = (section: TemplateSection): ReportSection => {
    const title = render(section.title, { rule: `template:${section.id}`, where: `Tiêu đề mục ${section.number} (${section.id})`, section: section.id }) ?? section.title;
    return {
      id: section.id,
      level: section.level,
      number: section.number,
      title: title.trim(),
      paragraphs: section.blocks.flatMap((block, index) => blockParagraphs(section, block, index)),
      sections: section.sections.map(buildSection),
    };
  };

  const summary = render(template.summary, { rule: 'template:summary', where: 'Trích yếu' });
  const preamble = template.preamble ? render(template.preamble, { rule: 'template:preamble', where: 'Phần mở đầu' }) : null;
  const sections = template.sections.map(buildSection);
  const closing = render(template.closing, { rule: 'template:closing', where: 'Phần kết' });

  for (const figure of missingFigures.values()) {
    const parts = figure.options.length === 0 ? '' : ` (${[...(figure.total ? ['tổng số'] : []), ...figure.options].join('; ')})`;
    finding(`report:missing_value${figure.section ? `:${figure.section}` : ''}`, 'warning', `${figure.place}: chưa có số liệu «${catalogue.indicator(figure.code)?.name ?? figure.code}»${parts}.`, [figure.code], {
      ruleName: RULE_NAMES.missing, ...(figure.section ? { refs: { section: figure.section } } : {}),
    });
  }

  // Whatever people wrote must show up somewhere: an item or document no block shows is reported.
  for (const item of instance.items) {
    if (!shownItems.has(item.id)) {
      const where = fullNumbers.has(item.section) ? `mục ${fullNumbers.get(item.section) ?? ''}` : `mục "${item.section}" (không có trong đề cương)`;
      const excerpt = item.text.length > 60 ? `${item.text.slice(0, 60)}…` : item.text;
      finding('report:item-not-shown', 'warning', `Nội dung “${excerpt}” (${where}${item.slot ? `, nhóm ${item.slot}` : ''}) không thuộc khối nào của đề cương nên không được đưa vào báo cáo.`, undefined, { ruleName: RULE_NAMES.itemNotShown, refs: { section: item.section, items: [item.id] } });
    }
  }
  // A register entry with no section (an imported report's citations) is listed by no block on purpose.
  for (const document of instance.documents) {
    if (!shownDocuments.has(document.id) && document.section) {
      finding('report:document-not-shown', 'info', `Văn bản “${citeDocument(document).slice(0, 60)}” không được liệt kê trong khối văn bản nào của đề cương.`, undefined, { ruleName: RULE_NAMES.documentNotShown, refs: { documents: [document.id] } });
    }
  }

  return {
    ...header,
    summary: (summary ?? template.name).replace(/\s+/g, ' ').trim(),
    preamble: preamble === null ? [] : textToBlocks(preamble),
    sections,
    closing: closing === null ? [] : textToParagraphs(closing.replace(/\s*\n\s*/g, ' ')),
    findings,
  };
}

/**
 * Section titles as the document prints them ("KẾ HOẠCH CÔNG TÁC THÁNG 6 NĂM 2022"),
 * without building the whole report: titles may use the period words (`ky`, `ky_sau`,
 * `ky_ma`) and filters; one that needs anything else keeps its text as written.
 */
export function resolvedSectionTitles(template: Pick<ReportTemplate, 'sections'>, period: Period): Map<string, string> {
  const liquid = new LiquidEngine({ strictVariables: true, strictFilters: true, ownPropertyOnly: true, templates: {} });
  const scope = { ky: periodLabel(period), ky_sau: periodLabel(nextPeriod(period)), ky_ma: formatPeriod(period) };
  const out = new Map<string, string>();
  const visit = (list: readonly TemplateSection[]): void => {
    for (const section of list) {
      let title = section.title;
      if (title.includes('{')) {
        try {
          title = String(liquid.parseAndRenderSync(title, scope)).trim();
        } catch {
          title = section.title;
        }
      }
      out.set(section.id, title);
      visit(section.sections);
    }
  };
  visit(template.sections);
  return out;
}
