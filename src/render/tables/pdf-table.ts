// A ReportTable as a pdfmake table: ruled cells, the first row bold and repeated on
// every page, 12 pt text.
import type { Content } from 'pdfmake/interfaces.js';
import type { ReportTable } from '../../core/report-model.ts';

const SIZE_PT = 12;

export function tableToPdf(table: ReportTable): Content {
  const width = Math.max(1, ...table.rows.map((r) => r.length));
  return {
    table: {
      headerRows: table.rows.length > 1 ? 1 : 0,
      widths: Array.from({ length: width }, () => '*'),
      body: table.rows.map((row, r) => Array.from({ length: width }, (_, i) => ({
        text: row[i] ?? '', bold: r === 0, fontSize: SIZE_PT, alignment: r === 0 ? 'center' as const : 'left' as const,
      }))),
    },
    margin: [0, 0, 0, 6],
  };
}
