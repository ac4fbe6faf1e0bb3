// A ReportTable as an HTML table with ruled cells (the report's own tables are
// borderless layout, so the rules are set on this table alone); the first row is the
// heading. Every cell is escaped.
import type { ReportTable } from '../../core/report-model.ts';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escape = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
const CELL = 'border:1px solid #000;padding:2pt 4pt;text-align:left;vertical-align:top';

export function tableToHtml(table: ReportTable): string {
  const width = Math.max(1, ...table.rows.map((r) => r.length));
  const rows = table.rows.map((row, r) => {
    const tag = r === 0 ? 'th' : 'td';
    const cells = Array.from({ length: width }, (_, i) => `<${tag} style="${CELL}${r === 0 ? ';font-weight:bold;text-align:center' : ''}">${escape(row[i] ?? '').replace(/\n/g, '<br>')}</${tag}>`);
    return `<tr>${cells.join('')}</tr>`;
  });
  return `<table class="data-table" style="border-collapse:collapse;width:100%;margin:0 0 6pt">\n${rows.join('\n')}\n</table>`;
}
