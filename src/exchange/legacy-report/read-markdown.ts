// Markdown (or plain text) → the paragraphs the legacy-report parser takes. Keeps what
// the parser needs (heading depth, whole-paragraph bold, list markers, tables as rows
// and cells) and drops the markup: emphasis stars, backslash escapes, <br>.
//
// Reports pasted as plain text put one paragraph per line with no blank line between
// them, so a line starts a new paragraph unless it plainly continues the one before
// (that one does not end a sentence and this one starts in lower case), or a bold
// span is still open.
import type { SourceParagraph } from '../../core/legacy-report/legacy-report.ts';
import { splitTableRow } from '../../core/report-table.ts';

export function readMarkdownParagraphs(text: string): SourceParagraph[] {
  const out: SourceParagraph[] = [];
  let block: string[] = [];
  // "**" seen in the block: odd while a bold span is open.
  let stars = 0;
  let table: string[] = [];
  const flush = (): void => {
    if (block.length > 0) out.push(...blockParagraphs(block));
    block = [];
    stars = 0;
  };
  const flushTable = (): void => {
    if (table.length > 0) {
      const rows = table.filter((row) => !/^\|?[\s:|-]+\|?$/.test(row) || !row.includes('-')).map(tableCells);
      if (rows.length > 0) out.push({ text: rows.map((r) => r.join(' | ')).join('\n'), table: rows });
    }
    table = [];
  };
  for (const rawLine of text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)) {
    const line = rawLine.replace(/[ \t]+$/, (spaces) => (spaces.length >= 2 ? '\uE000' : ''));
    const trimmed = line.trim();
    if (/^\|/.test(trimmed)) {
      flush();
      table.push(trimmed);
      continue;
    }
    flushTable();
    if (trimmed === '') {
      flush();
      continue;
    }
    if (block.length > 0 && !continues(block[block.length - 1] ?? '', stars % 2 === 1, trimmed)) flush();
    block.push(line);
    stars += (line.match(/\*\*/g) ?? []).length;
  }
  flush();
  flushTable();
  return out;
}

/** Whether a line continues the paragraph collected so far rather than starting one. */
function continues(previous: string, boldOpen: boolean, line: string): boolean {
  const last = previous.replace(/\uE000$/, '').trim();
  if (previous.endsWith('\uE000')) return true; // a hard break inside one paragraph
  if (/^(#{1,6}\s|[-+*]\s|\\\*\s|\d{1,2}(\.\d{1,2})*[.)]\s|[a-zđ]\)\s)/u.test(line)) return false;
  if (boldOpen) return true;
  return /^\p{Ll}/u.test(line) && !/[.;:!?]$/u.test(last);
}

function blockParagraphs(lines: readonly string[]): SourceParagraph[] {
  let text = lines.map((l) => l.trim()).join(' ').replace(/\uE000 /g, '\uE000');
  let headingDepth = 0;
  const heading = /^(#{1,6})\s+(.*)$/.exec(text);
  if (heading) {
    headingDepth = heading[1]?.length ?? 0;
    text = heading[2] ?? '';
  }
  let marker: string | null = null;
  const list = /^([-+*]|\\\*)\s+(.*)$/.exec(text);
  if (list && headingDepth === 0) {
    marker = list[1] === '\\*' ? '*' : (list[1] ?? '-');
    text = list[2] ?? '';
  }
  // A paragraph may hold hard line breaks ("KT.GIÁM ĐỐC  ⏎PHÓ GIÁM ĐỐC"): one paragraph each.
  const parts = /[<\\\uE000]/.test(text) ? text.replace(/<br\s*\/?>/giu, '\uE000').replace(/\\\uE000|\\$/g, '\uE000').split('\uE000') : [text];
  const bold = text.includes('*') && isWhollyBold(text);
  return parts
    .map((part, i) => ({ text: stripInline(part), headingDepth, bold, marker: i === 0 ? marker : null }))
    .filter((p) => p.text.trim() !== '')
    .map((p) => (p.marker === null ? { text: p.text, headingDepth: p.headingDepth, bold: p.bold } : p));
}

/** "| a | b \| c |" → ["a", "b | c"]; "<br>" in a cell is a line break; emphasis goes. */
function tableCells(row: string): string[] {
  return splitTableRow(row).map((cell) => cell.split('\n').map(stripInline).join('\n').trim());
}

/** "**I. CÔNG TÁC**", "***Nơi nhận:***": the whole text inside one bold span. */
function isWhollyBold(text: string): boolean {
  const t = text.replace(/\uE000/g, ' ').trim();
  return /^\*{2,3}[^*]/.test(t) && /[^*\\]\*{2,3}$/.test(t) && !/[^*]\*\*[^*]/.test(t.slice(3, -3));
}

/** Removes emphasis and escapes: "\* *Khai báo:*" → "* Khai báo:". */
function stripInline(text: string): string {
  // Most lines hold no markup at all: only their spaces need tidying.
  if (!/[\\*_]/.test(text)) return /\s\s|\t/.test(text) ? text.replace(/[ \t]+/g, ' ').trim() : text.trim();
  return text
    // Escaped characters are kept: protect them (as private-use U+E001) while emphasis goes.
    .replace(/\\([\\`*_{}[\]()#+\-.!|~<>])/g, '\uE001$1')
    .replace(/(?<!\uE001)(\*{1,3}|_{2,3})/g, '')
    .replace(/\uE001/g, '')
    .replace(/[ \t]+/g, ' ')
    .trim();
}
