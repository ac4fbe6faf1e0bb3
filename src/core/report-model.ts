// The ReportModel: a report resolved to text, the only input of every renderer.
// CONTRACT: keep these shapes; buildReportModel (report-model builder) fills them, src/render lays them out.
import type { Finding } from './finding.ts';
import type { IsoDate } from './period.ts';

export interface TextRun {
  readonly text: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
}

/**
 * A body paragraph. `marker` is what the seed puts before it: '' for a plain
 * paragraph, '-' for a bullet, '+' for a sub-bullet, '*' for a starred lead-in,
 * '1.' for a numbered plan line.
 */
export interface ReportParagraph {
  readonly marker: string;
  readonly runs: readonly TextRun[];
}

/**
 * A table kept as a table (an imported report's table, or a template's pipe table):
 * rows of cells, the first row its heading. See report-table.ts.
 */
export interface ReportTable {
  readonly kind: 'table';
  readonly rows: readonly (readonly string[])[];
}

/** What a section and the preamble hold, in reading order: paragraphs and tables. */
export type ReportBlock = ReportParagraph | ReportTable;

/**
 * A numbered section. Level 1 is a part ("I."), 2 an item ("1."), 3 a point ("a)"),
 * 4 a sub-item ("6.1."). `number` is printed as given ("I", "1", "a", "6.1").
 */
export interface ReportSection {
  readonly id: string;
  readonly level: 1 | 2 | 3 | 4;
  readonly number: string;
  readonly title: string;
  /** Paragraphs and tables, in order. */
  readonly paragraphs: readonly ReportBlock[];
  readonly sections: readonly ReportSection[];
}

export interface Signer {
  /** "KT. GIÁM ĐỐC", "TM. ỦY BAN NHÂN DÂN", or null when the head signs. */
  readonly authority: string | null;
  readonly title: string;
  readonly name: string;
}

export interface ReportModel {
  /**
   * True until the report is issued: the document is marked "DỰ THẢO" and carries no
   * number or date (they are given at issue).
   */
  readonly draft?: boolean;
  /** "UBND TỈNH TRÀ VINH" as printed (upper case). */
  readonly governingBody: string;
  /** "SỞ THÔNG TIN VÀ TRUYỀN THÔNG" as printed (upper case). */
  readonly issuingBody: string;
  /** "05/BC-STTTT", or null before issue (printed as "Số:      /BC-STTTT"). */
  readonly number: string | null;
  /** Symbol suffix used when there is no number yet: "BC-STTTT". */
  readonly symbol: string;
  readonly place: string;
  readonly date: IsoDate | null;
  /** "BÁO CÁO". */
  readonly documentType: string;
  /** Trích yếu: "Kết quả công tác ... tháng 4 năm 2022 và kế hoạch công tác tháng 5 năm 2022". */
  readonly summary: string;
  /** Paragraphs (and tables) before the first section, if any. */
  readonly preamble: readonly ReportBlock[];
  readonly sections: readonly ReportSection[];
  /** Closing paragraph ("Trên đây là ..."); renderers add "./." at its end if missing. */
  readonly closing: readonly ReportParagraph[];
  /** "Nơi nhận" lines without the leading "- "; the last is normally "Lưu: VT.". */
  readonly recipients: readonly string[];
  readonly signer: Signer;
  /** Problems found while building (template errors, unknown indicators), with section and line. */
  readonly findings: readonly Finding[];
}
