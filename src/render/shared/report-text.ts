// Text every renderer prints the same way (Nghị định 30/2020, Phụ lục I), so the
// four outputs of one ReportModel never disagree on a number, a date or a heading.
import type { ReportModel, ReportParagraph, ReportSection, Signer } from '../../core/report-model.ts';

/** Blank kept for the number or a date part that is written by hand after issue. */
export const HAND_BLANK = '      ';

export const NATIONAL_TITLE = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const NATIONAL_MOTTO = 'Độc lập - Tự do - Hạnh phúc';
export const RECIPIENTS_LABEL = 'Nơi nhận:';
export const FINAL_MARK = './.';
/** Printed at the top of every page-one of a report not yet issued. */
export const DRAFT_MARK = 'DỰ THẢO';

/** "Số: 05/BC-STTTT", or "Số:      /BC-STTTT" before the report is issued. */
export function numberLine(model: Pick<ReportModel, 'number' | 'symbol'>): string {
  return model.number ? `Số: ${model.number}` : `Số:${HAND_BLANK}/${model.symbol}`;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * "Trà Vinh, ngày 15 tháng 4 năm 2022". Day below 10 and months 1-2 are zero-padded
 * (the decree's rule, so nobody can add a digit by hand); words are written out
 * rather than taken from Intl, whose output differs between runtimes.
 */
export function placeDateLine(model: Pick<ReportModel, 'place' | 'date'>): string {
  const match = model.date ? /^(\d{4})-(\d{2})-(\d{2})/.exec(model.date) : null;
  if (!match) return `${model.place}, ngày${HAND_BLANK}tháng${HAND_BLANK}năm${HAND_BLANK}`;
  const year = match[1] ?? '';
  const month = Number(match[2]);
  const day = Number(match[3]);
  const monthText = month <= 2 ? pad2(month) : String(month);
  return `${model.place}, ngày ${pad2(day)} tháng ${monthText} năm ${year}`;
}

/**
 * "I. CÔNG TÁC ...", "1. Title", "a) Title", "6.1. Title", "Phần I. …"; a heading with no
 * number (an imported report's "KẾT QUẢ ĐẠT ĐƯỢC") is its title alone. The form follows
 * the number ("a" → "a)"), so an imported outline prints as it was written at any depth.
 */
export function headingText(section: Pick<ReportSection, 'level' | 'number' | 'title'>): string {
  const title = section.level === 1 ? section.title.toLocaleUpperCase('vi') : section.title;
  if (!section.number) return title;
  if (/^[a-zđ]$/u.test(section.number)) return `${section.number}) ${title}`;
  return `${section.number}. ${title}`;
}

/** What goes before a paragraph's text: "- ", "+ ", "* ", "1. " or nothing. */
export function markerPrefix(paragraph: Pick<ReportParagraph, 'marker'>): string {
  return paragraph.marker ? `${paragraph.marker} ` : '';
}

/** Plain text of a paragraph with its marker, for tests and text outputs. */
export function paragraphPlainText(paragraph: ReportParagraph): string {
  return markerPrefix(paragraph) + paragraph.runs.map((r) => r.text).join('');
}

/**
 * The closing paragraphs with "./." at the very end of the last one. A closing
 * ending in "." gets "/." added ("chỉ đạo." → "chỉ đạo./."); an empty closing
 * becomes a single "./." paragraph so the body still ends as the decree requires.
 */
export function closingWithFinalMark(closing: readonly ReportParagraph[]): readonly ReportParagraph[] {
  const last = closing[closing.length - 1];
  if (!last) return [{ marker: '', runs: [{ text: FINAL_MARK }] }];
  const text = last.runs.map((r) => r.text).join('').trimEnd();
  if (text.endsWith(FINAL_MARK)) return closing;
  const lastRun = last.runs[last.runs.length - 1];
  const addition = text.endsWith('.') ? '/.' : FINAL_MARK;
  const runs = lastRun
    ? [...last.runs.slice(0, -1), { ...lastRun, text: lastRun.text.trimEnd() + addition }]
    : [{ text: FINAL_MARK }];
  return [...closing.slice(0, -1), { ...last, runs }];
}

/** "- Bộ TT&TT (b/c);" … "- Lưu: VT." as printed under "Nơi nhận:". */
export function recipientLines(recipients: readonly string[]): string[] {
  return recipients.map((r) => `- ${r}`);
}

/**
 * The upper-case lines above the signature: ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]; an
 * authority of two lines ("TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH") gives both.
 */
export function signerHeadLines(signer: Signer): string[] {
  const lines = [...(signer.authority ? signer.authority.split('\n') : []), signer.title];
  return lines.filter((l) => l.trim() !== '').map((l) => l.toLocaleUpperCase('vi'));
}

/** Every section in reading order (depth first), for renderers that lay out a flat list. */
export function flattenSections(sections: readonly ReportSection[]): ReportSection[] {
  return sections.flatMap((s) => [s, ...flattenSections(s.sections)]);
}
