// The page of Nghị định 30/2020 Phụ lục I in one place, in millimetres and points;
// each renderer converts to its own unit (twips, PDF points, CSS mm).

export const A4_MM = { width: 210, height: 297 } as const;
/** Margins by default values of the decree's ranges (top 20-25, bottom 20-25, left 30-35, right 15-20). */
export const MARGINS_MM = { top: 20, bottom: 20, left: 30, right: 15 } as const;
export const FIRST_LINE_INDENT_MM = 10;
export const PARAGRAPH_AFTER_PT = 6;
/** Between single and 1.5 as the decree allows; 1.15 keeps a month's report near four pages. */
export const LINE_SPACING = 1.15;

/** Font sizes in points. */
export const SIZE_PT = {
  governingBody: 13,
  issuingBody: 13,
  number: 13,
  nationalTitle: 13,
  motto: 14,
  placeDate: 14,
  title: 14,
  summary: 14,
  body: 14,
  recipientsLabel: 12,
  recipient: 11,
  signer: 14,
  pageNumber: 13,
  draftMark: 14,
} as const;

export const FONT_FAMILY = 'Times New Roman';

export function mmToPt(mm: number): number {
  return (mm * 72) / 25.4;
}

/** Twentieths of a point, Word's unit; 20 mm = 1134 twips. */
export function mmToTwips(mm: number): number {
  return Math.round((mm * 1440) / 25.4);
}
