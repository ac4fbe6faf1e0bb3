// Compares an imported file with the report rendered from what was saved: every
// paragraph of the file (header lines, title, headings, items, table rows, plan lines,
// closing, recipients, signer) must be found in the rendered report, word for word
// (case, punctuation, list markers, thousands separators and zero-padding aside:
// "04" = "4", "7.792" = "7792"). What is not found is what the saved report lacks. What the report prints
// that the file did not have (a template's own text) is listed as added.
//
// Exact paragraphs are found through a hash table; the rest (a line the importer
// joined to the one before, a closing joined into one paragraph) by a search in the
// rendered text, moving forward from the last place found.
import type { ReportBlock, ReportModel } from '../report-model.ts';
import { isReportTable } from '../report-table.ts';
import type { SourceParagraph } from './legacy-report.ts';
import { isDecoration, isMotto, isSignatureNote } from './front-matter.ts';

export interface LostParagraph {
  /** Index of the paragraph in the file (from 0). */
  readonly paragraph: number;
  readonly text: string;
}

export interface LossReport {
  /** Paragraphs of the file the rendered report lacks. */
  readonly missing: readonly LostParagraph[];
  /** Paragraphs the rendered report prints that the file does not have (at most 50). */
  readonly added: readonly string[];
  readonly addedCount: number;
  /** How many paragraphs of the file were compared. */
  readonly checked: number;
}

/**
 * What separates words for the comparison: anything but digits and the letters a
 * report is written in (Latin with every Vietnamese mark), as ranges rather than
 * \p{L}: this runs over megabytes.
 */
const NOT_WORD = /[^0-9a-z\u00c0-\u024f\u1e00-\u1eff]+/g;
const MAX_ADDED = 50;

/** Words of a text for comparing: lower case, no punctuation, no leading zeros. */
export function comparable(text: string): string {
  // Vietnamese has no special casing; combining marks (a DOCX may hold them) are composed first.
  const composed = /[\u0300-\u036f]/.test(text) ? text.normalize('NFC') : text;
  // "7.792" and "7792" are one figure: thousands separators go before the words are cut.
  // One pass of replacements, no array of words: a paragraph may be megabytes long.
  return ` ${composed.toLowerCase().replace(/(\d)\.(?=\d{3}(?!\d))/g, '$1').replace(NOT_WORD, ' ')} `
    .replace(/ 0+(?=\d)/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** The texts of a file to look for, with their paragraph; layout and signature notes are left out. */
export function sourceTexts(paragraphs: readonly SourceParagraph[]): { paragraph: number; text: string; cells?: string[] }[] {
  const out: { paragraph: number; text: string; cells?: string[] }[] = [];
  paragraphs.forEach((p, paragraph) => {
    if (p.table) {
      for (const row of p.table) {
        const text = row.join(' | ');
        const cells = row.flatMap((c) => c.split('\n')).map((c) => c.trim()).filter((c) => c !== '' && !isDecoration(c) && !isMotto(c) && !isSignatureNote(c));
        if (cells.length > 0) out.push({ paragraph, text, cells });
      }
      return;
    }
    const text = p.text.trim();
    if (text === '' || isDecoration(text) || isMotto(text) || isSignatureNote(text)) return;
    out.push({ paragraph, text: p.marker ? `${p.marker} ${text}` : text });
  });
  return out;
}

/** Every text the rendered report prints, in reading order, one entry a paragraph (a table: one a row). */
export function modelTexts(model: ReportModel): string[] {
  const out: string[] = [model.governingBody, model.issuingBody, model.number ? `Số: ${model.number}` : `Số: /${model.symbol}`];
  if (model.date) {
    const [y, m, d] = model.date.split('-');
    out.push(`${model.place}, ngày ${Number(d)} tháng ${Number(m)} năm ${y}`);
  } else out.push(model.place);
  out.push(model.documentType, model.summary);
  const blocks = (list: readonly ReportBlock[]): void => {
    for (const b of list) {
      if (isReportTable(b)) for (const row of b.rows) out.push(row.join(' | '));
      else out.push(`${b.marker} ${b.runs.map((r) => r.text).join('')}`);
    }
  };
  blocks(model.preamble);
  const visit = (sections: ReportModel['sections']): void => {
    for (const s of sections) {
      out.push(`${s.number} ${s.title}`);
      blocks(s.paragraphs);
      visit(s.sections);
    }
  };
  visit(model.sections);
  blocks(model.closing);
  out.push('Nơi nhận:', ...model.recipients);
  out.push(...(model.signer.authority ? model.signer.authority.split('\n') : []), model.signer.title, model.signer.name);
  return out.filter((t) => t.trim() !== '');
}

export function findLoss(source: readonly SourceParagraph[], model: ReportModel): LossReport {
  const plain: string[] = [];
  const rendered: string[] = [];
  for (const text of modelTexts(model)) {
    const c = comparable(text);
    if (c === '') continue;
    plain.push(text);
    rendered.push(c);
  }
  // Each text, with the paragraphs that print it and the next one not yet matched.
  const exact = new Map<string, { list: number[]; next: number }>();
  rendered.forEach((t, i) => {
    let entry = exact.get(t);
    if (!entry) exact.set(t, (entry = { list: [], next: 0 }));
    entry.list.push(i);
  });
  const used = new Uint8Array(rendered.length);
  // One text to search in, each paragraph between spaces; starts[i] is where paragraph i begins.
  const starts: number[] = [];
  let all = ' ';
  for (const t of rendered) {
    starts.push(all.length);
    all += `${t} `;
  }
  let cursor = 0;
  const paragraphAt = (offset: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const search = (text: string): boolean => {
    const needle = ` ${text} `;
    let at = all.indexOf(needle, cursor);
    if (at < 0) at = all.indexOf(needle);
    if (at < 0) return false;
    cursor = at + needle.length - 1;
    // A text found across several printed paragraphs (a table row of header fields) uses them all.
    for (let i = paragraphAt(at + 1), last = paragraphAt(at + needle.length - 2); i <= last; i += 1) used[i] = 1;
    return true;
  };
  const take = (text: string): boolean => {
    const entry = exact.get(text);
    if (entry) {
      while (entry.next < entry.list.length && used[entry.list[entry.next] ?? 0]) entry.next += 1;
      const free = entry.list[entry.next];
      if (free !== undefined) {
        used[free] = 1;
        cursor = Math.max(cursor, starts[free] ?? 0);
      }
      return true; // said twice in the file and printed once is not a loss either
    }
    return search(text);
  };
  const missing: LostParagraph[] = [];
  const texts = sourceTexts(source);
  for (const s of texts) {
    const text = comparable(s.text);
    if (text === '' || take(text)) continue;
    // A layout table's row is found cell by cell (the header prints its fields apart).
    if (s.cells && s.cells.every((cell) => comparable(cell) === '' || take(comparable(cell)))) continue;
    missing.push({ paragraph: s.paragraph, text: s.text });
  }
  const added: string[] = [];
  let addedCount = 0;
  rendered.forEach((_, i) => {
    if (used[i]) return;
    addedCount += 1;
    if (added.length < MAX_ADDED) added.push(plain[i] ?? '');
  });
  return { missing, added, addedCount, checked: texts.length };
}
