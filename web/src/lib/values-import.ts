// What the "Nhập từ tệp" dialog shows and allows: the dry run's counts, its conflicts,
// and whether "Ghi số liệu" may run. The import is atomic on the server; the dialog
// only lets a file with conflicts through when the user chose to skip the bad rows.
import type { FileImportSummary } from '../api/types.ts';

/** The file types the values importer reads (it recognises each by content). */
export const VALUE_FILE_ACCEPT = '.xlsx,.json,.csv,.xml,.adx';

export interface SummaryCount { readonly key: string; readonly label: string; readonly value: number }

/** The four counts the user checks before writing: mới / cập nhật / không đổi / xung đột (and xóa when any). */
export function summaryCounts(summary: FileImportSummary): SummaryCount[] {
  const counts: SummaryCount[] = [
    { key: 'imported', label: 'Mới', value: summary.importCount.imported },
    { key: 'updated', label: 'Cập nhật', value: summary.importCount.updated },
    { key: 'unchanged', label: 'Không đổi', value: summary.unchanged },
    { key: 'conflicts', label: 'Xung đột', value: summary.conflicts.length },
  ];
  if (summary.importCount.deleted > 0) counts.splice(2, 0, { key: 'deleted', label: 'Xóa', value: summary.importCount.deleted });
  return counts;
}

/**
 * Why "Ghi số liệu" is disabled, in Vietnamese, or null when it may run. A file that
 * could not be read at all has no summary; one whose conflicts cover every row writes
 * nothing even when skipping.
 */
export function commitBlocker(summary: FileImportSummary | null, skipConflicts: boolean): string | null {
  if (!summary) return 'Chưa có kết quả kiểm tra tệp.';
  const writes = summary.importCount.imported + summary.importCount.updated + summary.importCount.deleted;
  if (summary.conflicts.length > 0 && !skipConflicts) return 'Tệp có xung đột: sửa tệp rồi nhập lại, hoặc chọn "Bỏ qua các dòng lỗi".';
  if (writes === 0) return 'Không có số liệu nào mới hay thay đổi để ghi.';
  return null;
}

/** The summary a 400 of the importer carries (details.importSummary), if any. */
export function summaryInError(details: Record<string, unknown> | undefined): FileImportSummary | null {
  const summary = details?.['importSummary'];
  return summary && typeof summary === 'object' && 'importCount' in summary ? (summary as FileImportSummary) : null;
}

/** "Đã ghi 3 số liệu (1 mới, 2 cập nhật)." after a real import. */
export function committedMessage(summary: FileImportSummary): string {
  const { imported, updated, deleted } = summary.importCount;
  const parts = [`${imported} mới`, `${updated} cập nhật`, ...(deleted > 0 ? [`${deleted} xóa`] : [])];
  const skipped = summary.conflicts.length > 0 ? ` Đã bỏ qua ${summary.conflicts.length} dòng lỗi.` : '';
  return `Đã ghi ${imported + updated + deleted} số liệu (${parts.join(', ')}).${skipped}`;
}

/**
 * A conflict message split into where ("Trang 'stttt', dòng 12, cột F", "Dòng 7") and
 * what, for the table's two columns; a message without a place keeps it all as "what".
 */
export function conflictPlace(message: string): { place: string; problem: string } {
  const match = /^((?:Trang '[^']*'(?:, dòng \d+)?(?:, cột [A-Z]+)?)|(?:(?:Dòng|Mục|Giá trị) [\d, ]+(?: và \d+ [a-zà-ỹ]+ khác)?)):\s*(.*)$/su.exec(message);
  return match?.[1] && match[2] !== undefined ? { place: match[1], problem: match[2] } : { place: '', problem: message };
}
