// The lines around the body of a report in the Nghị định 30 layout: the header
// (governing and issuing bodies, national motto, "Số: 05/BC-STTTT", "Trà Vinh, ngày
// 15 tháng 4 năm 2022"), the document type line ("BÁO CÁO") and, at the end, the
// recipients and the signer ("TM. ỦY BAN NHÂN DÂN" / "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH" /
// name).
import { isUpperCase } from './section-heading.ts';

/** "BÁO CÁO", "BÁO CÁO SƠ KẾT", "BÁO CÁO TỔNG KẾT", … on a line of its own, in capitals. */
export const DOCUMENT_TYPE_LINE = /^(BÁO CÁO(\s+(SƠ KẾT|TỔNG KẾT|NHANH|TÓM TẮT|ĐỊNH KỲ|CHUYÊN ĐỀ|KẾT QUẢ))?|KẾ HOẠCH|TỜ TRÌNH|THÔNG BÁO)$/u;

export function isMotto(text: string): boolean {
  return /^CỘNG HO?[ÀÒ]A? XÃ HỘI CHỦ NGHĨA VIỆT NAM$/iu.test(text) || /^CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM$/iu.test(text)
    || /^CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM$/iu.test(text)
    || /^Độc lập\s*[-–]\s*Tự do\s*[-–]\s*Hạnh phúc$/iu.test(text);
}

/** Rules and underlines ("-------", "___"): layout, not content. */
export function isDecoration(text: string): boolean {
  return /^[-_=*–—.·\s]+$/u.test(text);
}

export function readNumberAndSymbol(text: string): { numberAndSymbol: string; number: number | null; symbol: string } | null {
  const m = /^Số\s*:?\s*(\d*)\s*\/\s*([\p{L}\d&.]+(?:\s*-\s*[\p{L}\d&.]+)*)\s*$/u.exec(text);
  if (!m) return null;
  const number = m[1] ? Number(m[1]) : null;
  const symbol = (m[2] ?? '').replace(/\s+/g, '');
  return { numberAndSymbol: `${m[1] ?? ''}/${symbol}`, number, symbol };
}

export function readPlaceAndDate(text: string): { place: string; date: string | null } | null {
  const m = /^([\p{L}][\p{L}\s.]*?)\s*,\s*ngày\s+(\d{1,2}|[.…\s]*)\s*tháng\s+(\d{1,2}|[.…\s]*)\s*năm\s+(\d{4})\s*\.?$/u.exec(text)
    ?? /^([\p{L}][\p{L}\s.]*?)\s*,\s*ngày\s+(\d{1,2})\s*\/\s*(\d{1,2})\s*\/\s*(\d{4})\s*\.?$/u.exec(text);
  if (!m) return null;
  const day = Number(m[2]);
  const month = Number(m[3]);
  const date = m[2]?.trim() && m[3]?.trim() && Number.isInteger(day) && Number.isInteger(month) && day >= 1 && day <= 31 && month >= 1 && month <= 12
    ? `${m[4]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
    : null;
  return { place: (m[1] ?? '').trim(), date };
}

/** An agency line of the header: short, all capitals. */
export function isAgencyLine(text: string): boolean {
  return text.length <= 120 && isUpperCase(text) && !DOCUMENT_TYPE_LINE.test(text) && !isMotto(text);
}

/** "ỦY BAN NHÂN DÂN", "HỘI ĐỒNG NHÂN DÂN": a body whose place is on the next line. */
const BODY_WITHOUT_PLACE = /^(ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|UBND|HỘI ĐỒNG NHÂN DÂN|HĐND|BAN CHẤP HÀNH|ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM)$/u;
const PLACE_LINE = /^(TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN|ĐẶC KHU|TP\.?)\s/u;

/**
 * Joins the header's agency lines into bodies: "ỦY BAN NHÂN DÂN" + "HUYỆN CẦU KÈ" is one
 * body, as is a name wrapped after "VÀ" or a comma; the last body issues the report
 * and the ones above it govern it.
 */
export function agencyBodies(lines: readonly string[]): { governingBody: string | null; issuingBody: string | null } {
  const bodies: string[] = [];
  for (const line of lines) {
    const previous = bodies[bodies.length - 1];
    if (previous !== undefined && (BODY_WITHOUT_PLACE.test(previous) && PLACE_LINE.test(line) || /(\sVÀ|,|-|–)$/u.test(previous))) {
      bodies[bodies.length - 1] = `${previous} ${line}`;
    } else {
      bodies.push(line);
    }
  }
  if (bodies.length === 0) return { governingBody: null, issuingBody: null };
  const issuingBody = bodies[bodies.length - 1] ?? null;
  const governing = bodies.slice(0, -1);
  return { governingBody: governing.length > 0 ? governing.join(' ') : null, issuingBody };
}

export function isRecipientsLabel(text: string): boolean {
  return /^Nơi\s+nhận\s*:?/iu.test(text);
}

/** "KT.GIÁM ĐỐC" → "KT. GIÁM ĐỐC" (the seed leaves out the space); TM., KT., TL., TUQ., Q. */
export function readAuthority(text: string): string | null {
  const m = /^(KT|TM|TL|TUQ|Q|Q\.\s*T)\s*\.\s*(\S.*)$/u.exec(text.trim());
  if (!m || !isUpperCase(m[2] ?? '')) return null;
  return `${m[1]}. ${(m[2] ?? '').trim()}`;
}

/** A signer's title: "PHÓ GIÁM ĐỐC", "CHÁNH VĂN PHÒNG". */
export function isSignerTitle(text: string): boolean {
  return text.length <= 80 && isUpperCase(text) && !/[;:]/.test(text) && !isMotto(text);
}

const TITLE_WORDS = /(GIÁM ĐỐC|CHỦ TỊCH|TRƯỞNG|PHÓ|CHÁNH|BÍ THƯ|ỦY BAN|UỶ BAN|VĂN PHÒNG|THỦ TRƯỞNG|CỤC|SỞ|BAN|GIÁM|TỔNG)/u;

/** A person's name: 2 to 6 words, each capitalised (or all in capitals, but no title words). */
export function isPersonName(text: string): boolean {
  const words = text.trim().split(/\s+/);
  if (words.length < 2 || words.length > 6) return false;
  if (words.every((w) => /^\p{Lu}\p{Ll}*$/u.test(w))) return true;
  return words.every((w) => /^\p{Lu}+$/u.test(w)) && !TITLE_WORDS.test(text);
}

/** "(Đã ký)", "(ký, ghi rõ họ tên, đóng dấu)", "(Đã ký và đóng dấu)": notes of the signature block. */
export function isSignatureNote(text: string): boolean {
  return /^\((đã ký|ký|ký tên|ký, ghi rõ|chữ ký|đã ký và đóng dấu)[^)]*\)$/iu.test(text.trim());
}
