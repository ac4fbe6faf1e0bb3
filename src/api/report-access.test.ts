// Who reads and writes which report (issue 12, points 1 and 2 of the attack): a report
// is read with read scope over its unit or by owning a section of that very report; an
// entry is written with write scope over its section's owner, the owner being under
// the report's unit. On both databases, through the API.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { issueApiToken } from '../app/accounts/issue-api-token.ts';
import type { Store } from '../app/ports.ts';
import type { ReportInstance } from '../core/report-instance.ts';
import type { ReportTemplate } from '../core/report-template.ts';
import { buildOrgUnit } from '../storage/testing/fixtures.ts';
import { testDatabases } from '../storage/testing/test-databases.ts';
import { secrets, withApi } from './testing/api-test-kit.ts';

// The department's template: sections owned by its divisions.
const DEPARTMENT_TEMPLATE: ReportTemplate = {
  code: 'so-thang', name: 'Báo cáo tháng của Sở', summary: 'Kết quả công tác', closing: 'Trên đây là báo cáo.',
  sections: [
    { id: 'i', number: 'I', title: 'KẾT QUẢ', level: 1, owner: 'stttt', blocks: [{ type: 'items' }], sections: [
      { id: 'i.1', number: '1', title: 'Bưu chính', level: 2, owner: 'bcvt', blocks: [{ type: 'items' }, { type: 'documents' }], sections: [] },
      { id: 'i.2', number: '2', title: 'Công nghệ thông tin', level: 2, owner: 'cntt', blocks: [{ type: 'items' }], sections: [] },
    ] },
    { id: 'ii', number: 'II', title: 'KẾ HOẠCH', level: 1, owner: 'stttt', blocks: [{ type: 'plan' }], sections: [] },
  ],
};

// The province's template: one section per department.
const PROVINCE_TEMPLATE: ReportTemplate = {
  code: 'tinh-thang', name: 'Báo cáo tháng của tỉnh', summary: 'Tình hình kinh tế - xã hội', closing: 'Trên đây là báo cáo.',
  sections: [
    { id: 'i', number: 'I', title: 'CHUNG', level: 1, owner: 'tv', blocks: [{ type: 'items' }], sections: [] },
    { id: 'ii', number: 'II', title: 'THÔNG TIN VÀ TRUYỀN THÔNG', level: 1, owner: 'stttt', blocks: [{ type: 'items' }, { type: 'plan' }], sections: [] },
  ],
};

function instance(orgUnit: string, template: string, items: ReportInstance['items']): ReportInstance {
  return {
    template, orgUnit, period: '2022-05', number: null, date: null, place: 'Trà Vinh', governingBody: 'UBND', issuingBody: 'ĐƠN VỊ', symbol: 'BC',
    recipients: [], signer: { authority: null, title: 'GIÁM ĐỐC', name: 'A' }, items, documents: [], plan: [],
  };
}

/** The province, its department, a district beside the department (as tv-canglong), each with a May report. */
async function seedReports(store: Store): Promise<void> {
  await store.orgUnits.upsertMany([buildOrgUnit({ code: 'huyen', name: 'Huyện Càng Long', parentCode: 'tv', level: 2, path: '/tv/huyen', kind: 'district' })]);
  await store.templates.upsertMany([DEPARTMENT_TEMPLATE, PROVINCE_TEMPLATE]);
  await store.reports.saveInstance(instance('stttt', 'so-thang', [{ id: 'bcvt-1', section: 'i.1', order: 1, text: 'Của phòng BCVT.' }]));
  await store.reports.saveInstance(instance('tv', 'tinh-thang', [{ id: 'tinh-1', section: 'ii', order: 1, text: 'Của Sở TT&TT trong báo cáo tỉnh.' }]));
  // The district reuses the department's template: its sections name divisions that are not under it.
  await store.reports.saveInstance(instance('huyen', 'so-thang', [{ id: 'huyen-1', section: 'i.1', order: 1, text: 'Của huyện.' }]));
}

const READS = (org: string) => [`/api/reports/${org}/2022-05`, `/api/reports/${org}/2022-05.md`, `/api/reports/${org}/2022-05/items`, `/api/reports/${org}/2022-05/documents`, `/api/reports/${org}/2022-05/plan`];

for (const database of testDatabases()) {
  describe(database.name, { skip: database.skip }, () => {
    test('a division cannot write into another unit\'s report, even in a section its template gives the division', () =>
      withApi(database, async ({ call, login, store }) => {
        await seedReports(store);
        const [bcvt, vanphong] = [await login('bcvt'), await login('vanphong')];
        const before = await store.reports.listItems((await store.reports.find('huyen', '2022-05'))?.id ?? 0);

        const created = await call(bcvt, 'POST', '/api/reports/huyen/2022-05/items', { section: 'i.1', text: 'Ghi vào báo cáo huyện.' });
        assert.equal(created.statusCode, 403, created.body);
        assert.equal(created.json().code, 'forbidden');
        const edited = await call(vanphong, 'PATCH', '/api/reports/huyen/2022-05/items/huyen-1', { text: 'Sửa báo cáo huyện.', version: 1 });
        assert.equal(edited.statusCode, 403, edited.body);
        const deleted = await call(vanphong, 'DELETE', '/api/reports/huyen/2022-05/items/huyen-1?version=1');
        assert.equal(deleted.statusCode, 403, deleted.body);
        assert.deepEqual(await store.reports.listItems((await store.reports.find('huyen', '2022-05'))?.id ?? 0), before, 'nothing written');

        // Nor act on a part there: its division has no part in the district's report.
        const submitted = await call(bcvt, 'POST', '/api/reports/huyen/2022-05/actions/submit', { part: 'bcvt' });
        assert.equal(submitted.statusCode, 403, submitted.body);

        // Its own department's report still takes its section.
        assert.equal((await call(bcvt, 'POST', '/api/reports/stttt/2022-05/items', { section: 'i.1', text: 'Phần của phòng.' })).statusCode, 201);
        // The province administrator writes the district's report whatever the template says.
        assert.equal((await call(await login('quantri'), 'POST', '/api/reports/huyen/2022-05/items', { section: 'i.1', text: 'Quản trị ghi.' })).statusCode, 201);
      }));

    test('a division reads its own department\'s report, not the province\'s nor a neighbour\'s; nor does a token narrowed to it', () =>
      withApi(database, async ({ call, login, store }) => {
        await seedReports(store);
        const bcvt = await login('bcvt');
        const { token } = await issueApiToken({ store, secrets, username: 'quantri', name: 'xem phòng BCVT', grants: [{ role: 'viewer', orgUnit: 'bcvt' }], actor: 'test' });
        for (const caller of [bcvt, { bearer: token }]) {
          for (const url of [...READS('tv'), ...READS('huyen')]) {
            const response = await call(caller, 'GET', url);
            assert.equal(response.statusCode, 403, `${url}: ${response.body}`);
            assert.equal(response.json().code, 'forbidden');
          }
          for (const url of READS('stttt')) assert.equal((await call(caller, 'GET', url)).statusCode, 200, url);
        }
        // The department owns a section of the province's report: its office reads it, not the district's.
        const vanphong = await login('vanphong');
        for (const url of READS('tv')) assert.equal((await call(vanphong, 'GET', url)).statusCode, 200, url);
        for (const url of READS('huyen')) assert.equal((await call(vanphong, 'GET', url)).statusCode, 403, url);
        // Out of every scope: refused whether the report exists or not.
        const ngoai = await login('ngoai');
        assert.equal((await call(ngoai, 'GET', '/api/reports/stttt/2022-05')).statusCode, 403);
        assert.equal((await call(ngoai, 'GET', '/api/reports/stttt/2022-06')).statusCode, 403);
        // A division of the department learns that its department's report is not made yet.
        assert.equal((await call(bcvt, 'GET', '/api/reports/stttt/2022-06')).statusCode, 404);
      }));
  });
}
