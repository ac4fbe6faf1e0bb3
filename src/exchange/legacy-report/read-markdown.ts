// Markdown text → the paragraphs the legacy-report parser takes. Keeps what the parser
// needs (heading depth, whole-paragraph bold, list markers) and drops the markup:
// emphasis stars, backslash escapes, table pipes, <br>.
import type { SourceParagraph } from '../../core/legacy-report/legacy-report.ts';

export function readMarkdownParagraphs(text: string): SourceParagraph[] {
  const out: SourceParagraph[] = [];
  let block: string[] = [];
  const flush = (): void => {
    if (block.length > 0) out.push(...blockParagraphs(block));
    block = [];
  };
  for (const rawLine of text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)) {
    const line = rawLine.replace(/[ \t]+$/, (spaces) => (spaces.length >= 2 ? '\uE000' : ''));
    if (line.trim() === '') {
      flush();
      continue;
    }
    const trimmed = line.trim();
    // Headings, list items and table rows stand alone; other lines join their block.
    if (/^#{1,6}\s/.test(trimmed) || /^([-+*]|\\\*)\s/.test(trimmed) || /^\|/.test(trimmed) || /^\d{1,2}[.)]\s/.test(trimmed)) {
      flush();
      if (/^\|/.test(trimmed)) out.push(...tableRow(trimmed));
      else block.push(line);
      continue;
    }
    block.push(line);
  }
  flush();
  return out;
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
  const parts = text.replace(/<br\s*\/?>/giu, '\uE000').replace(/\\\uE000|\\$/g, '\uE000').split('\uE000');
  const bold = isWhollyBold(text);
  return parts
    .map((part, i) => ({ text: stripInline(part), headingDepth, bold, marker: i === 0 ? marker : null }))
    .filter((p) => p.text.trim() !== '')
    .map((p) => (p.marker === null ? { text: p.text, headingDepth: p.headingDepth, bold: p.bold } : p));
}

function tableRow(row: string): SourceParagraph[] {
  if (/^\|[\s:|-]+\|?$/.test(row)) return [];
  return row.replace(/^\||\|$/g, '').split('|').flatMap((cell) => blockParagraphs([cell]));
}

/** "**I. CÔNG TÁC**", "***Nơi nhận:***": the whole text inside one bold span. */
function isWhollyBold(text: string): boolean {
  const t = text.replace(/\uE000/g, ' ').trim();
  return /^\*{2,3}[^*]/.test(t) && /[^*\\]\*{2,3}$/.test(t) && !/[^*]\*\*[^*]/.test(t.slice(3, -3));
}

/** Removes emphasis and escapes: "\* *Khai báo:*" → "* Khai báo:". */
function stripInline(text: string): string {
  return text
    // Escaped characters are kept: protect them (as private-use U+E001) while emphasis goes.
    .replace(/\\([\\`*_{}[\]()#+\-.!|~<>])/g, '\uE001$1')
    .replace(/(?<!\uE001)(\*{1,3}|_{2,3})/g, '')
    .replace(/\uE001/g, '')
    .replace(/[ \t]+/g, ' ')
    .trim();
}
