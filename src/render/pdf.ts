// PDF in the format of Nghị định 30/2020 Phụ lục I, made with pdfmake 0.3 in pure
// JavaScript (no Word, no LibreOffice on the server): A4, the decree's margins, the
// serif chosen by fonts.ts embedded, page numbers centred in the top margin from page 2.
import pdfmake from 'pdfmake';
import type { Content, ContentColumns, ContentText, CustomTableLayout, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { ReportBlock, ReportModel, ReportParagraph, ReportSection, TextRun } from '../core/report-model.ts';
import { isReportTable } from '../core/report-table.ts';
import { tableToPdf } from './tables/pdf-table.ts';
import { resolveSerifFont } from './fonts.ts';
import type { ResolvedSerifFont } from './fonts.ts';
import {
  FIRST_LINE_INDENT_MM,
  LINE_SPACING,
  MARGINS_MM,
  PARAGRAPH_AFTER_PT,
  SIZE_PT,
  mmToPt,
} from './shared/page-layout.ts';
import {
  DRAFT_MARK,
  NATIONAL_MOTTO,
  NATIONAL_TITLE,
  RECIPIENTS_LABEL,
  closingWithFinalMark,
  headingText,
  markerPrefix,
  numberLine,
  placeDateLine,
  recipientLines,
  signerHeadLines,
} from './shared/report-text.ts';
import { balancedLines } from './shared/text-width.ts';

const FONT_KEY = 'ReportSerif';
const A4_PT = { width: 595.28, height: 841.89 };
const MARGIN_PT = {
  left: mmToPt(MARGINS_MM.left),
  top: mmToPt(MARGINS_MM.top),
  right: mmToPt(MARGINS_MM.right),
  bottom: mmToPt(MARGINS_MM.bottom),
};
const TEXT_WIDTH = A4_PT.width - MARGIN_PT.left - MARGIN_PT.right;
/** Header column split and Quốc hiệu size; the wider fallback font needs more room on the right. */
interface HeaderFit {
  readonly left: number;
  readonly nationalTitlePt: number;
}
function headerFit(font: ResolvedSerifFont): HeaderFit {
  // DejaVu Serif runs ~15% wider than Times: 12 pt (the decree allows 12-13) keeps
  // "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" on one line.
  return font.family === 'DejaVu Serif'
    ? { left: TEXT_WIDTH * 0.36, nationalTitlePt: 12 }
    : { left: TEXT_WIDTH * 0.4, nationalTitlePt: SIZE_PT.nationalTitle };
}
const SIGNATURE_LEFT = TEXT_WIDTH * 0.45;
const RULE_WIDTH = 0.6;
// pdfmake's lineHeight multiplies the font's own line height, which for Times is
// already ~1.15 em; 1.0 gives the 1.15 spacing of the DOCX.
const PDF_LINE_HEIGHT = LINE_SPACING / 1.15;

const ZERO_PADDING_NO_LINES: CustomTableLayout = {
  hLineWidth: () => 0,
  vLineWidth: () => 0,
  paddingLeft: () => 0,
  paddingRight: () => 0,
  paddingTop: () => 0,
  paddingBottom: () => 0,
};

/** Only a rule under the last row, as wide as the (auto-sized) cell: the motto's rule. */
const UNDERLINE_LAYOUT: CustomTableLayout = {
  ...ZERO_PADDING_NO_LINES,
  hLineWidth: (i, node) => (i === node.table.body.length ? RULE_WIDTH : 0),
  paddingBottom: () => 1,
};

function centredRule(length: number): ContentColumns {
  return {
    columns: [
      { width: '*', text: '' },
      { width: length, canvas: [{ type: 'line', x1: 0, y1: 7, x2: length, y2: 7, lineWidth: RULE_WIDTH }] },
      { width: '*', text: '' },
    ],
  };
}

/** Longer words (a URL) may still break: a 14 pt body line holds about 70 characters. */
const LONGEST_UNBROKEN_WORD = 40;

/**
 * A run cut at its spaces into unbreakable words. pdfmake's line breaker (UAX #14) also
 * breaks after "/" and "-", and justification spreads the slack over every break, so a
 * justified line showed "695/ QĐ- UBND"; Word keeps "695/QĐ-UBND" whole, and so do we.
 */
function wordsOf(text: string, style: { bold: boolean; italics: boolean }): ContentText[] {
  return (text.match(/\S*\s*/g) ?? [])
    .filter((w) => w !== '')
    .map((w) => ({ text: w, ...style, ...(w.length <= LONGEST_UNBROKEN_WORD ? { noWrap: true } : {}) }));
}

function runsToPdf(runs: readonly TextRun[]): ContentText[] {
  return runs.flatMap((r) => wordsOf(r.text, { bold: r.bold ?? false, italics: r.italic ?? false }));
}

function bodyParagraph(text: ContentText[], headlineLevel?: number): ContentText {
  return {
    text,
    alignment: 'justify',
    leadingIndent: mmToPt(FIRST_LINE_INDENT_MM),
    margin: [0, 0, 0, PARAGRAPH_AFTER_PT],
    ...(headlineLevel ? { headlineLevel } : {}),
  };
}

function paragraphToPdf(paragraph: ReportParagraph): ContentText {
  const prefix = markerPrefix(paragraph);
  return bodyParagraph([...(prefix ? [{ text: prefix }] : []), ...runsToPdf(paragraph.runs)]);
}

const blockToPdf = (block: ReportBlock): Content => (isReportTable(block) ? tableToPdf(block) : paragraphToPdf(block));

function sectionToPdf(section: ReportSection): Content[] {
  return [
    bodyParagraph(runsToPdf([{ text: headingText(section), bold: true }]), section.level),
    ...section.paragraphs.map(blockToPdf),
    ...section.sections.flatMap(sectionToPdf),
  ];
}

function headerTable(model: ReportModel, fit: HeaderFit): Content {
  const issuing = balancedLines(model.issuingBody.toLocaleUpperCase('vi'), fit.left * 0.95, SIZE_PT.issuingBody);
  return {
    table: {
      widths: [fit.left, '*'],
      body: [
        [
          {
            alignment: 'center',
            stack: [
              { text: model.governingBody.toLocaleUpperCase('vi'), fontSize: SIZE_PT.governingBody },
              ...issuing.map((l) => ({ text: l, fontSize: SIZE_PT.issuingBody, bold: true })),
              centredRule(fit.left / 3),
            ],
          },
          {
            alignment: 'center',
            stack: [
              { text: NATIONAL_TITLE, fontSize: fit.nationalTitlePt, bold: true },
              {
                columns: [
                  { width: '*', text: '' },
                  { width: 'auto', table: { body: [[{ text: NATIONAL_MOTTO, fontSize: SIZE_PT.motto, bold: true }]] }, layout: UNDERLINE_LAYOUT },
                  { width: '*', text: '' },
                ],
              },
            ],
          },
        ],
        [
          { text: numberLine(model), fontSize: SIZE_PT.number, alignment: 'center', margin: [0, 8, 0, 0], preserveLeadingSpaces: true },
          { text: placeDateLine(model), fontSize: SIZE_PT.placeDate, italics: true, alignment: 'center', margin: [0, 8, 0, 0], preserveLeadingSpaces: true },
        ],
      ],
    },
    layout: ZERO_PADDING_NO_LINES,
  };
}

/** "DỰ THẢO" boxed at the top right of page one, until the report is issued. */
function draftMark(): Content {
  return {
    columns: [
      { width: '*', text: '' },
      { width: 'auto', table: { body: [[{ text: DRAFT_MARK, bold: true, fontSize: SIZE_PT.draftMark, margin: [4, 0, 4, 0] }]] } },
    ],
    margin: [0, 0, 0, 6],
  };
}

function titleBlock(model: ReportModel): Content[] {
  return [
    { text: model.documentType, bold: true, fontSize: SIZE_PT.title, alignment: 'center', margin: [0, 18, 0, 0] },
    { text: model.summary, bold: true, fontSize: SIZE_PT.summary, alignment: 'center' },
    { ...centredRule(TEXT_WIDTH / 6), margin: [0, 0, 0, 12] },
  ];
}

function signatureBlock(model: ReportModel): Content {
  return {
    unbreakable: true,
    margin: [0, 6, 0, 0],
    stack: [
      {
        columns: [
          {
            width: SIGNATURE_LEFT,
            lineHeight: 1,
            stack: [
              { text: RECIPIENTS_LABEL, fontSize: SIZE_PT.recipientsLabel, bold: true, italics: true },
              ...recipientLines(model.recipients).map((l) => ({ text: l, fontSize: SIZE_PT.recipient })),
            ],
          },
          {
            width: '*',
            alignment: 'center',
            stack: [
              ...signerHeadLines(model.signer).map((l) => ({ text: l, bold: true, fontSize: SIZE_PT.signer })),
              // Room for the handwritten signature and the seal.
              { text: '', margin: [0, 0, 0, 64] },
              { text: model.signer.name, bold: true, fontSize: SIZE_PT.signer },
            ],
          },
        ],
      },
    ],
  };
}

export function buildPdfDefinition(model: ReportModel, font: ResolvedSerifFont): TDocumentDefinitions {
  return {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: [MARGIN_PT.left, MARGIN_PT.top, MARGIN_PT.right, MARGIN_PT.bottom],
    info: { title: `${model.documentType} ${model.summary}`, author: model.issuingBody },
    // Page numbers centred in the top margin, none on page 1 (Nghị định 30/2020).
    header: (currentPage) =>
      currentPage === 1
        ? null
        : { text: String(currentPage), alignment: 'center', fontSize: SIZE_PT.pageNumber, margin: [MARGIN_PT.left, MARGIN_PT.top / 2 - 6, MARGIN_PT.right, 0] },
    defaultStyle: { font: FONT_KEY, fontSize: SIZE_PT.body, lineHeight: PDF_LINE_HEIGHT },
    // A heading never ends a page alone.
    pageBreakBefore: (node, queries) => node.headlineLevel !== undefined && queries.getFollowingNodesOnPage().length === 0,
    content: [
      ...(model.draft ? [draftMark()] : []),
      headerTable(model, headerFit(font)),
      ...titleBlock(model),
      ...model.preamble.map(blockToPdf),
      ...model.sections.flatMap(sectionToPdf),
      ...closingWithFinalMark(model.closing).map(paragraphToPdf),
      signatureBlock(model),
    ],
  };
}

function useFont(font: ResolvedSerifFont): void {
  const files = Object.values(font.files);
  pdfmake.setFonts({ [FONT_KEY]: { ...font.files } });
  // The document is built from our own data: no remote URLs, and no local file but the fonts.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((p) => files.includes(p));
}

export interface RenderPdfOptions {
  /** Defaults to the font resolved on this machine (Times New Roman, Liberation Serif or DejaVu Serif). */
  readonly font?: ResolvedSerifFont;
}

export async function renderPdf(model: ReportModel, options: RenderPdfOptions = {}): Promise<Buffer> {
  const font = options.font ?? resolveSerifFont();
  useFont(font);
  return pdfmake.createPdf(buildPdfDefinition(model, font)).getBuffer();
}
