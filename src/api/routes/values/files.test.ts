// Values as files through the API, on both databases: every export format downloads
// with its content type and file name and reads back; an Excel form goes out, is
// filled, previewed and imported; conflicting, corrupt or out-of-scope files write
// nothing; only these routes take 20 MB bodies.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { disaggKey } from '../../../core/indicator.ts';
import { parseAdx } from '../../../exchange/adx.ts';
import { parseDhis2Csv } from '../../../exchange/dhis2-csv.ts';
import { formRowOf, loadWorkbook, saveWorkbook } from '../../../exchange/testing/workbook.ts';
import { testDatabases } from '../../../storage/testing/test-databases.ts';
import { withApi } from '../../testing/api-test-kit.ts';
import type { ApiKit, Caller } from '../../testing/api-test-kit.ts';
import type { Store } from '../../../app/ports.ts';

const APRIL = [
  { dataElement: 'qr.scans', period: '2022-04', orgUnit: 'stttt', value: 11 },
  { dataElement: 'dvc.dossiers', categoryOptionCombo: 'channel=online', period: '2022-04', orgUnit: 'stttt', value: 5 },
  { dataElement: 'qr.scans', period: '2022-04', orgUnit: 'bcvt', value: 4 },
  { dataElement: 'qr.scans', period: '2022-03', orgUnit: 'stttt', value: 7 },
];

const CSV_HEADER = 'dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,storedby,lastupdated,comment,followup,deleted';

async function seedValues(kit: ApiKit, caller: Caller): Promise<void> {
  const response = await kit.call(caller, 'PUT', '/api/values', { dataValues: APRIL });
  assert.equal(response.statusCode, 200, response.body);
}

function upload(kit: ApiKit, caller: Caller | null, url: string, body: Uint8Array | string, type = 'application/octet-stream'): Promise<LightMyRequestResponse> {
  return kit.app.inject({
    method: 'POST', url, payload: typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body),
    headers: {
      'content-type': type,
      ...(caller?.cookie ? { cookie: caller.cookie } : {}),
      ...(caller?.csrfToken ? { 'x-csrf-token': caller.csrfToken } : {}),
    },
  });
}

/** An issued April report of the department: it locks the department's subtree for April. */
async function issueAprilReport(store: Store): Promise<void> {
  await store.templates.upsertMany([{ code: 'thang', name: 'Báo cáo tháng', summary: 'Kết quả {{ ky }}', closing: 'Trên đây là báo cáo.', sections: [{ id: 'i', number: 'I', title: 'KẾT QUẢ', level: 1, blocks: [{ type: 'items' }], sections: [] }] }]);
  await store.reports.saveInstance({
    template: 'thang', orgUnit: 'stttt', period: '2022-04', number: null, date: null, place: 'Trà Vinh', governingBody: 'UBND TỈNH TRÀ VINH',
    issuingBody: 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG', symbol: 'BC-STTTT', recipients: [], signer: { authority: null, title: 'GIÁM ĐỐC', name: 'A' }, items: [], documents: [], plan: [],
  });
  const report = await store.reports.find('stttt', '2022-04');
  assert.ok(report);
  assert.ok((await store.reports.updateState(report.id, report.version, { status: 'issued', number: 5, date: '2022-05-05', issuedAt: '2022-05-05T02:00:00.000Z' })).ok);
}

const stored = async (kit: ApiKit) => (await kit.store.dataValues.find({})).map((v) => `${v.orgUnit} ${v.period} ${v.indicator}${v.disagg ? `[${v.disagg}]` : ''}=${v.value}`).sort();

for (const database of testDatabases()) {
  describe(database.name, { skip: database.skip }, () => {
    test('each export format downloads with its content type and file name, and reads back', () =>
      withApi(database, async (kit) => {
        await seedValues(kit, await kit.login('vanphong'));
        const viewer = await kit.login('ubndtinh');
        const get = async (query: string, type: string, fileName: RegExp): Promise<LightMyRequestResponse> => {
          const response = await kit.call(viewer, 'GET', `/api/values/export?org=stttt&period=2022-04${query}`);
          assert.equal(response.statusCode, 200, `${query}: ${response.body}`);
          assert.equal(response.headers['content-type'], type, query);
          assert.match(String(response.headers['content-disposition']), fileName, query);
          return response;
        };

        const json = await get('&children=true', 'application/json; charset=utf-8', /^attachment; filename="so-lieu-stttt-2022-04\.json"; filename\*=UTF-8''S%E1%BB%91%20li%E1%BB%87u/);
        const dataValues = (json.json() as { dataValues: { dataElement: string; orgUnit: string; period: string; categoryOptionCombo: string; value: string }[] }).dataValues;
        assert.deepEqual(dataValues.map((v) => `${v.orgUnit} ${v.period} ${v.dataElement} ${v.categoryOptionCombo}=${v.value}`).sort(), [
          'bcvt 202204 qr.scans default=4', 'stttt 202204 dvc.dossiers channel=online=5', 'stttt 202204 qr.scans default=11',
        ]);

        const csv = await get('&format=csv', 'text/csv; charset=utf-8', /filename="so-lieu-stttt-2022-04\.csv"/);
        assert.deepEqual(parseDhis2Csv(csv.body).rows.map((r) => `${r.indicator} ${r.disagg}=${r.value}`).sort(), ['dvc.dossiers channel=online=5', 'qr.scans default=11']);

        const adx = await get('&format=adx', 'application/adx+xml; charset=utf-8', /filename="so-lieu-stttt-2022-04\.adx\.xml"/);
        const parsedAdx = parseAdx(adx.body);
        assert.deepEqual(parsedAdx.conflicts, []);
        assert.deepEqual(parsedAdx.rows.map((r) => `${r.orgUnit} ${r.period} ${r.indicator} ${disaggKey(r.disaggOptions ?? {})}=${r.value}`).sort(), ['stttt 2022-04 dvc.dossiers channel=online=5', 'stttt 2022-04 qr.scans =11']);

        const form = await get('&format=xlsx&children=true', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', /filename="bieu-nhap-stttt-2022-04\.xlsx"/);
        const formBook = await loadWorkbook(form.rawPayload);
        assert.deepEqual(formBook.worksheets.map((s) => s.getCell('H2').value), ['stttt', 'bcvt', 'cntt'], 'one sheet per unit of the subtree');
        const sheet = formBook.worksheets[0]!;
        const qrRow = formRowOf(sheet, 'qr.scans');
        assert.equal(sheet.getCell(qrRow, 6).value, 11, 'this period in the input column');
        assert.equal(sheet.getCell(qrRow, 5).value, 7, "last period's value beside it");

        const table = await get('&format=xlsx&table=true', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', /filename="bang-chi-tieu-stttt-2022-04\.xlsx"/);
        assert.ok((await loadWorkbook(table.rawPayload)).getWorksheet('Bảng chỉ tiêu'));
        const range = await kit.call(viewer, 'GET', '/api/values/export?org=stttt&period=2022-03&format=xlsx&table=true&to=2022-04');
        assert.equal(range.statusCode, 200, range.body);
        assert.match(String(range.headers['content-disposition']), /bang-chi-tieu-stttt-2022-03_2022-04\.xlsx/);

        for (const [query, field] of [['&format=csv&table=true', 'querystring.table'], ['&format=xlsx&to=2022-05', 'querystring.to'], ['&format=xlsx&template=khong-co', 'querystring.template'], ['&format=pdf', 'querystring.format']] as const) {
          const bad = await kit.call(viewer, 'GET', `/api/values/export?org=stttt&period=2022-04${query}`);
          assert.ok(bad.statusCode === 400 || bad.statusCode === 404, `${query}: ${bad.statusCode}`);
          assert.equal(bad.json().field, field, query);
        }
      }));

    test('an Excel form round trip: export, fill, preview (nothing written), import (written and audited)', () =>
      withApi(database, async (kit) => {
        const office = await kit.login('vanphong');
        await seedValues(kit, office);
        const before = await stored(kit);
        const form = await kit.call(office, 'GET', '/api/values/export?org=stttt&period=2022-04&format=xlsx');
        assert.equal(form.statusCode, 200, form.body);
        const book = await loadWorkbook(form.rawPayload);
        const sheet = book.worksheets[0]!;
        sheet.getCell(formRowOf(sheet, 'qr.scans'), 6).value = 20;
        sheet.getCell(formRowOf(sheet, 'ioffice.docs_issued'), 6).value = 100;
        const filled = await saveWorkbook(book);

        const preview = await upload(kit, office, '/api/values/import?dryRun=true', filled, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
        assert.equal(preview.statusCode, 200, preview.body);
        const previewed = preview.json();
        assert.equal(previewed.status, 'SUCCESS');
        assert.equal(previewed.format, 'xlsx');
        assert.equal(previewed.dryRun, true);
        assert.deepEqual(previewed.importCount, { imported: 1, updated: 1, ignored: 1, deleted: 0 }, 'qr.scans updated, docs_issued new, the online dossiers unchanged');
        assert.deepEqual(await stored(kit), before, 'a dry run writes nothing');

        const imported = await upload(kit, office, '/api/values/import', filled);
        assert.equal(imported.statusCode, 200, imported.body);
        assert.equal(imported.json().dryRun, false);
        assert.deepEqual(imported.json().importCount, { imported: 1, updated: 1, ignored: 1, deleted: 0 });
        const after = await stored(kit);
        assert.ok(after.includes('stttt 2022-04 qr.scans=20') && after.includes('stttt 2022-04 ioffice.docs_issued=100'), after.join('\n'));
        const audit = await kit.store.audit.list({ action: 'data_value.import' });
        assert.ok(audit.some((e) => e.actor === 'vanphong'), 'the import is audited with who made it');
      }));

    test('a file with a conflict writes nothing and names the place; skipConflicts writes the valid rows', () =>
      withApi(database, async (kit) => {
        const office = await kit.login('vanphong');
        const csv = `${CSV_HEADER}\nqr.scans,202204,stttt,,,15,,,,,\nkhong.co,202204,stttt,,,3,,,,,\n`;
        const refused = await upload(kit, office, '/api/values/import', csv, 'text/csv');
        assert.equal(refused.statusCode, 400, refused.body);
        const error = refused.json();
        assert.equal(error.code, 'bad_request');
        assert.match(error.message, /Dòng 3: Chỉ tiêu "khong.co" chưa được khai báo.*Không ghi gì\./);
        assert.equal(error.details.importSummary.status, 'ERROR');
        assert.deepEqual(error.details.importSummary.conflicts.map((c: { indexes: number[] }) => c.indexes), [[3]]);
        assert.deepEqual(await stored(kit), []);

        const skipped = await upload(kit, office, '/api/values/import?skipConflicts=true', csv, 'text/csv');
        assert.equal(skipped.statusCode, 200, skipped.body);
        assert.equal(skipped.json().status, 'WARNING');
        assert.deepEqual(await stored(kit), ['stttt 2022-04 qr.scans=15']);

        // In an Excel form the conflict names the sheet, row and column.
        const form = await kit.call(office, 'GET', '/api/values/export?org=stttt&period=2022-04&format=xlsx');
        const book = await loadWorkbook(form.rawPayload);
        const sheet = book.worksheets[0]!;
        const row = formRowOf(sheet, 'qr.scans');
        sheet.getCell(row, 6).value = 'mười lăm';
        const bad = await upload(kit, office, '/api/values/import?dryRun=true', await saveWorkbook(book));
        assert.equal(bad.statusCode, 400, bad.body);
        assert.match(bad.json().message, new RegExp(`Trang '${sheet.name}', dòng ${row}, cột F`));
        assert.deepEqual(await stored(kit), ['stttt 2022-04 qr.scans=15']);
      }));

    test('scope and authentication: 401 without a session, 403 outside the subtree, 409 on a locked period; nothing written', () =>
      withApi(database, async (kit) => {
        const csv = (org: string) => `${CSV_HEADER}\nqr.scans,202204,${org},,,9,,,,,\n`;
        assert.equal((await kit.call(null, 'GET', '/api/values/export?org=stttt&period=2022-04')).statusCode, 401);
        assert.equal((await upload(kit, null, '/api/values/import', csv('stttt'))).statusCode, 401);
        const bcvt = await kit.login('bcvt');
        assert.equal((await kit.call(bcvt, 'GET', '/api/values/export?org=cntt&period=2022-04')).statusCode, 403);
        assert.equal((await kit.call(await kit.login('ngoai'), 'GET', '/api/values/export?org=stttt&period=2022-04&format=xlsx')).statusCode, 403);
        const outside = await upload(kit, bcvt, '/api/values/import?dryRun=true', csv('stttt'));
        assert.equal(outside.statusCode, 403, outside.body);
        assert.equal(outside.json().code, 'forbidden');
        const viewer = await upload(kit, await kit.login('ubndtinh'), '/api/values/import', csv('bcvt'));
        assert.equal(viewer.statusCode, 403, 'a viewer imports nothing');
        assert.equal((await upload(kit, bcvt, '/api/values/import', csv('bcvt'))).statusCode, 200, 'inside its own division');

        await issueAprilReport(kit.store);
        const locked = await upload(kit, bcvt, '/api/values/import', csv('bcvt').replace(',9,', ',10,'));
        assert.equal(locked.statusCode, 409, locked.body);
        assert.equal(locked.json().code, 'period_locked');
        assert.deepEqual(await stored(kit), ['bcvt 2022-04 qr.scans=9']);
      }));

    test('empty, corrupt, binary and oversized files get 400 or 413 in Vietnamese; only the upload routes take big bodies', () =>
      withApi(database, async (kit) => {
        const office = await kit.login('vanphong');
        const cases: [string, Uint8Array, number, RegExp][] = [
          ['an empty body', new Uint8Array(0), 400, /Tệp rỗng/],
          ['a corrupted zip', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8, 9]), 400, /Tệp XLSX bị hỏng/],
          ['a legacy code page', new Uint8Array([0x53, 0xe1, 0x6f, 0x0a]), 400, /UTF-8/],
          ['a JSON syntax error', new TextEncoder().encode('{"dataValues": ['), 400, /JSON sai cú pháp/],
          ['over 20 MB', new Uint8Array(20 * 1024 * 1024 + 1).fill(0x41), 413, /vượt giới hạn 20 MB/],
        ];
        for (const [name, bytes, status, message] of cases) {
          const response = await upload(kit, office, '/api/values/import', bytes);
          assert.equal(response.statusCode, status, `${name}: ${response.body.slice(0, 300)}`);
          assert.match(response.json().message, message, name);
        }
        assert.deepEqual(await stored(kit), []);
      }).then(() => withApi(database, async (kit) => {
        // A server with a 2 KB global limit still takes a bigger values file on the upload route.
        const office = await kit.login('vanphong');
        const big = { dataValues: Array.from({ length: 40 }, (_, i) => ({ dataElement: 'qr.scans', period: `20${10 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`, orgUnit: 'stttt', value: i })) };
        assert.equal((await kit.call(office, 'PUT', '/api/values', big)).statusCode, 413);
        const file = await upload(kit, office, '/api/values/import', JSON.stringify(big), 'application/json');
        assert.equal(file.statusCode, 200, file.body);
        assert.equal(file.json().importCount.imported, 40);
      }, { bodyLimit: 2048 })));

    test('the routes are described in /openapi.json', () =>
      withApi(database, async (kit) => {
        const spec = (await kit.call(null, 'GET', '/openapi.json')).json();
        const exportOp = spec.paths['/api/values/export'].get;
        assert.deepEqual(Object.keys(exportOp.responses['200'].content).sort(), ['application/adx+xml', 'application/json', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv']);
        const importOp = spec.paths['/api/values/import'].post;
        assert.ok(importOp.requestBody.content['application/octet-stream'], JSON.stringify(importOp.requestBody));
        assert.ok(importOp.parameters.some((p: { name: string }) => p.name === 'skipConflicts'));
        assert.ok(importOp.responses['200'].content['application/json'].schema.properties.conflicts);
      }));
  });
}
