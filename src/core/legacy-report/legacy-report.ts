// The structure read out of an existing report (a Word or Markdown document written
// before baocao): header, title, period, section tree, items, plan, recipients,
// signer, the documents it cites and the numbers it states. Readers in
// src/exchange/legacy-report turn files into SourceParagraphs; parseLegacyReport
// turns those into a LegacyReport. Nothing is dropped: whatever could not be given a
// place is listed in `unplaced`, and `coverage` says how much of the text was placed.
import type { Finding } from '../finding.ts';
import type { IsoDate } from '../period.ts';
import type { DocumentEntry } from '../report-instance.ts';
import type { Signer } from '../report-model.ts';

/** One paragraph as a reader found it, markup already removed. */
export interface SourceParagraph {
  readonly text: string;
  /** Markdown `#` count or DOCX "Heading N"; 0 or absent for body text. Only a hint: numbering decides the level. */
  readonly headingDepth?: number;
  /** The whole paragraph is bold. */
  readonly bold?: boolean;
  /** A list marker the reader took off ('-', '+', '*'); absent when the text may still start with one. */
  readonly marker?: string | null;
}

export interface LegacyHeader {
  /** "UBND TỈNH TRÀ VINH". */
  readonly governingBody: string | null;
  /** "SỞ THÔNG TIN VÀ TRUYỀN THÔNG". */
  readonly issuingBody: string | null;
  /** "05/BC-STTTT" as written. */
  readonly numberAndSymbol: string | null;
  readonly number: number | null;
  /** "BC-STTTT". */
  readonly symbol: string | null;
  readonly place: string | null;
  readonly date: IsoDate | null;
}

export type NumberingKind = 'part' | 'roman' | 'arabic' | 'decimal' | 'letter' | 'none';

export interface LegacyItem {
  /** Index of the paragraph it came from (first one when joined). */
  readonly paragraph: number;
  /** '-', '+', '*', or '' for a plain paragraph. */
  readonly marker: string;
  readonly text: string;
}

export interface LegacySection {
  /** Path of numbers, lower case, joined by '.': "i", "i.4.a", "ii.1"; "s3" for an unnumbered heading. */
  readonly id: string;
  /** As printed: "I", "1", "a", "6.1", "Phần I"; '' when unnumbered. */
  readonly number: string;
  readonly numbering: NumberingKind;
  readonly title: string;
  /** Depth in the tree, 1 for a top section. */
  readonly level: number;
  readonly paragraph: number;
  readonly items: LegacyItem[];
  readonly sections: LegacySection[];
}

export interface LegacyPlanLine {
  readonly order: number;
  readonly text: string;
  /** Canonical period code the plan is for ("2022-05"); null when unknown. */
  readonly forPeriod: string | null;
  readonly paragraph: number;
}

/** A document the report cites, as a register entry plus where it was seen. */
export interface LegacyDocument extends DocumentEntry {
  /** The reference as written: "695/QĐ-UBND", "49-KH/TU". */
  readonly reference: string;
  readonly paragraph: number;
}

export interface LegacyNumber {
  readonly value: number;
  /** As written: "20.601", "77,20%". */
  readonly text: string;
  readonly isPercent: boolean;
  /** Up to a few words before and after, for people and for template matching. */
  readonly before: string;
  readonly after: string;
  /** Section id ('' before the first section). */
  readonly section: string;
  readonly paragraph: number;
  /** Character offset in the paragraph text. */
  readonly offset: number;
  /** Set when the template's text around an indicator matches. */
  readonly indicator?: string | null;
  /** The breakdown the template prints there ("service_level=l3;channel=online"). */
  readonly filter?: string | null;
}

export interface UnplacedFragment {
  readonly paragraph: number;
  readonly text: string;
}

export interface LegacyReport {
  readonly header: LegacyHeader;
  /** "BÁO CÁO". */
  readonly title: string | null;
  /** The trích yếu: "kết quả công tác … tháng 4 năm 2022 và kế hoạch công tác tháng 5 năm 2022". */
  readonly summary: string | null;
  /** Canonical period code ("2022-04", "2022-Q2", "2022-H1"); null when not stated. */
  readonly period: string | null;
  /** Paragraphs between the summary and the first section. */
  readonly preamble: readonly string[];
  readonly sections: readonly LegacySection[];
  readonly plan: readonly LegacyPlanLine[];
  /** "Trên đây là …". */
  readonly closing: string | null;
  readonly recipients: readonly string[];
  readonly signer: Signer | null;
  readonly documents: readonly LegacyDocument[];
  readonly numbers: readonly LegacyNumber[];
  readonly findings: readonly Finding[];
  /** Share (0..1) of the input's non-whitespace characters that landed in some field. */
  readonly coverage: number;
  readonly unplaced: readonly UnplacedFragment[];
}
