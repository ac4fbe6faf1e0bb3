// A ReportTable as a Markdown pipe table: the first row is the heading, "|" in a cell
// is escaped and a line break becomes <br>, so the importer reads it back cell for cell.
import type { ReportTable } from '../../core/report-model.ts';

function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>').replace(/[*_`]/g, (c) => `\\${c}`).trim();
}

export function tableToMarkdown(table: ReportTable): string {
  const width = Math.max(1, ...table.rows.map((r) => r.length));
  const line = (row: readonly string[]): string => `| ${Array.from({ length: width }, (_, i) => cell(row[i] ?? '')).join(' | ')} |`;
  const [head = [], ...body] = table.rows;
  return [line(head), `|${' --- |'.repeat(width)}`, ...body.map(line)].join('\n');
}
