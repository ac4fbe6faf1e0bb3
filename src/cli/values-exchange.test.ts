// Values exchange on both databases: ADX and XLSX forms through the import use case,
// and the `baocao values` commands run as a user runs them (spawned, BAOCAO_DB set to
// the test database), so CLI wiring and format detection are covered end to end.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { importValues } from '../app/values/import-values.ts';
import type { DataValue } from '../core/data-value.ts';
import { parsePeriod } from '../core/period.ts';
import { disaggKey } from '../core/indicator.ts';
import { parseAdx } from '../exchange/adx.ts';
import { placeConflicts } from '../exchange/located-values.ts';
import { SAMPLE_UNITS, sampleCatalogue, seedSampleStore } from '../exchange/testing/sample-store.ts';
import { formRowOf as rowOf, loadWorkbook as load, saveWorkbook as save } from '../exchange/testing/workbook.ts';
import { readValuesFile } from '../exchange/values-file.ts';
import { parseValuesForm, writeValuesForm } from '../exchange/xlsx-form.ts';
import { testDatabases } from '../storage/testing/test-databases.ts';

const FIXTURE = readFileSync(new URL('../../test/fixtures/exchange/dhis2-shaped.adx.xml', import.meta.url), 'utf8');
const BIN = path.resolve(import.meta.dirname, '../../bin/baocao.mjs');
const catalogue = sampleCatalogue();
const APRIL = parsePeriod('2022-04');
const MARCH_VALUES: DataValue[] = [
  { indicator: 'ioffice.docs_issued', orgUnit: 'stttt-travinh', period: '2022-03', disagg: '', value: 19870 },
  { indicator: 'dvc.dossiers', orgUnit: 'stttt-travinh', period: '2022-03', disagg: 'channel=online', value: 2100 },
];

async function exportForm(): Promise<Uint8Array> {
  return writeValuesForm({ catalogue, period: APRIL, units: [SAMPLE_UNITS[0]!], values: [], previousValues: MARCH_VALUES });
}

function baocao(args: readonly string[], database: string, cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, BAOCAO_DB: database, BAOCAO_DEBUG: '' } });
    let stdout = '', stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

for (const database of testDatabases()) {
  describe(`values exchange (${database.name})`, { skip: database.skip }, () => {
    test('stores the values of the DHIS2-shaped file', () => database.withStore(async (store) => {
      await seedSampleStore(store);
      const parsed = parseAdx(FIXTURE);
      const summary = await importValues({ store, parsed, actor: 'test' });
      assert.equal(summary.status, 'SUCCESS');
      assert.equal(summary.importCount.imported, 4);
      const stored = await store.dataValues.find({ orgUnits: ['stttt-travinh'], periods: ['2022-04', '2022-Q1'] });
      const byKey = new Map(stored.map((v) => [`${v.indicator}|${v.period}|${v.disagg}`, v]));
      assert.equal(byKey.get('dvc.dossiers|2022-04|channel=online;service_level=l4')?.value, 2217);
      assert.equal(byKey.get('dvc.dossiers|2022-04|channel=direct')?.comment, 'Số liệu "trực tiếp" từ Cổng DVC & một cửa');
      assert.equal(byKey.get('attt.alerts|2022-Q1|')?.value, 12);
    }));

    test('a code conflict names the group and dataValue, and nothing is written', () => database.withStore(async (store) => {
      await seedSampleStore(store);
      const parsed = parseAdx(FIXTURE.replace('dataElement="attt.alerts"', 'dataElement="khong.co"'));
      const summary = placeConflicts(await importValues({ store, parsed, actor: 'test' }), parsed);
      assert.equal(summary.status, 'ERROR');
      assert.match(summary.conflicts[0]?.message ?? '', /^Nhóm 2 \(dòng 14\), dataValue 1 \(dòng 15\): Chỉ tiêu "khong.co" chưa được khai báo/);
      assert.deepEqual(await store.dataValues.find({ orgUnits: ['stttt-travinh'] }), []);
    }));
      test('export → fill → dry run summary → import stores the values', () => database.withStore(async (store) => {
      await seedSampleStore(store);
      await store.dataValues.upsertMany(MARCH_VALUES);
      await store.dataValues.upsertMany([{ indicator: 'attt.alerts', orgUnit: 'stttt-vp', period: '2022-04', disagg: '', value: 3 }]);
      const workbook = await load(await writeValuesForm({
        catalogue, period: APRIL, units: [...SAMPLE_UNITS],
        values: await store.dataValues.find({ periods: ['2022-04'] }), previousValues: await store.dataValues.find({ periods: ['2022-03'] }),
      }));
      const travinh = workbook.getWorksheet('stttt-travinh')!;
      travinh.getCell(rowOf(travinh, 'ioffice.docs_issued'), 6).value = 20601;
      travinh.getCell(rowOf(travinh, 'ioffice.docs_signed'), 6).value = { formula: 'E5-4696', result: 15905 } as ExcelJS.CellFormulaValue;
      travinh.getCell(rowOf(travinh, 'dvc.dossiers', 'channel=online;service_level=l4'), 6).value = '2.217';
      travinh.getCell(rowOf(travinh, 'dvc.dossiers', 'channel=online;service_level=l4'), 7).value = 'theo Cổng DVC';
      travinh.getCell(rowOf(travinh, 'budget.share'), 6).value = 77.2;
      const vp = workbook.getWorksheet('stttt-vp')!;
      assert.equal(vp.getCell(rowOf(vp, 'attt.alerts'), 6).value, 3, 'the stored value is prefilled');
      vp.getCell(rowOf(vp, 'attt.alerts'), 6).value = 4;
      const parsed = await readValuesFile(await save(workbook));
      assert.equal(parsed.format, 'xlsx');
      assert.deepEqual(parsed.conflicts, []);
      assert.deepEqual(parsed.notices, [`Trang 'stttt-travinh', dòng ${rowOf(travinh, 'dvc.dossiers', 'channel=online;service_level=l4')}, cột F: ô chứa chữ "2.217", đã đọc theo cách viết số của Việt Nam là 2217.`]);

      const dry = await importValues({ store, parsed, dryRun: true, actor: 'test' });
      assert.equal(dry.status, 'SUCCESS');
      assert.deepEqual(dry.importCount, { imported: 4, updated: 1, ignored: 0, deleted: 0 });
      assert.deepEqual(await store.dataValues.find({ periods: ['2022-04'], orgUnits: ['stttt-travinh'] }), [], 'a dry run writes nothing');

      const summary = await importValues({ store, parsed, actor: 'test' });
      assert.deepEqual(summary.importCount, { imported: 4, updated: 1, ignored: 0, deleted: 0 });
      const stored = new Map((await store.dataValues.find({ periods: ['2022-04'] })).map((v) => [`${v.orgUnit}|${v.indicator}|${v.disagg}`, v]));
      assert.equal(stored.get('stttt-travinh|ioffice.docs_issued|')?.value, 20601);
      assert.equal(stored.get('stttt-travinh|ioffice.docs_signed|')?.value, 15905);
      assert.equal(stored.get('stttt-travinh|dvc.dossiers|channel=online;service_level=l4')?.value, 2217);
      assert.equal(stored.get('stttt-travinh|dvc.dossiers|channel=online;service_level=l4')?.comment, 'theo Cổng DVC');
      assert.equal(stored.get('stttt-travinh|budget.share|')?.value, 77.2);
      assert.equal(stored.get('stttt-vp|attt.alerts|')?.value, 4);
    }));

    test('a value the catalogue refuses names its cell, and the import is atomic', () => database.withStore(async (store) => {
      await seedSampleStore(store);
      const workbook = await load(await exportForm());
      const sheet = workbook.getWorksheet('stttt-travinh')!;
      sheet.getCell(rowOf(sheet, 'attt.alerts'), 6).value = 10;
      const bad = rowOf(sheet, 'ioffice.docs_issued');
      sheet.getCell(bad, 6).value = 12.5;
      const parsed = await parseValuesForm(await save(workbook));
      const summary = placeConflicts(await importValues({ store, parsed, actor: 'test' }), parsed);
      assert.equal(summary.status, 'ERROR');
      assert.match(summary.conflicts[0]?.message ?? '', new RegExp(`^Trang 'stttt-travinh', dòng ${bad}, cột F: Giá trị "12.5" không phải là số nguyên`));
      assert.deepEqual(await store.dataValues.find({ periods: ['2022-04'] }), []);
    }));
  
    test('the commands: export form → fill → import (dry run, then for real); ADX in a .txt; export adx and table', () => database.withStore(async (store, fresh) => {
      await seedSampleStore(store);
      await store.dataValues.upsertMany(MARCH_VALUES);
      const dir = mkdtempSync(path.join(tmpdir(), 'baocao-values-cli-'));
      try {
        const run = (args: string[]) => baocao(args, fresh.url, dir);
        const form = path.join(dir, 'bieu.xlsx');
        const noOut = await run(['values', 'export', '--format', 'xlsx', '--org', 'stttt-travinh', '--period', '2022-04']);
        assert.equal(noOut.code, 2);
        assert.match(noOut.stderr, /cần --out/);
        const exported = await run(['values', 'export', '--format', 'xlsx', '--org', 'stttt-travinh', '--period', '2022-04', '--children', '--out', form]);
        assert.equal(exported.code, 0, exported.stderr);
        const workbook = await load(new Uint8Array(readFileSync(form)));
        assert.deepEqual(workbook.worksheets.map((s) => s.name), ['stttt-travinh', 'stttt-ttra', 'stttt-vp']);
        const sheet = workbook.getWorksheet('stttt-travinh')!;
        sheet.getCell(rowOf(sheet, 'ioffice.docs_issued'), 6).value = 20601;
        sheet.getCell(rowOf(sheet, 'attt.alerts'), 6).value = '1.5';
        writeFileSync(form, await save(workbook));
        const refused = await run(['values', 'import', form]);
        assert.equal(refused.code, 2);
        assert.match(refused.stdout, new RegExp(`Trang 'stttt-travinh', dòng ${rowOf(sheet, 'attt.alerts')}, cột F: ô chứa chữ "1.5"`));
        sheet.getCell(rowOf(sheet, 'attt.alerts'), 6).value = 12;
        writeFileSync(form, await save(workbook));
        const dry = await run(['values', 'import', form, '--dry-run']);
        assert.equal(dry.code, 0, dry.stdout + dry.stderr);
        assert.match(dry.stdout, /biểu nhập Excel.*chạy thử/);
        assert.match(dry.stdout, /Thêm mới: 2/);
        assert.deepEqual(await store.dataValues.find({ periods: ['2022-04'] }), []);
        assert.equal((await run(['values', 'import', form])).code, 0);
        assert.equal((await store.dataValues.find({ periods: ['2022-04'] })).length, 2);

        const txt = path.join(dir, 'so-lieu.txt');
        writeFileSync(txt, FIXTURE);
        const adxRun = await run(['values', 'import', txt]);
        assert.equal(adxRun.code, 0, adxRun.stdout);
        assert.match(adxRun.stdout, /\(ADX XML\)/);

        const adxOut = await run(['values', 'export', '--format', 'adx', '--org', 'stttt-travinh', '--period', '2022-04']);
        assert.equal(adxOut.code, 0);
        const back = parseAdx(adxOut.stdout);
        assert.deepEqual(back.conflicts, []);
        assert.ok(back.rows.some((r) => r.indicator === 'dvc.dossiers' && disaggKey(r.disaggOptions ?? {}) === 'channel=online;service_level=l4' && r.value === '2217'));

        const table = path.join(dir, 'bang.xlsx');
        const tableRun = await run(['values', 'export', '--format', 'xlsx', '--table', '--org', 'stttt-travinh', '--period', '2022-03..2022-04', '--out', table]);
        assert.equal(tableRun.code, 0, tableRun.stderr);
        const tableSheet = (await load(new Uint8Array(readFileSync(table)))).getWorksheet('Bảng chỉ tiêu')!;
        const issued = Array.from({ length: tableSheet.rowCount }, (_, i) => i + 1).find((r) => tableSheet.getCell(r, 1).value === 'ioffice.docs_issued') ?? 0;
        assert.deepEqual([tableSheet.getCell(issued, 5).value, tableSheet.getCell(issued, 6).value], [19870, 20601]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }));
  });
}
