import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { zipSync } from 'fflate';
import type { Worksheet } from 'exceljs';
import { formRowOf as rowOf, loadWorkbook as load, saveWorkbook as save } from './testing/workbook.ts';
import type { DataValue } from '../core/data-value.ts';
import { parsePeriod } from '../core/period.ts';
import { SAMPLE_UNITS, sampleCatalogue } from './testing/sample-store.ts';
import { readValuesFile } from './values-file.ts';
import { FORM_ZIP_LIMITS, formDisaggKeys, indicatorsOfLiquid, parseValuesForm, writeValuesForm } from './xlsx-form.ts';

const catalogue = sampleCatalogue();
const APRIL = parsePeriod('2022-04');
const TRAVINH = SAMPLE_UNITS[0]!;

const MARCH_VALUES: DataValue[] = [
  { indicator: 'ioffice.docs_issued', orgUnit: 'stttt-travinh', period: '2022-03', disagg: '', value: 19870 },
  { indicator: 'dvc.dossiers', orgUnit: 'stttt-travinh', period: '2022-03', disagg: 'channel=online', value: 2100 },
];

async function exportForm(units = [TRAVINH], values: DataValue[] = []): Promise<Uint8Array> {
  return writeValuesForm({ catalogue, period: APRIL, units, values, previousValues: MARCH_VALUES });
}

describe('writeValuesForm', () => {
  it('lays out a fillable, protected sheet with Vietnamese headers and last period beside the input', async () => {
    const workbook = await load(await exportForm([TRAVINH], [{ indicator: 'attt.alerts', orgUnit: 'stttt-travinh', period: '2022-04', disagg: '', value: 7, comment: 'đã có' }]));
    const sheet = workbook.getWorksheet('stttt-travinh');
    assert.ok(sheet);
    assert.deepEqual((sheet.getRow(4).values as unknown[]).slice(1, 8), ['Mã chỉ tiêu', 'Chỉ tiêu', 'Phân tổ', 'Đơn vị tính', 'Kỳ trước (tháng 3 năm 2022)', 'Kỳ này (tháng 4 năm 2022)', 'Ghi chú']);
    assert.equal(sheet.getColumn(8).hidden, true);
    assert.equal(sheet.getColumn(9).hidden, true);
    assert.equal(sheet.getCell('H2').value, 'stttt-travinh');
    assert.equal(sheet.getCell('I2').value, '2022-04');
    const issued = rowOf(sheet, 'ioffice.docs_issued');
    assert.equal(sheet.getCell(issued, 1).value, 'ioffice.docs_issued');
    assert.equal(sheet.getCell(issued, 4).value, 'văn bản');
    assert.equal(sheet.getCell(issued, 5).value, 19870, 'last period beside the input');
    assert.equal(sheet.getCell(rowOf(sheet, 'dvc.dossiers', 'channel=online'), 5).value, 2100);
    assert.equal(sheet.getCell(rowOf(sheet, 'attt.alerts'), 6).value, 7, 'stored value prefilled');
    assert.equal(sheet.getCell(rowOf(sheet, 'attt.alerts'), 7).value, 'đã có');
    // Protection: the sheet is protected, labels locked, inputs not.
    assert.ok((sheet as unknown as { sheetProtection: { sheet: boolean } | null }).sheetProtection?.sheet);
    assert.notEqual(sheet.getCell(issued, 2).protection?.locked, false);
    assert.equal(sheet.getCell(issued, 6).protection?.locked, false);
    assert.equal(sheet.getCell(issued, 7).protection?.locked, false);
    // Validation: whole numbers for integer indicators, decimals otherwise, Vietnamese message.
    const whole = sheet.getCell(issued, 6).dataValidation;
    assert.equal(whole.type, 'whole');
    assert.equal(whole.operator, 'between');
    assert.deepEqual(whole.formulae, [0, 1e15]);
    assert.match(whole.error ?? '', /nhận số nguyên không âm/);
    assert.equal(sheet.getCell(rowOf(sheet, 'budget.share'), 6).dataValidation.type, 'decimal');
  });

  it('lists the total, subtotals and full combinations; leaves derived indicators out', async () => {
    const keys = formDisaggKeys(catalogue, catalogue.indicator('dvc.dossiers')!);
    assert.deepEqual(keys, [
      '', 'channel=direct', 'channel=online', 'service_level=l3', 'service_level=l4',
      'channel=direct;service_level=l3', 'channel=online;service_level=l3', 'channel=direct;service_level=l4', 'channel=online;service_level=l4',
    ]);
    const sheet = (await load(await exportForm())).getWorksheet('stttt-travinh')!;
    assert.throws(() => rowOf(sheet, 'ioffice.signed_share'));
    assert.equal(sheet.getCell(rowOf(sheet, 'dvc.dossiers', 'channel=online;service_level=l3'), 3).value, 'Kênh: Trực tuyến; Mức độ: Mức 3');
  });

  it('makes one sheet per unit for a subtree', async () => {
    const workbook = await load(await exportForm([...SAMPLE_UNITS]));
    assert.deepEqual(workbook.worksheets.map((s) => s.name), ['stttt-travinh', 'stttt-vp', 'stttt-ttra']);
  });

  it("follows a template's order: the indicators its text blocks mention, derived ones by their parts", () => {
    const texts = ['Có {{ dvc.dossiers | so }} hồ sơ; tỷ lệ {{ ioffice.signed_share | phan_tram }}', '{{ attt.alerts }} {{ dvc.dossiers }} {{ ky }}'];
    assert.deepEqual(indicatorsOfLiquid(texts, catalogue), ['dvc.dossiers', 'ioffice.docs_signed', 'ioffice.docs_issued', 'attt.alerts']);
  });
});

describe('parseValuesForm: each kind of bad cell is reported with its sheet, row and column', () => {
  const cases: { name: string; fill: (sheet: Worksheet, row: number) => void; message: RegExp }[] = [
    { name: 'formula without a cached result', fill: (s, r) => { s.getCell(r, 6).value = { formula: `E${r}*2` } as ExcelJS.CellFormulaValue; }, message: /công thức chưa có kết quả/ },
    { name: 'formula with an error result', fill: (s, r) => { s.getCell(r, 6).value = { formula: '1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellFormulaValue; }, message: /lỗi #DIV\/0!/ },
    { name: 'merged cells', fill: (s, r) => { s.getCell(r, 6).value = 5; s.mergeCells(r, 6, r + 1, 6); }, message: /gộp \(merge\)/ },
    { name: 'a date (serial number shown as a date)', fill: (s, r) => { s.getCell(r, 6).value = 44666; s.getCell(r, 6).numFmt = 'dd/mm/yyyy'; }, message: /ô chứa ngày tháng/ },
    { name: 'real text', fill: (s, r) => { s.getCell(r, 6).value = 'khoảng 20 nghìn'; }, message: /ô chứa chữ "khoảng 20 nghìn" thay vì số/ },
    { name: 'an ambiguous dotted number typed as text', fill: (s, r) => { s.getCell(r, 6).value = '1.5'; }, message: /không rõ nghĩa/ },
    { name: 'a boolean', fill: (s, r) => { s.getCell(r, 6).value = true; }, message: /giá trị logic/ },
    { name: 'a comment without a value', fill: (s, r) => { s.getCell(r, 7).value = 'chưa có số'; }, message: /có ghi chú nhưng chưa nhập giá trị/ },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const workbook = await load(await exportForm());
      const sheet = workbook.getWorksheet('stttt-travinh')!;
      const row = rowOf(sheet, 'ioffice.docs_issued');
      c.fill(sheet, row);
      const parsed = await parseValuesForm(await save(workbook));
      assert.equal(parsed.fatal, false);
      const conflict = parsed.conflicts.find((x) => c.message.test(x.message));
      assert.ok(conflict, `expected ${String(c.message)} in ${JSON.stringify(parsed.conflicts)}`);
      assert.match(conflict.message, new RegExp(`^Trang 'stttt-travinh', dòng ${row}, cột [FG]: `));
      assert.ok(!parsed.rows.some((r) => r.indicator === 'ioffice.docs_issued' && r.disagg === ''), 'the bad cell is not read as a value');
    });
  }

  it('a value typed in a row added by hand', async () => {
    const workbook = await load(await exportForm());
    const sheet = workbook.getWorksheet('stttt-travinh')!;
    const row = sheet.rowCount + 1;
    sheet.getCell(row, 6).value = 12;
    const parsed = await parseValuesForm(await save(workbook));
    assert.match(parsed.conflicts[0]?.message ?? '', new RegExp(`^Trang 'stttt-travinh', dòng ${row}, cột F: dòng không có mã ẩn`));
  });

  it('a sheet that is not a baocao form', async () => {
    const workbook = await load(await exportForm());
    workbook.addWorksheet('Nháp').getCell('A1').value = 'ghi chép';
    const parsed = await parseValuesForm(await save(workbook));
    assert.match(parsed.conflicts[0]?.message ?? '', /^Trang 'Nháp' không phải biểu nhập của baocao/);
  });

  it('a workbook without any form, and a corrupted ZIP, are whole-file errors', async () => {
    const empty = new ExcelJS.Workbook();
    empty.addWorksheet('Sheet1').getCell('A1').value = 1;
    const noForm = await parseValuesForm(await save(empty));
    assert.equal(noForm.fatal, true);
    assert.match(noForm.conflicts.at(-1)?.message ?? '', /không có trang biểu nhập/);
    const corrupt = await readValuesFile(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]));
    assert.equal(corrupt.format, 'xlsx');
    assert.equal(corrupt.fatal, true);
    assert.match(corrupt.conflicts[0]?.message ?? '', /Tệp XLSX bị hỏng/);
  });

  it('a ZIP bomb (an entry inflating past the limit) and a ZIP of too many entries are refused before exceljs reads them', async () => {
    const form = await exportForm();
    const small = { ...FORM_ZIP_LIMITS, maxInflatedBytes: 64 * 1024 };
    const bomb = zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(1024 * 1024) });
    const refused = await parseValuesForm(bomb, small);
    assert.equal(refused.fatal, true);
    assert.match(refused.conflicts[0]?.message ?? '', /vượt giới hạn 0,1 MB \(có thể là "bom nén"\)/);
    const many = await parseValuesForm(form, { ...FORM_ZIP_LIMITS, maxZipEntries: 3 });
    assert.match(many.conflicts[0]?.message ?? '', /vượt giới hạn 3; đây không phải tệp XLSX thông thường/);
    // The real form passes the default limits.
    assert.equal((await parseValuesForm(form)).fatal, false);
  });
});
