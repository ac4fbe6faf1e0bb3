// DOCX in the format of Nghị định 30/2020 Phụ lục I, built with `docx` 9: A4, the
// decree's margins, Times New Roman set on every run (ascii/hAnsi/cs/eastAsia, so
// Word never substitutes a font for Vietnamese letters), borderless header and
// signature tables, page numbers centred in the top margin from page 2 on.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { IBorderOptions, IParagraphOptions, ITableCellBorders } from 'docx';
import type { ReportBlock, ReportModel, ReportParagraph, ReportSection, TextRun as ModelRun } from '../core/report-model.ts';
import { isReportTable } from '../core/report-table.ts';
import { tableToDocx } from './tables/docx-table.ts';
import {
  A4_MM,
  FIRST_LINE_INDENT_MM,
  FONT_FAMILY,
  LINE_SPACING,
  MARGINS_MM,
  PARAGRAPH_AFTER_PT,
  SIZE_PT,
  mmToTwips,
} from './shared/page-layout.ts';
import {
  NATIONAL_MOTTO,
  NATIONAL_TITLE,
  RECIPIENTS_LABEL,
  DRAFT_MARK,
  closingWithFinalMark,
  headingText,
  markerPrefix,
  numberLine,
  placeDateLine,
  recipientLines,
  signerHeadLines,
} from './shared/report-text.ts';
import { balancedLines, boldSerifTextWidthPt } from './shared/text-width.ts';

const FONT = { ascii: FONT_FAMILY, hAnsi: FONT_FAMILY, cs: FONT_FAMILY, eastAsia: FONT_FAMILY };
const PAGE = { width: mmToTwips(A4_MM.width), height: mmToTwips(A4_MM.height) };
const MARGIN = {
  top: mmToTwips(MARGINS_MM.top),
  bottom: mmToTwips(MARGINS_MM.bottom),
  left: mmToTwips(MARGINS_MM.left),
  right: mmToTwips(MARGINS_MM.right),
};
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const HEADER_LEFT = Math.round(TEXT_WIDTH * 0.4);
const SIGNATURE_LEFT = Math.round(TEXT_WIDTH * 0.45);
const BODY_SPACING = { after: PARAGRAPH_AFTER_PT * 20, line: Math.round(240 * LINE_SPACING), lineRule: LineRuleType.AUTO };
// lineRule spelled out: LibreOffice reads a bare w:line="240" as an exact 12 pt, so
// 13-14 pt lines overlap and their diacritics collide.
const SINGLE_SPACING = { after: 0, line: 240, lineRule: LineRuleType.AUTO };
const RULE: IBorderOptions = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 };
const NO_BORDER: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_CELL_BORDERS: ITableCellBorders = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER };

interface RunStyle {
  readonly sizePt: number;
  readonly bold?: boolean;
  readonly italic?: boolean;
}

function run(text: string, style: RunStyle): TextRun {
  return new TextRun({ text, font: FONT, size: style.sizePt * 2, bold: style.bold ?? false, italics: style.italic ?? false });
}

/** A single centred line, as in the header and the signature block. */
function line(text: string, style: RunStyle, extra: Partial<IParagraphOptions> = {}): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: SINGLE_SPACING, children: [run(text, style)], ...extra });
}

/**
 * A short centred rule: an empty paragraph whose bottom border spans `widthTwips`.
 * Its height is exact and its mark tiny, or LibreOffice draws the border through the
 * line above.
 */
function rule(cellWidthTwips: number, widthTwips: number): Paragraph {
  const side = Math.max(0, Math.round((cellWidthTwips - widthTwips) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { before: 0, after: 0, line: 80, lineRule: LineRuleType.EXACT },
    border: { bottom: RULE },
    run: { size: 2 },
    children: [],
  });
}

function cell(width: number, children: Paragraph[]): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders: NO_CELL_BORDERS,
    margins: { left: 0, right: 0, top: 0, bottom: 0 },
    verticalAlign: VerticalAlign.TOP,
    children,
  });
}

function borderlessTable(widths: [number, number], rows: [Paragraph[], Paragraph[]][]): Table {
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: rows.map(([left, right]) => new TableRow({ children: [cell(widths[0], left), cell(widths[1], right)] })),
  });
}

function headerTable(model: ReportModel): Table {
  const right = TEXT_WIDTH - HEADER_LEFT;
  // The motto's rule is as long as the motto; a little slack keeps the text on one line.
  const mottoWidth = Math.round(boldSerifTextWidthPt(NATIONAL_MOTTO, SIZE_PT.motto) * 20 * 1.02);
  return borderlessTable(
    [HEADER_LEFT, right],
    [
      [
        [
          line(model.governingBody.toLocaleUpperCase('vi'), { sizePt: SIZE_PT.governingBody }),
          ...balancedLines(model.issuingBody.toLocaleUpperCase('vi'), (HEADER_LEFT / 20) * 0.95, SIZE_PT.issuingBody).map((l) =>
            line(l, { sizePt: SIZE_PT.issuingBody, bold: true }),
          ),
          rule(HEADER_LEFT, Math.round(HEADER_LEFT / 3)),
        ],
        [
          line(NATIONAL_TITLE, { sizePt: SIZE_PT.nationalTitle, bold: true }),
          line(NATIONAL_MOTTO, { sizePt: SIZE_PT.motto, bold: true }),
          rule(right, mottoWidth),
        ],
      ],
      [
        [line(numberLine(model), { sizePt: SIZE_PT.number }, { spacing: { ...SINGLE_SPACING, before: 120 } })],
        [line(placeDateLine(model), { sizePt: SIZE_PT.placeDate, italic: true }, { spacing: { ...SINGLE_SPACING, before: 120 } })],
      ],
    ],
  );
}

function titleBlock(model: ReportModel): Paragraph[] {
  return [
    line(model.documentType, { sizePt: SIZE_PT.title, bold: true }, { spacing: { ...SINGLE_SPACING, before: 360 } }),
    line(model.summary, { sizePt: SIZE_PT.summary, bold: true }),
    rule(TEXT_WIDTH, Math.round(TEXT_WIDTH / 6)),
    new Paragraph({ spacing: { after: 120 }, children: [] }),
  ];
}

function bodyParagraph(runs: { text: string; bold?: boolean; italic?: boolean }[], keepNext = false): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: mmToTwips(FIRST_LINE_INDENT_MM) },
    spacing: BODY_SPACING,
    keepNext,
    children: runs.map((r) => run(r.text, { sizePt: SIZE_PT.body, bold: r.bold, italic: r.italic })),
  });
}

function paragraphToDocx(paragraph: ReportParagraph): Paragraph {
  const prefix = markerPrefix(paragraph);
  const runs: ModelRun[] = prefix ? [{ text: prefix }, ...paragraph.runs] : [...paragraph.runs];
  return bodyParagraph(runs);
}

const blockToDocx = (block: ReportBlock): Paragraph | Table => (isReportTable(block) ? tableToDocx(block) : paragraphToDocx(block));

function sectionToDocx(section: ReportSection): (Paragraph | Table)[] {
  // Headings are bold at every level, upright (the decree wants points "a)" upright).
  return [
    bodyParagraph([{ text: headingText(section), bold: true }], true),
    ...section.paragraphs.map(blockToDocx),
    ...section.sections.flatMap(sectionToDocx),
  ];
}

function signatureTable(model: ReportModel): Table {
  const right = TEXT_WIDTH - SIGNATURE_LEFT;
  const left = (text: string, style: RunStyle): Paragraph =>
    new Paragraph({ spacing: SINGLE_SPACING, keepNext: true, keepLines: true, children: [run(text, style)] });
  const signer = [
    ...signerHeadLines(model.signer).map((l) => line(l, { sizePt: SIZE_PT.signer, bold: true }, { keepNext: true })),
    // Room for the handwritten signature and the seal.
    ...[0, 1, 2, 3].map(() => line('', { sizePt: SIZE_PT.signer }, { keepNext: true })),
    line(model.signer.name, { sizePt: SIZE_PT.signer, bold: true }),
  ];
  return borderlessTable(
    [SIGNATURE_LEFT, right],
    [
      [
        [
          left(RECIPIENTS_LABEL, { sizePt: SIZE_PT.recipientsLabel, bold: true, italic: true }),
          ...recipientLines(model.recipients).map((l) => left(l, { sizePt: SIZE_PT.recipient })),
        ],
        signer,
      ],
    ],
  );
}

/** "DỰ THẢO" boxed at the top right of page one, until the report is issued. */
function draftMark(): Paragraph {
  // A paragraph box as wide as its indent leaves: 30 mm at the right margin, text centred.
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { ...SINGLE_SPACING, after: 120 },
    children: [run(DRAFT_MARK, { sizePt: SIZE_PT.draftMark, bold: true })],
    border: { top: RULE, bottom: RULE, left: RULE, right: RULE },
    indent: { left: TEXT_WIDTH - mmToTwips(30) },
  });
}

function pageNumberHeader(): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: SIZE_PT.pageNumber * 2 })],
      }),
    ],
  });
}

export function buildDocxDocument(model: ReportModel): Document {
  return new Document({
    creator: model.issuingBody,
    title: `${model.documentType} ${model.summary}`,
    styles: { default: { document: { run: { font: FONT, size: SIZE_PT.body * 2 } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.PORTRAIT },
            // The page number sits in the top margin, halfway down it.
            margin: { ...MARGIN, header: Math.round(MARGIN.top / 2), footer: Math.round(MARGIN.bottom / 2) },
          },
          titlePage: true,
        },
        headers: { default: pageNumberHeader(), first: new Header({ children: [new Paragraph({ children: [] })] }) },
        children: [
          ...(model.draft ? [draftMark()] : []),
          headerTable(model),
          ...titleBlock(model),
          ...model.preamble.map(blockToDocx),
          ...model.sections.flatMap(sectionToDocx),
          ...closingWithFinalMark(model.closing).map(paragraphToDocx),
          new Paragraph({ spacing: { after: 0 }, children: [] }),
          signatureTable(model),
        ],
      },
    ],
  });
}

export async function renderDocx(model: ReportModel): Promise<Buffer> {
  return Packer.toBuffer(buildDocxDocument(model));
}
