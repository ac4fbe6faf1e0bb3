import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import type { DataValue } from '../core/data-value.ts';
import { formatPeriod } from '../core/period.ts';
import { SAMPLE_UNITS, sampleCatalogue } from './testing/sample-store.ts';
import { expandPeriodRange, writeIndicatorTable } from './xlsx-table.ts';

describe('expandPeriodRange', () => {
  const good: [string, string[]][] = [
    ['2022-04', ['2022-04']],
    ['2022-02..2022-04', ['2022-02', '2022-03', '2022-04']],
    ['2021-Q4..2022-Q1', ['2021-Q4', '2022-Q1']],
    ['202111..202201', ['2021-11', '2021-12', '2022-01']],
  ];
  for (const [text, codes] of good) {
    it(text, () => {
      const range = expandPeriodRange(text);
      assert.ok(range.ok);
      if (range.ok) assert.deepEqual(range.periods.map(formatPeriod), codes);
    });
  }
  const bad: [string, RegExp][] = [
    ['2022-04..2022-02', /kỳ đầu phải trước kỳ cuối/],
    ['2022-01..2022-Q2', /cùng loại kỳ/],
    ['2000-01..2022-01', /quá dài/],
    ['tháng 4', /không hợp lệ/],
  ];
  for (const [text, message] of bad) {
    it(`refuses ${text}`, () => {
      const range = expandPeriodRange(text);
      assert.equal(range.ok, false);
      if (!range.ok) assert.match(range.problem, message);
    });
  }
});

describe('writeIndicatorTable', () => {
  it('lays values out indicator × unit × period, and as a flat list', async () => {
    const values: DataValue[] = [
      { indicator: 'ioffice.docs_issued', orgUnit: 'stttt-travinh', period: '2022-03', disagg: '', value: 19870 },
      { indicator: 'ioffice.docs_issued', orgUnit: 'stttt-travinh', period: '2022-04', disagg: '', value: 20601 },
      { indicator: 'dvc.dossiers', orgUnit: 'stttt-vp', period: '2022-04', disagg: 'channel=online', value: 2312 },
      { indicator: 'dvc.dossiers', orgUnit: 'stttt-vp', period: '2022-04', disagg: '', value: 22967 },
      { indicator: 'attt.alerts', orgUnit: 'other-unit', period: '2022-04', disagg: '', value: 1 },
    ];
    const range = expandPeriodRange('2022-03..2022-04');
    assert.ok(range.ok);
    const bytes = await writeIndicatorTable({ catalogue: sampleCatalogue(), units: SAMPLE_UNITS.slice(0, 2), periods: range.periods, values });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    const table = workbook.getWorksheet('Bảng chỉ tiêu')!;
    assert.equal(table.getCell('E3').value, 'Sở Thông tin và Truyền thông');
    assert.equal(table.getCell('G3').value, 'Văn phòng Sở');
    assert.equal(table.getCell('E4').value, 'tháng 3 năm 2022');
    assert.equal(table.getCell('F4').value, 'tháng 4 năm 2022');
    const rows = [5, 6, 7].map((r) => [1, 3, 5, 6, 7, 8].map((c) => table.getCell(r, c).value));
    assert.deepEqual(rows, [
      ['ioffice.docs_issued', 'Tổng số', 19870, 20601, null, null],
      ['dvc.dossiers', 'Tổng số', null, null, null, 22967],
      ['dvc.dossiers', 'Kênh: Trực tuyến', null, null, null, 2312],
    ]);
    assert.equal(table.getCell(8, 1).value, null, 'a unit not asked for is left out');
    const flat = workbook.getWorksheet('Dữ liệu')!;
    assert.equal(flat.rowCount, 5);
    assert.deepEqual((flat.getRow(2).values as unknown[]).slice(1, 9), ['ioffice.docs_issued', 'Văn bản điện tử phát hành', '', 'Tổng số', 'stttt-travinh', 'Sở Thông tin và Truyền thông', '2022-03', 19870]);
  });
});
