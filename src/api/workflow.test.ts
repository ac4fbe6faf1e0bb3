// The monthly workflow through the API, on both databases: divisions submit, the
// office compiles, the leader approves and issues (number and date), later writes
// get 409 period_locked, an admin reopens with a reason.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ReportInstance } from '../core/report-instance.ts';
import type { ReportTemplate } from '../core/report-template.ts';
import type { Store } from '../app/ports.ts';
import { testDatabases } from '../storage/testing/test-databases.ts';
import { withApi } from './testing/api-test-kit.ts';

export const TEMPLATE: ReportTemplate = {
  code: 'stttt-thang',
  name: 'Báo cáo tháng của Sở',
  summary: 'Kết quả công tác {{ ky }}',
  closing: 'Trên đây là báo cáo.',
  sections: [
    { id: 'i', number: 'I', title: 'KẾT QUẢ', level: 1, blocks: [], sections: [
      { id: 'i.1', number: '1', title: 'Bưu chính, viễn thông', level: 2, owner: 'bcvt', blocks: [{ type: 'text', liquid: 'Quét QR: {{ qr.scans | so }} lượt.' }, { type: 'items' }], sections: [] },
      { id: 'i.2', number: '2', title: 'Công nghệ thông tin', level: 2, owner: 'cntt', blocks: [{ type: 'items' }], sections: [] },
    ] },
  ],
};

export const INSTANCE: ReportInstance = {
  template: 'stttt-thang', orgUnit: 'stttt', period: '2022-04', number: null, date: null, place: 'Trà Vinh',
  governingBody: 'UBND TỈNH TRÀ VINH', issuingBody: 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG', symbol: 'BC-STTTT',
  recipients: ['Bộ TT&TT'], signer: { authority: 'KT. GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC', name: 'Nguyễn Văn A' },
  items: [{ id: 'bcvt-1', section: 'i.1', order: 1, text: 'Kiểm tra 05 điểm bưu chính.', owner: 'bcvt' }], documents: [], plan: [],
};

export async function seedReport(store: Store): Promise<void> {
  await store.templates.upsertMany([TEMPLATE]);
  await store.reports.saveInstance(INSTANCE);
}

const URL = '/api/reports/stttt/2022-04';
const qrValue = (orgUnit: string, value: number) => ({ dataValues: [{ dataElement: 'qr.scans', period: '2022-04', orgUnit, value }] });

for (const database of testDatabases()) {
  describe(database.name, { skip: database.skip }, () => {
    test('submit → compile → approve → issue, then locked; admin reopens with a reason', () =>
      withApi(database, async ({ call, login, store }) => {
        await seedReport(store);
        const [bcvt, cntt, vanphong, lanhdao, quantri, ngoai] = await Promise.all(['bcvt', 'cntt', 'vanphong', 'lanhdao', 'quantri', 'ngoai'].map(login)) as [Awaited<ReturnType<typeof login>>, ...Awaited<ReturnType<typeof login>>[]];
        assert.ok(cntt && vanphong && lanhdao && quantri && ngoai);

        const first = await call(bcvt, 'GET', URL);
        assert.equal(first.statusCode, 200, first.body);
        assert.deepEqual(first.json().workflow.parts.map((p: { division: string; status: string }) => [p.division, p.status]), [['bcvt', 'draft'], ['cntt', 'draft']]);
        assert.equal((await call(ngoai, 'GET', URL)).statusCode, 403);

        assert.equal((await call(bcvt, 'POST', `${URL}/actions/submit`, { part: 'cntt' })).statusCode, 403, 'a reporter submits only its own division');
        assert.equal((await call(bcvt, 'POST', `${URL}/actions/compile`, {})).statusCode, 403);
        assert.equal((await call(bcvt, 'POST', `${URL}/actions/submit`, { part: 'bcvt' })).statusCode, 200);
        const early = await call(vanphong, 'POST', `${URL}/actions/compile`, {});
        assert.equal(early.statusCode, 409);
        assert.equal(early.json().code, 'invalid_transition');
        assert.match(early.json().message, /chưa gửi phần báo cáo: Phòng Công nghệ thông tin/);
        assert.equal((await call(cntt, 'POST', `${URL}/actions/submit`, { part: 'cntt' })).statusCode, 200);
        const returned = await call(vanphong, 'POST', `${URL}/actions/return`, { part: 'cntt' });
        assert.equal(returned.statusCode, 400);
        assert.equal(returned.json().field, 'body.reason');
        assert.equal((await call(vanphong, 'POST', `${URL}/actions/return`, { part: 'cntt', reason: 'Thiếu số liệu' })).statusCode, 200);
        assert.equal((await call(cntt, 'POST', `${URL}/actions/submit`, { part: 'cntt' })).statusCode, 200);

        const compiled = await call(vanphong, 'POST', `${URL}/actions/compile`, {});
        assert.equal(compiled.json().status, 'compiled');
        assert.equal((await call(vanphong, 'POST', `${URL}/actions/approve`, {})).statusCode, 403);
        const stale = await call(lanhdao, 'POST', `${URL}/actions/approve`, { version: compiled.json().version - 1 });
        assert.equal(stale.statusCode, 409);
        assert.equal(stale.json().code, 'conflict');
        assert.equal((await call(lanhdao, 'POST', `${URL}/actions/approve`, { version: compiled.json().version })).statusCode, 200);
        const issued = await call(lanhdao, 'POST', `${URL}/actions/issue`, {});
        assert.equal(issued.statusCode, 200, issued.body);
        assert.equal(issued.json().status, 'issued');
        assert.equal(issued.json().numberText, '01/BC-STTTT');
        assert.match(issued.json().date, /^\d{4}-\d{2}-\d{2}$/);

        for (const [caller, unit] of [[bcvt, 'bcvt'], [vanphong, 'stttt']] as const) {
          const locked = await call(caller, 'PUT', '/api/values', qrValue(unit, 3));
          assert.equal(locked.statusCode, 409, locked.body);
          assert.equal(locked.json().code, 'period_locked');
        }
        assert.deepEqual(await store.dataValues.find({ periods: ['2022-04'] }), []);
        assert.equal((await call(bcvt, 'PUT', '/api/values', { dataValues: [{ dataElement: 'qr.scans', period: '2022-05', orgUnit: 'bcvt', value: 1 }] })).statusCode, 200, 'the next month stays open');

        const markdown = await call(ngoai, 'GET', `${URL}.md`);
        assert.equal(markdown.statusCode, 403);
        const md = await call(lanhdao, 'GET', `${URL}.md`);
        assert.equal(md.statusCode, 200, md.body);
        assert.match(String(md.headers['content-type']), /text\/markdown/);
        assert.match(md.body, /01\/BC-STTTT/);
        assert.match(String(md.headers['content-disposition']), /filename\*=UTF-8''B%C3%A1o%20c%C3%A1o%20th%C3%A1ng%204%20n%C4%83m%202022/);
        assert.equal((await call(lanhdao, 'GET', `${URL}.odt`)).json().field, 'params.period');

        assert.equal((await call(lanhdao, 'POST', `${URL}/actions/reopen`, { reason: 'Sai số' })).statusCode, 403);
        assert.equal((await call(quantri, 'POST', `${URL}/actions/reopen`, {})).json().field, 'body.reason');
        const reopened = await call(quantri, 'POST', `${URL}/actions/reopen`, { reason: 'Sai số liệu QR' });
        assert.equal(reopened.json().status, 'draft');
        // Reopened, the report is a draft again, but the division's part stays submitted
        // (read-only for it) until the office returns it with a reason.
        const stillSubmitted = await call(bcvt, 'PUT', '/api/values', qrValue('bcvt', 3));
        assert.equal(stillSubmitted.statusCode, 409, stillSubmitted.body);
        assert.equal(stillSubmitted.json().details.reason, 'part_submitted');
        assert.equal((await call(vanphong, 'POST', `${URL}/actions/return`, { part: 'bcvt', reason: 'Sửa số liệu QR' })).statusCode, 200);
        assert.equal((await call(bcvt, 'PUT', '/api/values', qrValue('bcvt', 3))).statusCode, 200);

        const events = await store.audit.list({ orgUnit: 'stttt', period: '2022-04' });
        const issue = events.find((e) => e.action === 'report.issue');
        assert.equal(issue?.actor, 'lanhdao');
        assert.deepEqual(issue?.before, { status: 'approved', number: null, date: null });
        assert.equal((issue?.after as { number: number }).number, 1);
        assert.ok(events.some((e) => e.action === 'report.reopen' && (e.after as { reason: string }).reason === 'Sai số liệu QR'));
      }));
  });
}
