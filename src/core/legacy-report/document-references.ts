// Finds the documents a report cites ("Quyết định số 695/QĐ-UBND ngày 12/4/2022") and
// turns each into a register entry: type, number, symbol, issuer (read off the symbol),
// date and the words that follow as trích yếu.

/** Document types as a report names them, longest first so "Kế hoạch phối hợp" wins over "Kế hoạch". */
const TYPES = [
  'Quyết định', 'Kế hoạch', 'Công văn', 'Nghị quyết', 'Chỉ thị', 'Nghị định', 'Thông tư', 'Thông tư liên tịch',
  'Chương trình', 'Quy định', 'Thông báo', 'Báo cáo', 'Kết luận', 'Hướng dẫn', 'Tờ trình', 'Đề án', 'Luật', 'Văn bản',
  'Công điện', 'Quy chế', 'Nghị quyết liên tịch',
].sort((a, b) => b.length - a.length);

/** Type codes that open a symbol ("QĐ-UBND"): not the issuer. */
const TYPE_CODES = new Set(['QĐ', 'KH', 'NQ', 'CT', 'NĐ', 'TT', 'TTLT', 'CV', 'TB', 'BC', 'CTR', 'HD', 'KL', 'TTR', 'ĐA', 'QC', 'CĐ', 'QĐ-TTG', 'L', 'QH']);

export interface DocumentReference {
  readonly type: string;
  /** "Kế hoạch phối hợp" when the text names it so. */
  readonly label: string | null;
  readonly number: string;
  readonly symbol: string;
  /** As written: "695/QĐ-UBND", "49-KH/TU", "47/2020/NĐ-CP". */
  readonly reference: string;
  readonly issuer: string;
  readonly date: string | null;
  readonly summary: string;
  /** Span of the citation in the text, summary excluded. */
  readonly start: number;
  readonly end: number;
}

const TYPE_PATTERN = TYPES.map((t) => t.replace(/ /g, '\\s+')).join('|');
const REFERENCE = new RegExp(
  `(${TYPE_PATTERN})(\\s+[\\p{Ll}]+(?:\\s+[\\p{Ll}]+)?)?\\s+số\\s+(\\d+)((?:[\\/-][\\p{Lu}\\p{Ll}\\d&.]+)+)(?:\\s+ngày\\s+(\\d{1,2})\\s*\\/\\s*(\\d{1,2})\\s*\\/\\s*(\\d{4}))?`,
  'giu',
);

/** Every numbered citation in the text, in order. */
export function findDocumentReferences(text: string): DocumentReference[] {
  const out: DocumentReference[] = [];
  for (const m of text.matchAll(REFERENCE)) {
    const rawType = m[1] ?? '';
    const type = canonicalType(rawType);
    const qualifier = (m[2] ?? '').trim();
    const tail = (m[4] ?? '').replace(/[.]+$/, '');
    const reference = `${m[3] ?? ''}${tail}`;
    // "ngày 12/4/2022" → ISO; an impossible date is left out rather than guessed.
    const date = m[5] ? isoDate(Number(m[7]), Number(m[6]), Number(m[5])) : null;
    const end = m.index + m[0].length - ((m[4] ?? '').length - tail.length) * (m[5] ? 0 : 1);
    out.push({
      type,
      label: qualifier ? `${type} ${qualifier}` : null,
      number: m[3] ?? '',
      symbol: tail.replace(/^[/-]/, ''),
      reference,
      issuer: issuerOf(tail),
      date,
      summary: summaryAfter(text, end),
      start: m.index,
      end,
    });
  }
  return out;
}

function canonicalType(raw: string): string {
  const normal = raw.replace(/\s+/g, ' ').toLocaleLowerCase('vi');
  return TYPES.find((t) => t.toLocaleLowerCase('vi') === normal) ?? raw;
}

/**
 * The issuer is the first part of the symbol that is neither a year nor a type code:
 * QĐ-UBND → UBND, KH-STTTT-BCVTCNTT → STTTT, BTTTT-THH → BTTTT, 2020/NĐ-CP → CP, -KH/TU → TU.
 */
export function issuerOf(symbol: string): string {
  const parts = symbol.split(/[/-]/).filter((p) => p !== '' && !/^\d+$/.test(p));
  const issuer = parts.find((p) => !TYPE_CODES.has(p.toLocaleUpperCase('vi')));
  return issuer ?? parts[parts.length - 1] ?? '';
}

function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || year < 1900 || year > 2999) return null;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > days) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The trích yếu: the words after the citation up to the end of its clause. */
function summaryAfter(text: string, from: number): string {
  const rest = text.slice(from);
  const stop = rest.search(/;|\.(\s|$)|\n/);
  const clause = (stop < 0 ? rest : rest.slice(0, stop)).trim();
  return clause.replace(/^[,:]\s*/, '').slice(0, 400);
}
