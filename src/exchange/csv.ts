// A small RFC 4180 reader and writer: comma separated, CRLF or LF line ends,
// fields quoted with '"' and '""' for a quote inside; quoted fields may span lines.
// Written by hand because the format is tiny and we need line numbers for conflicts.

export interface CsvRecord {
  /** 1-based line on which the record starts (a quoted field may span several lines). */
  readonly line: number;
  readonly fields: string[];
}

export type CsvParseResult =
  | { readonly ok: true; readonly records: CsvRecord[] }
  | { readonly ok: false; readonly records: CsvRecord[]; readonly line: number; readonly message: string };

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/** Parses CSV text; a leading BOM is dropped and blank lines are skipped. Never throws. */
export function parseCsv(input: string): CsvParseResult {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  const length = text.length;
  let line = 1;
  let pos = 0;
  while (pos < length) {
    const recordLine = line;
    const fields: string[] = [];
    let endOfRecord = false;
    while (!endOfRecord) {
      if (text.charCodeAt(pos) === QUOTE) {
        // Quoted field: runs to the next lone quote.
        let value = '';
        let start = pos + 1;
        let i = start;
        for (;;) {
          const q = text.indexOf('"', i);
          if (q === -1) {
            return { ok: false, records, line: recordLine, message: `dòng ${recordLine}: thiếu dấu ngoặc kép đóng trường` };
          }
          if (text.charCodeAt(q + 1) === QUOTE) {
            value += text.slice(start, q + 1);
            i = q + 2;
            start = i;
            continue;
          }
          value += text.slice(start, q);
          pos = q + 1;
          break;
        }
        for (let k = 0; k < value.length; k++) if (value.charCodeAt(k) === LF) line++;
        fields.push(value);
        const next = text.charCodeAt(pos);
        if (next === COMMA) pos++;
        else if (next === CR || next === LF || Number.isNaN(next)) endOfRecord = true;
        else return { ok: false, records, line, message: `dòng ${line}: có ký tự sau dấu ngoặc kép đóng trường` };
      } else {
        let i = pos;
        let code = text.charCodeAt(i);
        while (i < length && code !== COMMA && code !== LF && code !== CR) {
          if (code === QUOTE) return { ok: false, records, line, message: `dòng ${line}: dấu ngoặc kép nằm giữa trường không được bao ngoặc` };
          code = text.charCodeAt(++i);
        }
        fields.push(text.slice(pos, i));
        pos = i;
        if (code === COMMA) pos++;
        else endOfRecord = true;
      }
    }
    // Consume the line end.
    if (text.charCodeAt(pos) === CR) pos++;
    if (text.charCodeAt(pos) === LF) pos++;
    line++;
    const isBlank = fields.length === 1 && fields[0] === '';
    if (!isBlank) records.push({ line: recordLine, fields });
  }
  return { ok: true, records };
}

const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** One CSV line (CRLF-terminated, as RFC 4180 says). */
export function csvLine(fields: readonly string[]): string {
  return fields.map(csvField).join(',') + '\r\n';
}
