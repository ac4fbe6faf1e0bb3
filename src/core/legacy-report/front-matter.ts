// The lines around the body of a report in the Nghị định 30 layout: the header
// (governing and issuing bodies, national motto, "Số: 05/BC-STTTT", "Trà Vinh, ngày
// 15 tháng 4 năm 2022"), the document type line ("BÁO CÁO") and, at the end, the
// recipients and the signer ("KT. GIÁM ĐỐC" / "PHÓ GIÁM ĐỐC" / name).
import { isUpperCase } from './section-heading.ts';

export const DOCUMENT_TYPE_LINE = /^(BÁO CÁO|KẾ HOẠCH|TỜ TRÌNH|THÔNG BÁO|BÁO CÁO NHANH|BÁO CÁO TÓM TẮT)$/u;

export function isMotto(text: string): boolean {
  return /^CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM$/iu.test(text) || /^CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM$/iu.test(text)
    || /^Độc lập\s*[-–]\s*Tự do\s*[-–]\s*Hạnh phúc$/iu.test(text);
}

/** Rules and underlines ("-------", "___"): layout, not content. */
export function isDecoration(text: string): boolean {
  return /^[-_=*–—.·\s]+$/u.test(text);
}

export function readNumberAndSymbol(text: string): { numberAndSymbol: string; number: number | null; symbol: string } | null {
  const m = /^Số\s*:?\s*(\d*)\s*\/\s*([\p{L}\d&.-]+)\s*$/u.exec(text);
  if (!m) return null;
  const number = m[1] ? Number(m[1]) : null;
  return { numberAndSymbol: `${m[1] ?? ''}/${m[2] ?? ''}`, number, symbol: m[2] ?? '' };
}

export function readPlaceAndDate(text: string): { place: string; date: string | null } | null {
  const m = /^([\p{L}][\p{L}\s.]*?)\s*,\s*ngày\s+(\d{1,2}|[.…\s]+)\s+tháng\s+(\d{1,2}|[.…\s]+)\s+năm\s+(\d{4})\s*\.?$/u.exec(text);
  if (!m) return null;
  const day = Number(m[2]);
  const month = Number(m[3]);
  const date = Number.isInteger(day) && Number.isInteger(month) && day >= 1 && day <= 31 && month >= 1 && month <= 12
    ? `${m[4]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
    : null;
  return { place: (m[1] ?? '').trim(), date };
}

/** An agency line of the header: short, all capitals. */
export function isAgencyLine(text: string): boolean {
  return text.length <= 120 && isUpperCase(text) && !DOCUMENT_TYPE_LINE.test(text);
}

export function isRecipientsLabel(text: string): boolean {
  return /^Nơi\s+nhận\s*:?/iu.test(text);
}

/** "KT.GIÁM ĐỐC" → authority "KT. GIÁM ĐỐC" (the seed leaves out the space). */
export function readAuthority(text: string): string | null {
  const m = /^(KT|TM|TL|TUQ|Q)\s*\.\s*(\S.*)$/u.exec(text.trim());
  if (!m || !isUpperCase(m[2] ?? '')) return null;
  return `${m[1]}. ${(m[2] ?? '').trim()}`;
}

/** A signer's title: "PHÓ GIÁM ĐỐC", "CHÁNH VĂN PHÒNG". */
export function isSignerTitle(text: string): boolean {
  return text.length <= 80 && isUpperCase(text) && !/[;:]/.test(text);
}

/** A person's name: 2 to 6 words, each capitalised, not all in capitals. */
export function isPersonName(text: string): boolean {
  const words = text.trim().split(/\s+/);
  return words.length >= 2 && words.length <= 6 && words.every((w) => /^\p{Lu}\p{Ll}*$/u.test(w));
}

/** "(Đã ký)", "(ký, ghi rõ họ tên, đóng dấu)": notes of the signature block. */
export function isSignatureNote(text: string): boolean {
  return /^\((đã ký|ký|ký tên|ký, ghi rõ|chữ ký)[^)]*\)$/iu.test(text.trim());
}
