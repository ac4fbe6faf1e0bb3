// DOCX → the paragraphs the legacy-report parser takes, from word/document.xml: text
// runs, "Heading N" styles (by style id or by the style's name in styles.xml, so a
// Vietnamese Word's "Đề mục 1" with outline level 0 counts too), whole-paragraph bold,
// list numbering (bullets become '-', numbered lists get "1.", "a)", "I." back), line
// breaks inside a paragraph (the signer block) as separate paragraphs, and tables as
// rows of cells (a table nested in a cell is read as that cell's text). The body is
// walked once, element by element, so the time grows with the file's size.
import type { SourceParagraph } from '../../core/legacy-report/legacy-report.ts';
import { LegacyImportError } from './legacy-import-error.ts';
import type { ReaderLimits } from './legacy-import-error.ts';
import { readZipEntries } from './zip-entries.ts';

const DOCUMENT = 'word/document.xml';
const STYLES = 'word/styles.xml';
const NUMBERING = 'word/numbering.xml';

export function readDocxParagraphs(bytes: Uint8Array, limits: ReaderLimits): SourceParagraph[] {
  const parts = readZipEntries(bytes, [DOCUMENT, STYLES, NUMBERING], limits);
  const document = parts.get(DOCUMENT);
  if (!document) throw new LegacyImportError('not_a_docx', 'Tệp nén không chứa văn bản Word (thiếu word/document.xml); đây không phải tệp DOCX.');
  const decode = (data: Uint8Array | undefined): string => (data ? new TextDecoder('utf-8').decode(data) : '');
  const headingLevels = readHeadingStyles(decode(parts.get(STYLES)));
  const formats = readNumberingFormats(decode(parts.get(NUMBERING)));
  const counters = new Map<string, number>();
  const xml = decode(document);
  const out: SourceParagraph[] = [];
  for (const block of topLevel(xml, 0, xml.length, BODY_BLOCK)) {
    if (block.name === 'p') out.push(...paragraph(xml.slice(block.innerStart, block.innerEnd), headingLevels, formats, counters));
    else {
      const rows = readTable(xml, block.innerStart, block.innerEnd, headingLevels, formats, counters);
      if (rows.length > 0) out.push({ text: rows.map((r) => r.join(' | ')).join('\n'), table: rows });
    }
  }
  return out;
}

interface Element {
  readonly name: string;
  readonly innerStart: number;
  readonly innerEnd: number;
}

const BODY_BLOCK = /<w:(tbl|p)\b[^>]*?\/>|<w:(tbl|p)\b[^>]*>|<\/w:(tbl|p)>/g;
const ROW = /<w:(tr|tbl)\b[^>]*?\/>|<w:(tr|tbl)\b[^>]*>|<\/w:(tr|tbl)>/g;
const CELL = /<w:(tc|tbl)\b[^>]*?\/>|<w:(tc|tbl)\b[^>]*>|<\/w:(tc|tbl)>/g;

/**
 * The elements named in `pattern` that are not inside another one of them, between
 * `from` and `to`: one scan of the tags, keeping a depth count.
 */
function topLevel(xml: string, from: number, to: number, pattern: RegExp): Element[] {
  const out: Element[] = [];
  const re = new RegExp(pattern.source, 'g');
  re.lastIndex = from;
  let depth = 0;
  let open: { name: string; innerStart: number } | null = null;
  for (let m = re.exec(xml); m !== null && m.index < to; m = re.exec(xml)) {
    const selfClosing = m[1];
    const opening = m[2];
    const closing = m[3];
    if (selfClosing) {
      if (depth === 0) out.push({ name: selfClosing, innerStart: m.index, innerEnd: m.index });
    } else if (opening) {
      if (depth === 0) open = { name: opening, innerStart: m.index + m[0].length };
      depth += 1;
    } else if (closing) {
      depth -= 1;
      if (depth === 0 && open) {
        out.push({ name: open.name, innerStart: open.innerStart, innerEnd: m.index });
        open = null;
      }
      if (depth < 0) depth = 0;
    }
  }
  return out;
}

/** A table's rows of cells; a cell's paragraphs (with their list markers) joined by line breaks. */
function readTable(xml: string, from: number, to: number, headingLevels: ReadonlyMap<string, number>, formats: ReadonlyMap<string, string>, counters: Map<string, number>): string[][] {
  const rows: string[][] = [];
  for (const row of topLevel(xml, from, to, ROW)) {
    if (row.name !== 'tr') continue;
    const cells: string[] = [];
    for (const cell of topLevel(xml, row.innerStart, row.innerEnd, CELL)) {
      if (cell.name !== 'tc') continue;
      const properties = /^\s*<w:tcPr>([\s\S]*?)<\/w:tcPr>/.exec(xml.slice(cell.innerStart, Math.min(cell.innerEnd, cell.innerStart + 2000)))?.[1] ?? '';
      const lines: string[] = [];
      for (const block of topLevel(xml, cell.innerStart, cell.innerEnd, BODY_BLOCK)) {
        if (block.name === 'p') {
          for (const p of paragraph(xml.slice(block.innerStart, block.innerEnd), headingLevels, formats, counters)) lines.push(p.marker ? `${p.marker} ${p.text}` : p.text);
        } else {
          for (const nested of readTable(xml, block.innerStart, block.innerEnd, headingLevels, formats, counters)) lines.push(nested.join(' | '));
        }
      }
      cells.push(lines.join('\n'));
      // A cell merged across columns keeps the columns after it empty, so rows stay aligned.
      const span = Number(/<w:gridSpan w:val="(\d+)"/.exec(properties)?.[1] ?? '1');
      for (let k = 1; k < span && k < 50; k += 1) cells.push('');
    }
    rows.push(cells);
  }
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
}

function paragraph(xml: string, headingLevels: ReadonlyMap<string, number>, formats: ReadonlyMap<string, string>, counters: Map<string, number>): SourceParagraph[] {
  const properties = /<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(xml)?.[1] ?? '';
  const style = /<w:pStyle w:val="([^"]*)"/.exec(properties)?.[1] ?? '';
  const headingDepth = headingLevels.get(style) ?? (/^heading\s*(\d)$/i.exec(style)?.[1] ? Number(/(\d)$/.exec(style)?.[1]) : 0);
  const lines: string[] = [''];
  let boldChars = 0;
  let allChars = 0;
  const body = xml.replace(/<w:pPr>[\s\S]*?<\/w:pPr>/, '');
  for (const run of body.matchAll(/<w:r\b[^>]*>([\s\S]*?)<\/w:r>/g)) {
    const content = run[1] ?? '';
    const runProps = /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(content)?.[1] ?? '';
    const bold = /<w:b(?:\s+w:val="(?:true|1|on)")?\s*\/>/.test(runProps);
    for (const piece of content.matchAll(/<w:t(?:\s[^>]*)?>([\s\S]*?)<\/w:t>|<w:t\s*\/>|<w:(tab)\/>|<w:(br|cr)\b[^>]*\/>/g)) {
      if (piece[2]) lines[lines.length - 1] += '\t';
      else if (piece[3]) lines.push('');
      else {
        const text = decodeXml(piece[1] ?? '');
        lines[lines.length - 1] += text;
        const size = text.replace(/\s+/g, '').length;
        allChars += size;
        if (bold) boldChars += size;
      }
    }
  }
  const isBold = allChars > 0 && boldChars === allChars;
  const numbering = /<w:numPr>([\s\S]*?)<\/w:numPr>/.exec(properties)?.[1];
  let prefix = '';
  let marker: string | undefined;
  if (numbering) {
    const numId = /<w:numId w:val="(\d+)"/.exec(numbering)?.[1] ?? '0';
    const level = Number(/<w:ilvl w:val="(\d+)"/.exec(numbering)?.[1] ?? '0');
    const format = formats.get(`${numId}:${level}`) ?? 'bullet';
    if (numId !== '0') {
      if (format === 'bullet') marker = level === 0 ? '-' : '+';
      else {
        const key = `${numId}:${level}`;
        const n = (counters.get(key) ?? 0) + 1;
        counters.set(key, n);
        for (const other of counters.keys()) if (other.startsWith(`${numId}:`) && Number(other.split(':')[1]) > level) counters.delete(other);
        prefix = `${numberLabel(format, n)} `;
      }
    }
  }
  return lines
    .map((text, i) => ({ text: i === 0 ? prefix + text : text, headingDepth, bold: isBold, ...(i === 0 && marker ? { marker } : {}) }))
    .filter((p) => p.text.trim() !== '');
}

function numberLabel(format: string, n: number): string {
  switch (format) {
    case 'lowerLetter': return `${String.fromCharCode(96 + Math.min(n, 26))})`;
    case 'upperLetter': return `${String.fromCharCode(64 + Math.min(n, 26))}.`;
    case 'upperRoman': return `${roman(n)}.`;
    case 'lowerRoman': return `${roman(n).toLowerCase()}.`;
    default: return `${n}.`;
  }
}

function roman(n: number): string {
  const table: [number, string][] = [[10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let rest = Math.min(n, 39);
  let out = '';
  for (const [value, letters] of table) while (rest >= value) { out += letters; rest -= value; }
  return out;
}

/** Style id → heading level, from "heading N" names or an outline level. */
function readHeadingStyles(xml: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of xml.matchAll(/<w:style\b[^>]*w:styleId="([^"]*)"[^>]*>([\s\S]*?)<\/w:style>/g)) {
    const name = /<w:name w:val="([^"]*)"/.exec(m[2] ?? '')?.[1] ?? '';
    const outline = /<w:outlineLvl w:val="(\d)"/.exec(m[2] ?? '')?.[1];
    const byName = /^heading\s*(\d)$/i.exec(name)?.[1];
    if (byName) out.set(m[1] ?? '', Number(byName));
    else if (outline !== undefined) out.set(m[1] ?? '', Number(outline) + 1);
  }
  return out;
}

/** "numId:level" → numFmt ("bullet", "decimal", "lowerLetter", …). */
function readNumberingFormats(xml: string): Map<string, string> {
  const abstract = new Map<string, Map<number, string>>();
  for (const m of xml.matchAll(/<w:abstractNum\b[^>]*w:abstractNumId="(\d+)"[^>]*>([\s\S]*?)<\/w:abstractNum>/g)) {
    const levels = new Map<number, string>();
    for (const l of (m[2] ?? '').matchAll(/<w:lvl\b[^>]*w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvl>/g)) {
      levels.set(Number(l[1]), /<w:numFmt w:val="([^"]*)"/.exec(l[2] ?? '')?.[1] ?? 'decimal');
    }
    abstract.set(m[1] ?? '', levels);
  }
  const out = new Map<string, string>();
  for (const m of xml.matchAll(/<w:num\b[^>]*w:numId="(\d+)"[^>]*>([\s\S]*?)<\/w:num>/g)) {
    const abstractId = /<w:abstractNumId w:val="(\d+)"/.exec(m[2] ?? '')?.[1] ?? '';
    for (const [level, format] of abstract.get(abstractId) ?? []) out.set(`${m[1]}:${level}`, format);
  }
  return out;
}

function decodeXml(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, entity: string) => {
    switch (entity) {
      case 'lt': return '<';
      case 'gt': return '>';
      case 'amp': return '&';
      case 'quot': return '"';
      case 'apos': return "'";
      default: {
        const code = entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
        return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : '';
      }
    }
  });
}
