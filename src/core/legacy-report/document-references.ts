// Finds the documents a report cites, in every form reports use:
//   Quyết định số 695/QĐ-UBND ngày 12/4/2022 …      (type, "số", number/symbol, date)
//   Nghị định 47/2020/NĐ-CP                           (no "số")
//   QĐ số 378/QĐ-UBND, NQ 09-NQ/TU                    (abbreviated type; Party-style symbol)
//   Luật An toàn thông tin mạng số 86/2015/QH13       (a long title before the number)
//   Công văn 1049/BYT - QLD                           (spaces around the dash)
//   … ngày 15 tháng 3 năm 2022                         (the long date form)
// and turns each into a register entry: type, number, symbol, issuer (read off the
// symbol), date and the words that follow as trích yếu. The scan is one pass over the
// text with bounded look-behind and look-ahead windows, so its time grows with the
// text's length only.

/** Document types as a report names them, longest first so "Thông tư liên tịch" wins over "Thông tư". */
const TYPES = [
  'Quyết định', 'Kế hoạch', 'Công văn', 'Nghị quyết', 'Chỉ thị', 'Nghị định', 'Thông tư', 'Thông tư liên tịch',
  'Chương trình', 'Quy định', 'Thông báo', 'Báo cáo', 'Kết luận', 'Hướng dẫn', 'Tờ trình', 'Đề án', 'Luật', 'Bộ luật',
  'Văn bản', 'Công điện', 'Quy chế', 'Nghị quyết liên tịch', 'Pháp lệnh', 'Điều lệ',
].sort((a, b) => b.length - a.length);

/** Abbreviated type words ("QĐ số 378/QĐ-UBND") and the type code of a symbol ("…/QĐ-UBND"), to the type. */
const TYPE_OF_CODE: Readonly<Record<string, string>> = {
  QĐ: 'Quyết định', KH: 'Kế hoạch', NQ: 'Nghị quyết', CT: 'Chỉ thị', NĐ: 'Nghị định', TT: 'Thông tư', TTLT: 'Thông tư liên tịch',
  CV: 'Công văn', TB: 'Thông báo', BC: 'Báo cáo', CTR: 'Chương trình', HD: 'Hướng dẫn', KL: 'Kết luận', TTR: 'Tờ trình',
  ĐA: 'Đề án', QC: 'Quy chế', CĐ: 'Công điện', QĐI: 'Quy định', PL: 'Pháp lệnh',
};

export interface DocumentReference {
  readonly type: string;
  /** "Kế hoạch phối hợp", "Luật An toàn thông tin mạng" when the text names it so. */
  readonly label: string | null;
  readonly number: string;
  /** "QĐ-UBND", "2020/NĐ-CP", "NQ/TU" (Party style: the number is followed by "-"). */
  readonly symbol: string;
  /** As written, spaces around dashes removed: "695/QĐ-UBND", "49-KH/TU", "1049/BYT-QLD". */
  readonly reference: string;
  /** Exactly as in the text: "1049/BYT - QLD". */
  readonly written: string;
  readonly issuer: string;
  /** ISO date; null when none is written or it is impossible (31/2). */
  readonly date: string | null;
  /** The date as written, even an impossible one ("31/2/2021"). */
  readonly dateText: string | null;
  readonly summary: string;
  /** Span of the citation in the text (type word to date), summary excluded. */
  readonly start: number;
  readonly end: number;
}

const TYPE_WORDS = TYPES.map((t) => t.replace(/ /g, '\\s+')).join('|');
const TYPE_ABBREVIATIONS = Object.keys(TYPE_OF_CODE).join('|');
/** number, then the symbol: parts joined by "/" or "-", a part starting upper case; spaced dashes only before an all-capitals part. */
const REFERENCE = /(?<![\p{L}\d/.,-])(\d{1,5})((?:\s?\/\s?\d{4})?(?:(?:\/|-)[\p{Lu}][\p{L}\d&]*(?:\.[\p{Lu}][\p{L}\d&]*)*|\s+-\s+[\p{Lu}][\p{Lu}\d&]+)(?:(?:\/|-)[\p{Lu}][\p{L}\d&]*|\s+-\s+[\p{Lu}][\p{Lu}\d&]+(?![\p{Ll}]))*)/gu;
/** The type before the number, with an optional title and "số": read in a bounded window ending at the number. */
const TYPE_WORD = new RegExp(`(?<![\\p{L}])(${TYPE_WORDS}|${TYPE_ABBREVIATIONS})(?![\\p{L}])`, 'giu');
/** What may stand between the type and the number: a title of up to 12 words, then "số". */
const BETWEEN = /^((?:\s+[\p{L}\d&,-]+){0,12}?)\s*(số\s*:?\s*)?$/u;
const SHORT_DATE = /^\s*[,(]?\s*(?:ban hành\s+)?ngày\s+(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})/iu;
const LONG_DATE = /^\s*[,(]?\s*(?:ban hành\s+)?ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/iu;
const LOOK_BEHIND = 110;

/** Every numbered citation in the text, in order. */
export function findDocumentReferences(text: string): DocumentReference[] {
  const out: DocumentReference[] = [];
  let lastEnd = 0;
  for (const m of text.matchAll(REFERENCE)) {
    const numberText = m[1] ?? '';
    const rawTail = (m[2] ?? '').replace(/[.]+$/, '');
    const tail = rawTail.replace(/\s+/g, '');
    const parts = tail.split(/[/-]/).filter((p) => p !== '');
    const codes = parts.filter((p) => !/^\d+$/.test(p));
    if (codes.length === 0) continue;
    // "Covid-19"-like tokens never reach here (they start with letters); a bare "2/ABC"
    // is a citation only when a part reads as a code of letters.
    if (!codes.some((c) => /^[\p{Lu}Đ][\p{L}\d&]*$/u.test(c) && /\p{Lu}.*\p{Lu}|^\p{Lu}{1,2}$/u.test(c))) continue;
    const windowStart = Math.max(lastEnd, m.index - LOOK_BEHIND);
    const before = text.slice(windowStart, m.index);
    const typed = typeBefore(before);
    let type = typeOfSymbol(parts);
    let label: string | null = null;
    let start = m.index;
    if (typed) {
      type = canonicalType(typed.word);
      start = windowStart + typed.at;
      if (typed.title) label = `${type} ${typed.title}`.replace(/\s+/g, ' ');
    }
    let end = m.index + numberText.length + rawTail.length;
    const ahead = text.slice(end, end + 60);
    const date = SHORT_DATE.exec(ahead) ?? LONG_DATE.exec(ahead);
    let iso: string | null = null;
    let dateText: string | null = null;
    if (date) {
      iso = isoDate(Number(date[3]), Number(date[2]), Number(date[1]));
      dateText = `${date[1]}/${date[2]}/${date[3]}`;
      end += date[0].length;
    }
    const partyStyle = /^-/.test(tail);
    out.push({
      type,
      label,
      number: numberText,
      symbol: tail.replace(/^[/-]/, ''),
      reference: `${numberText}${tail}`,
      written: text.slice(m.index, m.index + numberText.length + rawTail.length),
      issuer: issuerOf(partyStyle ? tail.slice(1) : tail),
      date: iso,
      dateText,
      summary: summaryAfter(text, end),
      start,
      end,
    });
    lastEnd = end;
  }
  return out;
}

/**
 * The type word nearest before the number: "Báo cáo tình hình triển khai Quyết định số
 * 1034/…" cites a Quyết định. A title between type and number needs "số" ("Luật An
 * toàn thông tin mạng số 86/2015/QH13"); without it the words are the sentence's.
 */
function typeBefore(window: string): { word: string; title: string; at: number } | null {
  const words = [...window.matchAll(TYPE_WORD)];
  for (let i = words.length - 1; i >= 0; i -= 1) {
    const w = words[i];
    if (!w) continue;
    const word = w[1] ?? '';
    // Abbreviations count only in capitals ("QĐ số 378/…"), never as parts of words.
    if (TYPE_OF_CODE[word.toUpperCase()] && word !== word.toUpperCase()) continue;
    const between = BETWEEN.exec(window.slice(w.index + w[0].length));
    if (!between) continue;
    const title = (between[1] ?? '').trim().replace(/,$/, '');
    if (title !== '' && between[2] === undefined) return null;
    return { word, title, at: w.index };
  }
  return null;
}

function canonicalType(raw: string): string {
  const normal = raw.replace(/\s+/g, ' ');
  const byCode = TYPE_OF_CODE[normal.toUpperCase()];
  if (byCode && normal === normal.toUpperCase()) return byCode;
  const lower = normal.toLowerCase();
  return TYPES.find((t) => t.toLowerCase() === lower) ?? normal;
}

/** The type a symbol's code names ("QĐ-UBND" → Quyết định, "2015/QH13" → Luật); a letter (công văn) has none. */
function typeOfSymbol(parts: readonly string[]): string {
  for (const part of parts) {
    const code = part.toUpperCase();
    const type = TYPE_OF_CODE[code];
    if (type) return type;
    if (/^QH\d+$/.test(code)) return 'Luật';
  }
  return 'Công văn';
}

/**
 * The issuer is the first part of the symbol that is neither a year nor a type code:
 * QĐ-UBND → UBND, KH-STTTT-BCVTCNTT → STTTT, BTTTT-THH → BTTTT, 2020/NĐ-CP → CP, KH/TU → TU.
 */
export function issuerOf(symbol: string): string {
  const parts = symbol.replace(/\s+/g, '').split(/[/-]/).filter((p) => p !== '' && !/^\d+$/.test(p));
  const issuer = parts.find((p) => !TYPE_OF_CODE[p.toUpperCase()] && p.toUpperCase() !== 'TTG');
  return issuer ?? parts[parts.length - 1] ?? '';
}

/** A key that is the same for "09/NQ-TU" and "09-NQ/TU": the number and the symbol's parts, in any order. */
export function documentKey(number: string, symbol: string): string {
  const parts = symbol.replace(/\s+/g, '').split(/[/-]/).filter((p) => p !== '').map((p) => p.toUpperCase()).sort();
  return `${String(Number(number))}|${parts.join('|')}`;
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || year < 1900 || year > 2999) return null;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 && leap ? 29 : DAYS[month - 1] ?? 31;
  if (day > days) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The trích yếu: the words after the citation up to the end of its clause. */
function summaryAfter(text: string, from: number): string {
  const rest = text.slice(from, from + 400);
  const stop = rest.search(/;|\.(\s|$)|\n/);
  const clause = (stop < 0 ? rest : rest.slice(0, stop)).trim();
  return clause.replace(/^[,:)]\s*/, '').trim();
}
