// The values import use case on both databases (an integration test: it wires
// exchange, app and storage together, so it lives in test/integration).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { importValues } from '../../src/app/values/import-values.ts';
import type { Store } from '../../src/app/ports.ts';
import { Catalogue } from '../../src/core/indicator.ts';
import { parsePeriod } from '../../src/core/period.ts';
import { parseValuesFile } from '../../src/exchange/values-file.ts';
import { parseValuesForm, writeValuesForm } from '../../src/exchange/xlsx-form.ts';
import { loadWorkbook, saveWorkbook, formRowOf } from '../../src/exchange/testing/workbook.ts';
import { buildIndicator } from '../../src/storage/testing/fixtures.ts';
import { CHANNEL, INDICATORS, TRA_VINH_UNITS } from '../../src/storage/testing/fixtures.ts';
import { testDatabases } from '../../src/storage/testing/test-databases.ts';

const HEADER = 'dataelement,period,orgunit,catoptcombo,attroptcombo,value,storedby,lastupdated,comment,followup';

async function seed(store: Store): Promise<void> {
  await store.orgUnits.upsertMany(TRA_VINH_UNITS);
  await store.indicators.upsertDisaggregations([CHANNEL]);
  await store.indicators.upsertIndicators(INDICATORS);
}

const GOOD_JSON = JSON.stringify({
  dataSet: 'stttt-monthly', period: '202204', orgUnit: 'stttt', completeDate: '2022-04-15',
  dataValues: [
    { dataElement: 'ioffice.docs_issued', categoryOptionCombo: 'default', value: '20601' },
    { dataElement: 'ioffice.docs_signed', value: '15905' },
    { dataElement: 'dvc.dossiers', categoryOptionCombo: 'channel=direct', value: '20655' },
    { dataElement: 'dvc.dossiers', categoryOptionCombo: 'channel=online', value: '2312', comment: 'Cổng DVC' },
  ],
});

const figures = async (store: Store) =>
  (await store.dataValues.find({ orgUnits: ['stttt'] }))
    .map((v) => `${v.indicator}|${v.period}|${v.disagg}|${v.value}`)
    .sort();

for (const database of testDatabases()) {
  describe(`importValues on ${database.name}`, { skip: database.skip }, () => {
    test('imports a DHIS2 JSON file, then reports the same file as unchanged', () =>
      database.withStore(async (store) => {
        await seed(store);
        const first = await importValues({ store, parsed: parseValuesFile(GOOD_JSON), actor: 'test' });
        assert.equal(first.status, 'SUCCESS');
        assert.deepEqual(first.importCount, { imported: 4, updated: 0, ignored: 0, deleted: 0 });
        assert.deepEqual(await figures(store), [
          'dvc.dossiers|2022-04|channel=direct|20655',
          'dvc.dossiers|2022-04|channel=online|2312',
          'ioffice.docs_issued|2022-04||20601',
          'ioffice.docs_signed|2022-04||15905',
        ]);
        const again = await importValues({ store, parsed: parseValuesFile(GOOD_JSON), actor: 'test' });
        assert.deepEqual(again.importCount, { imported: 0, updated: 0, ignored: 4, deleted: 0 });
        assert.equal(again.unchanged, 4);
      }));

    test('a dry run counts new and updated values and writes nothing', () =>
      database.withStore(async (store) => {
        await seed(store);
        await importValues({ store, parsed: parseValuesFile(GOOD_JSON), actor: 'test' });
        const csv = `${HEADER}\nioffice.docs_issued,2022-04,stttt,default,,20602,,,,\nqr.scans,202204,stttt,,,105400,,,,\n`;
        const dry = await importValues({ store, parsed: parseValuesFile(csv), dryRun: true, actor: 'test' });
        assert.equal(dry.status, 'SUCCESS');
        assert.equal(dry.dryRun, true);
        assert.deepEqual(dry.importCount, { imported: 1, updated: 1, ignored: 0, deleted: 0 });
        assert.ok((await figures(store)).includes('ioffice.docs_issued|2022-04||20601'));
        assert.ok(!(await figures(store)).some((f) => f.startsWith('qr.scans')));
      }));

    test('an update is audited with before and after, by the given actor', () =>
      database.withStore(async (store) => {
        await seed(store);
        await importValues({ store, parsed: parseValuesFile(GOOD_JSON), actor: 'cli:lan' });
        const csv = `${HEADER}\nioffice.docs_issued,2022-04,stttt,default,,20602,,,đính chính,\n`;
        const result = await importValues({ store, parsed: parseValuesFile(csv), actor: 'cli:lan' });
        assert.deepEqual(result.importCount, { imported: 0, updated: 1, ignored: 0, deleted: 0 });
        const updates = await store.audit.list({ action: 'data_value.update' });
        assert.equal(updates.length, 1);
        assert.equal(updates[0]?.actor, 'cli:lan');
        assert.deepEqual([(updates[0]?.before as { value: number }).value, (updates[0]?.after as { value: number }).value], [20601, 20602]);
        assert.equal((await store.audit.list({ action: 'data_value.import' })).length, 2);
      }));

    // Each bad row: what is wrong, and the line a user has to fix.
    const badRows: { name: string; line: string; object: string; message: RegExp }[] = [
      { name: 'unknown indicator', line: 'no.such,202204,stttt,default,,1,,,,', object: 'no.such', message: /Chỉ tiêu "no.such" chưa được khai báo/ },
      { name: 'unknown org unit', line: 'qr.scans,202204,nowhere,default,,1,,,,', object: 'nowhere', message: /Đơn vị "nowhere" chưa được khai báo/ },
      { name: 'bad period', line: 'qr.scans,202213,stttt,default,,1,,,,', object: 'period', message: /Kỳ báo cáo "202213" không hợp lệ/ },
      { name: 'text in a numeric indicator', line: 'qr.scans,202204,stttt,default,,nhiều,,,,', object: 'value', message: /"nhiều" không phải là số; chỉ tiêu "qr.scans" .* nhận số nguyên/ },
      { name: 'Vietnamese thousands separator', line: 'qr.scans,202204,stttt,default,,105.400.000,,,,', object: 'value', message: /không phải là số/ },
      { name: 'decimals in an integer indicator', line: 'qr.scans,202204,stttt,default,,1.5,,,,', object: 'value', message: /"1.5" không phải là số nguyên/ },
      { name: 'option the indicator does not have', line: 'dvc.dossiers,202204,stttt,channel=post,,1,,,,', object: 'categoryOptionCombo', message: /post/ },
      { name: 'dimension the indicator does not have', line: 'qr.scans,202204,stttt,channel=online,,1,,,,', object: 'categoryOptionCombo', message: /không có phân tổ "channel"/ },
      { name: 'malformed disaggregation', line: 'dvc.dossiers,202204,stttt,online,,1,,,,', object: 'categoryOptionCombo', message: /"online".*phân_tổ=mục/ },
      { name: 'derived indicator', line: 'ioffice.signed_ratio,202204,stttt,default,,0.77,,,,', object: 'ioffice.signed_ratio', message: /chỉ tiêu tính toán/ },
      { name: 'same key twice', line: 'ioffice.docs_issued,2022-04,stttt,,,20601,,,,', object: 'dataValue', message: /trùng khóa với dòng 2/ },
    ];
    for (const bad of badRows) {
      test(`a file with one bad row (${bad.name}) writes nothing and names line 3`, () =>
        database.withStore(async (store) => {
          await seed(store);
          const csv = `${HEADER}\nioffice.docs_issued,202204,stttt,default,,20601,,,,\n${bad.line}\n`;
          const result = await importValues({ store, parsed: parseValuesFile(csv), actor: 'test' });
          assert.equal(result.status, 'ERROR');
          assert.deepEqual(result.importCount, { imported: 0, updated: 0, ignored: 2, deleted: 0 });
          assert.equal(result.conflicts.length, 1);
          assert.equal(result.conflicts[0]?.object, bad.object);
          assert.deepEqual(result.conflicts[0]?.indexes, [3]);
          assert.match(result.conflicts[0]?.message ?? '', bad.message);
          assert.deepEqual(await figures(store), []);
        }));
    }

    test('--skip-conflicts writes the valid rows and lists the rest (WARNING)', () =>
      database.withStore(async (store) => {
        await seed(store);
        const csv = `${HEADER}\nioffice.docs_issued,202204,stttt,default,,20601,,,,\nqr.scans,202204,nowhere,,,1,,,,\nqr.scans,202204,nowhere,,,2,,,,\nqr.scans,202204,stttt,,,105400,,,,\n`;
        const result = await importValues({ store, parsed: parseValuesFile(csv), skipConflicts: true, actor: 'test' });
        assert.equal(result.status, 'WARNING');
        assert.deepEqual(result.importCount, { imported: 2, updated: 0, ignored: 2, deleted: 0 });
        assert.deepEqual(result.conflicts.map((c) => c.indexes), [[3, 4]]);
        assert.deepEqual(await figures(store), ['ioffice.docs_issued|2022-04||20601', 'qr.scans|2022-04||105400']);
      }));

    test('in a JSON file a repeated key names the first item (mục), as the summary labels items', () =>
      database.withStore(async (store) => {
        await seed(store);
        const parsed = parseValuesFile(JSON.stringify({ period: '202204', orgUnit: 'stttt', dataValues: [
          { dataElement: 'ioffice.docs_issued', value: '1' }, { dataElement: 'ioffice.docs_signed', value: '1' }, { dataElement: 'ioffice.docs_issued', value: '2' },
        ] }));
        const result = await importValues({ store, parsed, actor: 'test' });
        assert.equal(result.status, 'ERROR');
        assert.deepEqual(result.conflicts.map((c) => [c.indexes, c.message]), [[[3], 'Số liệu trùng khóa với mục 1 (cùng chỉ tiêu, đơn vị, kỳ, phân tổ và phân tổ thuộc tính).']]);
      }));

    test('a malformed file is an error even with --skip-conflicts', () =>
      database.withStore(async (store) => {
        await seed(store);
        const result = await importValues({ store, parsed: parseValuesFile('{"dataValues": ['), skipConflicts: true, actor: 'test' });
        assert.equal(result.status, 'ERROR');
        assert.match(result.conflicts[0]?.message ?? '', /JSON sai cú pháp/);
      }));

    test('disaggregation pairs in any order are stored under the canonical key', () =>
      database.withStore(async (store) => {
        await seed(store);
        await store.indicators.upsertDisaggregations([{ code: 'level', name: 'Cấp', options: [{ code: 'province', name: 'Tỉnh' }, { code: 'commune', name: 'Xã' }] }]);
        await store.indicators.upsertIndicators([{ ...INDICATORS[3]!, disaggregations: ['channel', 'level'] }]);
        const csv = `${HEADER}\ndvc.dossiers,202204,stttt,"level=commune;channel=online",,7,,,,\n`;
        const result = await importValues({ store, parsed: parseValuesFile(csv), actor: 'test' });
        assert.equal(result.status, 'SUCCESS');
        assert.deepEqual(await figures(store), ['dvc.dossiers|2022-04|channel=online;level=commune|7']);
      }));

    test('value types hold on every file format: a count refuses -5 in CSV and 1e20 in JSON; text, booleans and dates go through an XLSX form', () =>
      database.withStore(async (store) => {
        await seed(store);
        const csv = await importValues({ store, parsed: parseValuesFile(`${HEADER}\nqr.scans,202204,stttt,,,-5,,,,\n`), actor: 'test' });
        assert.match(csv.conflicts[0]?.message ?? '', /"-5" là số âm; chỉ tiêu "qr.scans" .*nhận số nguyên không âm/);
        const json = await importValues({ store, parsed: parseValuesFile(JSON.stringify({ orgUnit: 'stttt', period: '202204', dataValues: [{ dataElement: 'qr.scans', value: '1e20' }] })), actor: 'test' });
        assert.match(json.conflicts[0]?.message ?? '', /"1e20" không phải là số nguyên/);

        await store.indicators.upsertIndicators([
          buildIndicator({ code: 'note', name: 'Ghi chú', valueType: 'TEXT' }),
          buildIndicator({ code: 'online', name: 'Có cổng trực tuyến', valueType: 'BOOLEAN' }),
          buildIndicator({ code: 'opened', name: 'Ngày khai trương', valueType: 'DATE' }),
        ]);
        const [indicators, disaggregations] = [await store.indicators.listIndicators(), await store.indicators.listDisaggregations()];
        const { catalogue } = Catalogue.build({ indicators, disaggregations });
        const unit = (await store.orgUnits.list()).find((u) => u.code === 'stttt')!;
        const bytes = await writeValuesForm({ catalogue, period: parsePeriod('2022-04'), units: [unit], values: [], previousValues: [], indicators: ['note', 'online', 'opened', 'qr.scans'] });
        const workbook = await loadWorkbook(bytes);
        const sheet = workbook.worksheets[0]!;
        sheet.getCell(formRowOf(sheet, 'note'), 6).value = '20.601 lượt';
        sheet.getCell(formRowOf(sheet, 'online'), 6).value = true;
        sheet.getCell(formRowOf(sheet, 'opened'), 6).value = new Date(Date.UTC(2022, 3, 15));
        sheet.getCell(formRowOf(sheet, 'qr.scans'), 6).value = -5;
        const refused = await importValues({ store, parsed: await parseValuesForm(await saveWorkbook(workbook)), actor: 'test' });
        assert.equal(refused.status, 'ERROR');
        assert.deepEqual(refused.conflicts.map((c) => c.object), ['value'], refused.conflicts.map((c) => c.message).join('\n'));
        assert.match(refused.conflicts[0]?.message ?? '', /"-5" là số âm/);
        sheet.getCell(formRowOf(sheet, 'qr.scans'), 6).value = 5;
        const form = await importValues({ store, parsed: await parseValuesForm(await saveWorkbook(workbook)), actor: 'test' });
        assert.deepEqual(form.conflicts, []);
        const stored = new Map((await store.dataValues.find({ orgUnits: ['stttt'] })).map((v) => [v.indicator, v.text ?? v.value]));
        assert.deepEqual([stored.get('note'), stored.get('online'), stored.get('opened'), stored.get('qr.scans')], ['20.601 lượt', 'true', '2022-04-15', 5]);
      }));
  });
}
