// Tables in report text. A table is written as pipe rows, one row a line:
//   | STT | Chỉ tiêu | Quý III |
//   | 1 | Lượt khám bệnh | 12.450 |
// with "\|" for a pipe inside a cell and "<br>" for a line break in it; the first row
// is the heading. Imported tables are stored this way (an item with marker "table"),
// and a template's text may hold one too; the report model carries it as a
// ReportTable, which every renderer lays out as a table.
import type { ReportBlock, ReportTable } from './report-model.ts';

/** The marker of a narrative item that is a table. */
export const TABLE_MARKER = 'table';

export function isReportTable(block: ReportBlock): block is ReportTable {
  return 'kind' in block && block.kind === 'table';
}

export function tableToText(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => `| ${row.map(escapeCell).join(' | ')} |`).join('\n');
}

function escapeCell(cell: string): string {
  return cell.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>').trim();
}

/** Whether a line is a row of a pipe table. */
export function isTableRow(line: string): boolean {
  return /^\s*\|.*\|\s*$/.test(line);
}

/** Pipe rows back into cells; a Markdown separator row ("|---|---|") is skipped. */
export function textToTable(text: string): ReportTable {
  const rows: string[][] = [];
  for (const line of text.split('\n')) {
    if (!isTableRow(line) || /^\s*\|[\s:|-]*-[\s:|-]*\|\s*$/.test(line)) continue;
    rows.push(splitTableRow(line));
  }
  return { kind: 'table', rows };
}

/** The cells of one pipe row: "\\|" is a pipe in a cell, "<br>" a line break. Shared with the Markdown reader. */
export function splitTableRow(row: string): string[] {
  const line = row.trim();
  const cells: string[] = [];
  let current = '';
  const body = line.slice(line.startsWith('|') ? 1 : 0, line.endsWith('|') && !line.endsWith('\\|') ? -1 : undefined);
  for (let i = 0; i < body.length; i += 1) {
    const c = body[i];
    if (c === '\\' && (body[i + 1] === '|' || body[i + 1] === '\\')) {
      current += body[i + 1];
      i += 1;
    } else if (c === '|') {
      cells.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  cells.push(current);
  return cells.map((cell) => cell.trim().replace(/<br\s*\/?>/giu, '\n'));
}
