// A ReportTable as a Word table: single rules, the first row bold and repeated on
// every page, Times New Roman 12 pt (a table's text may be smaller than the body's
// 14 pt under Nghị định 30), each cell's line breaks kept as paragraphs.
import { AlignmentType, BorderStyle, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { ReportTable } from '../../core/report-model.ts';
import { FONT_FAMILY } from '../shared/page-layout.ts';

const FONT = { ascii: FONT_FAMILY, hAnsi: FONT_FAMILY, cs: FONT_FAMILY, eastAsia: FONT_FAMILY };
const RULE = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const SIZE_HALF_POINTS = 24;

export function tableToDocx(table: ReportTable): Table {
  const width = Math.max(1, ...table.rows.map((r) => r.length));
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { top: RULE, bottom: RULE, left: RULE, right: RULE, insideHorizontal: RULE, insideVertical: RULE },
    rows: table.rows.map((row, r) => new TableRow({
      tableHeader: r === 0,
      children: Array.from({ length: width }, (_, i) => new TableCell({
        children: (row[i] ?? '').split('\n').map((line) => new Paragraph({
          alignment: r === 0 ? AlignmentType.CENTER : AlignmentType.LEFT,
          children: [new TextRun({ text: line, font: FONT, size: SIZE_HALF_POINTS, bold: r === 0 })],
        })),
      })),
    })),
  });
}
