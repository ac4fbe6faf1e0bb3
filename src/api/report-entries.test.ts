// Items, documents and plan items of a report through the API, on both databases:
// reporters write only their division's sections, the office the whole report; a
// stale version gets 409 with the current entry and nothing is lost; every write is
// audited; after issue every write gets 409 period_locked.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Store } from '../app/ports.ts';
import type { ReportInstance } from '../core/report-instance.ts';
import type { ReportTemplate } from '../core/report-template.ts';
import { testDatabases } from '../storage/testing/test-databases.ts';
import { withApi } from './testing/api-test-kit.ts';

const TEMPLATE: ReportTemplate = {
  code: 'stttt-thang', name: 'Báo cáo tháng của Sở', summary: 'Kết quả công tác {{ ky }}', closing: 'Trên đây là báo cáo.',
  sections: [
    { id: 'i', number: 'I', title: 'KẾT QUẢ', level: 1, owner: 'stttt', blocks: [], sections: [
      { id: 'i.1', number: '1', title: 'Bưu chính, viễn thông', level: 2, owner: 'bcvt', blocks: [{ type: 'items' }, { type: 'documents' }], sections: [] },
      { id: 'i.2', number: '2', title: 'Công nghệ thông tin', level: 2, owner: 'cntt', blocks: [{ type: 'items' }], sections: [] },
    ] },
    { id: 'ii', number: 'II', title: 'KẾ HOẠCH', level: 1, owner: 'stttt', blocks: [{ type: 'plan-review' }, { type: 'plan' }], sections: [] },
  ],
};

const INSTANCE: ReportInstance = {
  template: 'stttt-thang', orgUnit: 'stttt', period: '2022-04', number: null, date: null, place: 'Trà Vinh',
  governingBody: 'UBND TỈNH TRÀ VINH', issuingBody: 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG', symbol: 'BC-STTTT',
  recipients: ['Bộ TT&TT'], signer: { authority: 'KT. GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC', name: 'Nguyễn Văn A' },
  items: [{ id: 'bcvt-1', section: 'i.1', order: 1, text: 'Kiểm tra 05 điểm bưu chính.', owner: 'bcvt' }], documents: [], plan: [],
};

async function seedReport(store: Store): Promise<void> {
  await store.templates.upsertMany([TEMPLATE]);
  await store.reports.saveInstance(INSTANCE);
}

const URL = '/api/reports/stttt/2022-04';

for (const database of testDatabases()) {
  describe(database.name, { skip: database.skip }, () => {
    test('a report not created yet answers 404 on its entries', () =>
      withApi(database, async ({ call, login }) => {
        const [bcvt, cntt, vanphong, ngoai, ubndtinh] = await Promise.all(['bcvt', 'cntt', 'vanphong', 'ngoai', 'ubndtinh'].map(login));
        assert.ok(bcvt && cntt && vanphong && ngoai && ubndtinh);
        assert.equal((await call(bcvt, 'GET', `${URL}/items`)).statusCode, 404, 'no report yet');
      }));

    test('CRUD with scope, versions, audit and the issue lock', () =>
      withApi(database, async ({ call, login, store }) => {
        await seedReport(store);
        const [bcvt, cntt, vanphong, lanhdao, ngoai, ubndtinh] = await Promise.all(['bcvt', 'cntt', 'vanphong', 'lanhdao', 'ngoai', 'ubndtinh'].map(login));
        assert.ok(bcvt && cntt && vanphong && lanhdao && ngoai && ubndtinh);

        const listed = await call(cntt, 'GET', `${URL}/items`);
        assert.equal(listed.statusCode, 200, listed.body);
        assert.deepEqual(listed.json().entries.map((e: { id: string }) => e.id), ['bcvt-1']);
        assert.equal((await call(ngoai, 'GET', `${URL}/items`)).statusCode, 403);

        // Scope: a reporter writes in its own division's section, not the neighbour's.
        const created = await call(bcvt, 'POST', `${URL}/items`, { section: 'i.1', text: 'Cấp mới 13 giấy phép bưu chính.' });
        assert.equal(created.statusCode, 201, created.body);
        assert.equal(created.json().owner, 'bcvt');
        assert.equal(created.json().version, 1);
        assert.equal(created.json().order, 2);
        const id = created.json().id as string;
        for (const [caller, body] of [[cntt, { section: 'i.1', text: 'x' }], [bcvt, { section: 'i.2', text: 'x' }], [ubndtinh, { section: 'i.1', text: 'x' }], [ngoai, { section: 'i.1', text: 'x' }]] as const) {
          assert.equal((await call(caller, 'POST', `${URL}/items`, body)).statusCode, 403, JSON.stringify(body));
        }
        assert.equal((await call(bcvt, 'PATCH', `${URL}/items/${id}`, { section: 'i.2', version: 1 })).statusCode, 403, 'cannot move an item into another division');
        assert.equal((await call(cntt, 'DELETE', `${URL}/items/${id}?version=1`)).statusCode, 403);
        const office = await call(vanphong, 'POST', `${URL}/items`, { section: 'i.2', text: 'Văn phòng viết thay phòng CNTT.' });
        assert.equal(office.statusCode, 201, office.body);

        // Bad input names the field; nothing written.
        const unknownSection = await call(bcvt, 'POST', `${URL}/items`, { section: 'i.9', text: 'x' });
        assert.equal(unknownSection.statusCode, 400);
        assert.equal(unknownSection.json().field, 'body.section');
        const extra = await call(bcvt, 'POST', `${URL}/items`, { section: 'i.1', text: 'x', owner: 'cntt' });
        assert.equal(extra.statusCode, 400);
        assert.equal(extra.json().field, 'body.owner');
        assert.equal((await call(bcvt, 'PATCH', `${URL}/items/${id}`, { text: 'không có version' })).json().field, 'body.version');

        // Optimistic concurrency: the second writer with the old version loses nothing of the first.
        const first = await call(bcvt, 'PATCH', `${URL}/items/${id}`, { text: 'Cấp mới 14 giấy phép bưu chính.', version: 1 });
        assert.equal(first.statusCode, 200, first.body);
        assert.equal(first.json().version, 2);
        assert.equal(first.headers.etag, '"2"');
        const stale = await call(vanphong, 'PATCH', `${URL}/items/${id}`, { text: 'Bản cũ', version: 1 });
        assert.equal(stale.statusCode, 409);
        assert.equal(stale.json().code, 'conflict');
        assert.equal(stale.json().details.version, 2);
        assert.equal(stale.json().details.current.text, 'Cấp mới 14 giấy phép bưu chính.');
        assert.equal((await call(vanphong, 'DELETE', `${URL}/items/${id}`, undefined, { 'if-match': '"1"' })).statusCode, 409);
        assert.equal((await store.reports.listItems((await store.reports.find('stttt', '2022-04'))?.id ?? 0)).find((i) => i.id === id)?.text, 'Cấp mới 14 giấy phép bưu chính.');
        assert.equal((await call(vanphong, 'PATCH', `${URL}/items/nope`, { text: 'x', version: 1 })).statusCode, 404);

        // Documents and plan items.
        const doc = await call(bcvt, 'POST', `${URL}/documents`, { section: 'i.1', type: 'Công văn', number: '152', symbol: 'STTTT-BCVT', issuer: 'stttt', date: '2022-04-05', summary: 'về việc kiểm tra bưu chính' });
        assert.equal(doc.statusCode, 201, doc.body);
        assert.equal((await call(bcvt, 'POST', `${URL}/documents`, { type: 'Công văn', issuer: 'stttt', summary: 'không mục: thuộc văn phòng' })).statusCode, 403);
        assert.equal((await call(bcvt, 'POST', `${URL}/documents`, { section: 'i.1', type: 'Công văn', issuer: 'stttt', summary: 'x', date: '05/04/2022' })).json().field, 'body.date');
        assert.equal((await call(bcvt, 'POST', `${URL}/plan`, { text: 'Kế hoạch của phòng' })).statusCode, 403, 'the plan is the office\'s');
        const plan = await call(vanphong, 'POST', `${URL}/plan`, { text: 'Triển khai nền tảng địa chỉ số.' });
        assert.equal(plan.statusCode, 201, plan.body);
        assert.equal(plan.json().forPeriod, '2022-05');
        const deleted = await call(vanphong, 'DELETE', `${URL}/plan/${plan.json().id}?version=1`);
        assert.equal(deleted.statusCode, 204, deleted.body);
        assert.deepEqual((await call(vanphong, 'GET', `${URL}/plan`)).json().entries, []);

        const audit = await store.audit.list({ orgUnit: 'stttt', period: '2022-04' });
        const update = audit.find((e) => e.action === 'report_item.update');
        assert.equal(update?.actor, 'bcvt');
        assert.equal((update?.before as { text: string }).text, 'Cấp mới 13 giấy phép bưu chính.');
        assert.equal((update?.after as { text: string }).text, 'Cấp mới 14 giấy phép bưu chính.');
        assert.ok(audit.some((e) => e.action === 'report_plan_item.delete' && e.after === null));
        assert.ok(audit.some((e) => e.action === 'report_document.create'));

        // Issue, then every write is refused with period_locked and nothing changes.
        for (const part of ['bcvt', 'cntt']) await call(vanphong, 'POST', `${URL}/actions/submit`, { part });
        for (const [caller, action] of [[vanphong, 'compile'], [lanhdao, 'approve'], [lanhdao, 'issue']] as const) {
          assert.equal((await call(caller, 'POST', `${URL}/actions/${action}`, {})).statusCode, 200, action);
        }
        const locked = [
          await call(bcvt, 'POST', `${URL}/items`, { section: 'i.1', text: 'Muộn' }),
          await call(bcvt, 'PATCH', `${URL}/items/${id}`, { text: 'Muộn', version: 2 }),
          await call(vanphong, 'DELETE', `${URL}/documents/${doc.json().id}?version=1`),
          await call(vanphong, 'POST', `${URL}/plan`, { text: 'Muộn' }),
        ];
        for (const response of locked) {
          assert.equal(response.statusCode, 409, response.body);
          assert.equal(response.json().code, 'period_locked');
        }
        assert.equal((await call(ngoai, 'PATCH', `${URL}/items/${id}`, { text: 'x', version: 2 })).statusCode, 403, 'scope is checked before the lock');
        assert.equal((await call(bcvt, 'GET', `${URL}/items`)).json().entries.length, 3);
      }));
  });
}
