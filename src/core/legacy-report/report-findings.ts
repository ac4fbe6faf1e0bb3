// What the text of a report cites and gets wrong, from its scanned paragraphs: the
// documents it cites (one register entry per document, every citation kept with its
// paragraph) and the findings, each naming its paragraph and section: a percentage
// that does not fit its figures, parts that do not add up to their total, a count
// that disagrees with its list, an item written twice, a document given two dates or
// two symbols.
import { formatNumber } from '../format.ts';
import type { DocumentReference } from './document-references.ts';
import { documentKey } from './document-references.ts';
import { findDuplicates, listEntries } from './duplicate-check.ts';
import type { DuplicateEntry } from './duplicate-check.ts';
import type { LegacyCitation, LegacyDocument, LegacyFinding } from './legacy-report.ts';
import { checkListCounts } from './list-count-check.ts';
import { checkPartsInText, checkStatusSplits } from './parts-total-check.ts';
import type { PartsMismatch, TextUnit } from './parts-total-check.ts';
import { checkStatedPercentages } from './percentage-check.ts';
import type { StatedNumber } from './stated-numbers.ts';

/** One paragraph of the report with what was found in it. */
export interface ScannedText extends TextUnit {
  /** Number of its section as printed, for messages ("I.4.b"). */
  readonly sectionNumber: string;
  readonly kind: 'item' | 'plan' | 'heading' | 'closing';
  readonly references: readonly DocumentReference[];
  readonly numbers: readonly StatedNumber[];
}

/** Findings of one rule beyond this many are summed up in one more. */
const MAX_PER_RULE = 50;

export function collectDocuments(texts: readonly ScannedText[]): LegacyDocument[] {
  const byKey = new Map<string, { first: DocumentReference; at: ScannedText; citations: LegacyCitation[]; date: string | null; summary: string }>();
  for (const t of texts) {
    for (const ref of t.references) {
      const key = documentKey(ref.number, ref.symbol);
      const citation: LegacyCitation = { paragraph: t.paragraph, section: t.section, written: ref.written, date: ref.date };
      const found = byKey.get(key);
      if (found) {
        found.citations.push(citation);
        found.date ??= ref.date;
        if (!found.summary) found.summary = ref.summary;
      } else {
        byKey.set(key, { first: ref, at: t, citations: [citation], date: ref.date, summary: ref.summary });
      }
    }
  }
  let n = 0;
  return [...byKey.values()].map(({ first, at, citations, date, summary }) => ({
    id: `doc-${++n}`,
    section: at.section || null,
    type: first.type,
    label: first.label,
    number: first.number,
    symbol: first.symbol,
    issuer: first.issuer,
    date,
    summary,
    cited: true,
    reference: first.reference,
    paragraph: at.paragraph,
    citations,
  }));
}

export function textFindings(texts: readonly ScannedText[], documents: readonly LegacyDocument[], period: string): LegacyFinding[] {
  const findings: LegacyFinding[] = [];
  const add = (rule: string, severity: LegacyFinding['severity'], paragraph: number, message: string, left: number | null = null, right: number | null = null): void => {
    findings.push({ rule, orgUnit: '', period, left, right, severity, message, paragraph });
  };
  const where = (t: { paragraph: number; sectionNumber: string }): string => `đoạn ${t.paragraph + 1}${t.sectionNumber ? `, mục ${t.sectionNumber}` : ''}`;
  const bySection = new Map<string, ScannedText[]>();
  const duplicateEntries: (DuplicateEntry & { sectionNumber: string })[] = [];
  for (const t of texts) {
    if (t.kind === 'heading') continue;
    for (const m of checkStatedPercentages(t.numbers, t.text)) {
      const why = m.reason === 'transposed' ? ' (có thể viết đảo chữ số)' : m.reason === 'rounding' ? '' : '';
      add('legacy:percent_mismatch', 'warning', t.paragraph,
        `Tỷ lệ ${m.stated.text.replace(/\s+%/, '%')} không khớp với số liệu: ${formatNumber(m.part.value)}/${formatNumber(m.whole.value)} = ${m.computed}${why} (${where(t)}).`,
        m.stated.value, Number(m.computed.replace('%', '').replaceAll('.', '').replace(',', '.')));
    }
    for (const m of checkPartsInText(t)) add('legacy:parts_total', 'warning', t.paragraph, partsMessage(m, where(t)), m.total.value, m.sum);
    if (t.kind === 'closing') continue;
    let list = bySection.get(t.section);
    if (!list) bySection.set(t.section, (list = []));
    list.push(t);
    if (t.marker !== 'table') {
      duplicateEntries.push({ text: t.text, paragraph: t.paragraph, section: t.section, sectionNumber: t.sectionNumber });
      for (const entry of listEntries(t.text)) duplicateEntries.push({ text: entry, paragraph: t.paragraph, section: t.section, sectionNumber: t.sectionNumber, partOfList: true });
    }
  }
  const sectionNumberOf = new Map(texts.map((t) => [t.section, t.sectionNumber]));
  for (const units of bySection.values()) {
    for (const m of checkStatusSplits(units)) {
      const at = { paragraph: m.paragraph, sectionNumber: sectionNumberOf.get(units[0]?.section ?? '') ?? '' };
      add('legacy:parts_total', 'warning', m.paragraph, partsMessage(m, where(at)), m.total.value, m.sum);
    }
    for (const m of checkListCounts(units)) {
      const at = { paragraph: m.paragraph, sectionNumber: sectionNumberOf.get(units[0]?.section ?? '') ?? '' };
      add('legacy:list_count', 'warning', m.paragraph, `Nêu ${m.count.text} ${m.noun} nhưng liệt kê ${formatNumber(m.listed)} (${where(at)}).`, m.count.value, m.listed);
    }
  }
  for (const d of findDuplicates(duplicateEntries)) {
    const quote = d.second.text.length > 90 ? `${d.second.text.slice(0, 90)}…` : d.second.text;
    const at = { paragraph: d.second.paragraph, sectionNumber: sectionNumberOf.get(d.second.section) ?? '' };
    const same = d.first.paragraph === d.second.paragraph ? 'cùng đoạn' : `đoạn ${d.first.paragraph + 1}`;
    add(d.exact ? 'legacy:duplicate' : 'legacy:near_duplicate', 'warning', d.second.paragraph,
      `${d.exact ? 'Nội dung lặp lại' : 'Nội dung gần trùng'}: "${quote}" đã có ở ${same} (${where(at)}).`);
  }
  for (const doc of documents) {
    const dates = [...new Set(doc.citations.map((c) => c.date).filter((d): d is string => d !== null))];
    if (dates.length > 1) {
      add('legacy:document_dates', 'warning', doc.citations[1]?.paragraph ?? doc.paragraph,
        `${doc.type} số ${doc.reference} được ghi với ${dates.length} ngày khác nhau: ${dates.map(dateVi).join(', ')} (đoạn ${[...new Set(doc.citations.map((c) => c.paragraph + 1))].join(', ')}).`);
    }
    const forms = [...new Set(doc.citations.map((c) => c.written.replace(/\s+/g, '')))];
    const shapes = new Set(forms.map((f) => f.replace(/[^/-]/g, '')));
    if (forms.length > 1 && shapes.size > 1) {
      add('legacy:document_symbols', 'warning', doc.citations[1]?.paragraph ?? doc.paragraph,
        `Một văn bản được ghi hai ký hiệu: ${forms.join(' và ')} (đoạn ${[...new Set(doc.citations.map((c) => c.paragraph + 1))].join(', ')}); cần thống nhất.`);
    }
  }
  return capPerRule(findings.sort((a, b) => (a.paragraph ?? 0) - (b.paragraph ?? 0)));
}

function partsMessage(m: PartsMismatch, where: string): string {
  const parts = m.parts.map((p) => formatNumber(p.value)).join(' + ');
  return `Các phần không khớp tổng: ${formatNumber(m.total.value)} ≠ ${parts} = ${formatNumber(m.sum)} (${where}).`;
}

function dateVi(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${Number(d)}/${Number(m)}/${y}`;
}

function capPerRule(findings: LegacyFinding[]): LegacyFinding[] {
  const counts = new Map<string, number>();
  const out: LegacyFinding[] = [];
  for (const f of findings) {
    const n = (counts.get(f.rule) ?? 0) + 1;
    counts.set(f.rule, n);
    if (n <= MAX_PER_RULE) out.push(f);
  }
  for (const [rule, n] of counts) {
    if (n > MAX_PER_RULE) {
      out.push({ rule, orgUnit: '', period: out[0]?.period ?? '', left: null, right: null, severity: 'info', paragraph: null, message: `Còn ${formatNumber(n - MAX_PER_RULE)} phát hiện cùng loại (${rule}) không liệt kê.` });
    }
  }
  return out;
}
