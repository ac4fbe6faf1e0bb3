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
  /** A table: rows of cells, each cell's text (its paragraphs joined by a line break). `text` then holds the cells for reading. */
  readonly table?: readonly (readonly string[])[];
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
  /** '-', '+', '*', a number of a numbered line ('1.', 'a)'), '' for a plain paragraph, 'table' for a table. */
  readonly marker: string;
  /** The text; for a table, its cells row by row (for reading and search). */
  readonly text: string;
  /** Rows of cells when the item is a table. */
  readonly table?: readonly (readonly string[])[];
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
  /** The section holds the plan for the coming period ("PHƯƠNG HƯỚNG, NHIỆM VỤ …"); its items are also plan lines. */
  readonly isPlan: boolean;
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

/** One place a document is cited. */
export interface LegacyCitation {
  readonly paragraph: number;
  /** Section id ('' before the first section). */
  readonly section: string;
  /** The reference exactly as written there ("1049/BYT - QLD"). */
  readonly written: string;
  /** The date written with it, ISO; null when none. */
  readonly date: string | null;
}

/** A document the report cites, as a register entry plus where it was seen. */
export interface LegacyDocument extends DocumentEntry {
  /** The reference as first written, spaces around dashes removed: "695/QĐ-UBND", "49-KH/TU". */
  readonly reference: string;
  /** Paragraph of the first citation. */
  readonly paragraph: number;
  /** Every citation, in reading order. */
  readonly citations: readonly LegacyCitation[];
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
  /** Set on a sure match only (see match-figures.ts). */
  readonly indicator?: string | null;
  /** The breakdown the template prints there ("service_level=l3;channel=online"). */
  readonly filter?: string | null;
  /** Why it matched, or why a near match was not taken. */
  readonly match?: string | null;
}

export interface UnplacedFragment {
  readonly paragraph: number;
  readonly text: string;
}

/** A finding of the importer, with the paragraph it concerns (counted from 0). */
export interface LegacyFinding extends Finding {
  readonly paragraph?: number | null;
}

/** The body that issued the report, as the text states it, and where. */
export interface LegacyIssuer {
  /** "ỦY BAN NHÂN DÂN HUYỆN CẦU KÈ", "Sở Thông tin và Truyền thông Trà Vinh". */
  readonly name: string;
  /** The governing body above it, when the header names one ("UBND TỈNH TRÀ VINH"). */
  readonly parent: string | null;
  readonly source: 'header' | 'signer' | 'closing' | 'body';
}

export interface LegacyReport {
  readonly header: LegacyHeader;
  /** "BÁO CÁO". */
  readonly title: string | null;
  /** The trích yếu: "kết quả công tác … tháng 4 năm 2022 và kế hoạch công tác tháng 5 năm 2022". */
  readonly summary: string | null;
  /** Canonical period code ("2022-04", "2022-Q2", "2022-H1"); null when not stated. */
  readonly period: string | null;
  /** Where the period was read, and whether its figures run from January ("9 tháng"). */
  readonly periodSource: 'summary' | 'title' | 'body' | 'closing' | 'plan' | 'given' | null;
  readonly periodCumulative: boolean;
  readonly issuer: LegacyIssuer | null;
  /** Paragraphs between the summary and the first section. */
  readonly preamble: readonly string[];
  /** The same, with markers, tables and paragraph numbers. */
  readonly preambleItems: readonly LegacyItem[];
  readonly sections: readonly LegacySection[];
  readonly plan: readonly LegacyPlanLine[];
  /** "Trên đây là …" and what follows it before the recipients. */
  readonly closing: readonly string[];
  readonly recipients: readonly string[];
  readonly signer: Signer | null;
  readonly documents: readonly LegacyDocument[];
  readonly numbers: readonly LegacyNumber[];
  readonly findings: readonly LegacyFinding[];
  /** Share (0..1) of the input's non-whitespace characters that landed in some field. */
  readonly coverage: number;
  readonly unplaced: readonly UnplacedFragment[];
}
