import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FileImportSummary } from '../api/types.ts';
import { commitBlocker, committedMessage, conflictPlace, summaryCounts, summaryInError } from './values-import.ts';

const conflict = { object: 'value', value: 'abc', indexes: [7], message: 'Dòng 7: Giá trị "abc" không phải là số.' };
function summary(counts: Partial<FileImportSummary['importCount']>, unchanged: number, conflicts = 0): FileImportSummary {
  return {
    status: conflicts > 0 ? 'WARNING' : 'SUCCESS', dryRun: true, format: 'csv', notices: [], unchanged,
    importCount: { imported: 0, updated: 0, ignored: 0, deleted: 0, ...counts },
    conflicts: Array.from({ length: conflicts }, () => conflict),
  };
}

test('the dry run shows new, updated, unchanged and conflicting values', () => {
  assert.deepEqual(summaryCounts(summary({ imported: 2, updated: 1, ignored: 78 }, 77, 1)).map((c) => `${c.label} ${c.value}`), ['Mới 2', 'Cập nhật 1', 'Không đổi 77', 'Xung đột 1']);
  assert.deepEqual(summaryCounts(summary({ deleted: 3 }, 0)).map((c) => c.label), ['Mới', 'Cập nhật', 'Xóa', 'Không đổi', 'Xung đột']);
});

test('"Ghi số liệu" runs only when something would be written and conflicts are skipped on purpose', () => {
  const cases: [string, FileImportSummary | null, boolean, boolean][] = [
    ['no dry run yet', null, false, false],
    ['clean file with changes', summary({ updated: 1 }, 5), false, true],
    ['conflicts, not skipping', summary({ updated: 1 }, 5, 1), false, false],
    ['conflicts, skipping the bad rows', summary({ updated: 1 }, 5, 1), true, true],
    ['conflicts and nothing else to write', summary({}, 5, 1), true, false],
    ['everything unchanged', summary({}, 78), false, false],
  ];
  for (const [what, s, skip, allowed] of cases) assert.equal(commitBlocker(s, skip) === null, allowed, what);
  assert.match(commitBlocker(summary({ updated: 1 }, 5, 1), false) ?? '', /Bỏ qua các dòng lỗi/);
});

test('the summary of a refused import is read from the error details', () => {
  const s = summary({}, 0, 1);
  assert.equal(summaryInError({ importSummary: s }), s);
  assert.equal(summaryInError({ reason: 'bad_zip' }), null);
  assert.equal(summaryInError(undefined), null);
});

test('after writing the user reads what was written and what was skipped', () => {
  assert.equal(committedMessage(summary({ imported: 1, updated: 2 }, 5)), 'Đã ghi 3 số liệu (1 mới, 2 cập nhật).');
  assert.equal(committedMessage(summary({ updated: 1 }, 5, 1)), 'Đã ghi 1 số liệu (0 mới, 1 cập nhật). Đã bỏ qua 1 dòng lỗi.');
});

test('each conflict names its place (sheet, row, column) in its own column', () => {
  const cases: [string, string, string][] = [
    ["Trang 'stttt-travinh', dòng 12, cột F: Giá trị \"x\" không phải là số.", "Trang 'stttt-travinh', dòng 12, cột F", 'Giá trị "x" không phải là số.'],
    ['Dòng 7: Giá trị "abc" không phải là số.', 'Dòng 7', 'Giá trị "abc" không phải là số.'],
    ['Dòng 3, 4 và 12 dòng khác: Kỳ sai.', 'Dòng 3, 4 và 12 dòng khác', 'Kỳ sai.'],
    ['Mục 2: Thiếu orgUnit.', 'Mục 2', 'Thiếu orgUnit.'],
    ['Dòng tiêu đề CSV thiếu cột value.', '', 'Dòng tiêu đề CSV thiếu cột value.'],
  ];
  for (const [message, place, problem] of cases) assert.deepEqual(conflictPlace(message), { place, problem }, message);
});
