// Templates, validation, completeness and audit through the API, on both databases:
// each answers inside the caller's scope only and names the field of a bad query.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { testDatabases } from '../storage/testing/test-databases.ts';
import { withApi } from './testing/api-test-kit.ts';

const TEMPLATE = {
  code: 'stttt-thang', name: 'Báo cáo tháng của Sở', summary: 'Kết quả công tác {{ ky }}', closing: 'Trên đây là báo cáo.',
  sections: [{ id: 'i.1', number: '1', title: 'Bưu chính', level: 1 as const, owner: 'bcvt', blocks: [{ type: 'items' as const }], sections: [] }],
};

for (const database of testDatabases()) {
  describe(database.name, { skip: database.skip }, () => {
    test('templates, validation, completeness and audit answer within scope', () =>
      withApi(database, async ({ call, login, store }) => {
        await store.templates.upsertMany([TEMPLATE]);
        await store.reports.saveInstance({
          template: 'stttt-thang', orgUnit: 'stttt', period: '2022-04', number: null, date: null, place: 'Trà Vinh', governingBody: 'UBND', issuingBody: 'SỞ', symbol: 'BC-STTTT',
          recipients: [], signer: { authority: null, title: 'GIÁM ĐỐC', name: 'A' }, items: [], documents: [], plan: [],
        });
        const [bcvt, vanphong, lanhdao, ubndtinh, ngoai, quantri] = await Promise.all(['bcvt', 'vanphong', 'lanhdao', 'ubndtinh', 'ngoai', 'quantri'].map(login));
        assert.ok(bcvt && vanphong && lanhdao && ubndtinh && ngoai && quantri);

        assert.equal((await call(ngoai, 'GET', '/api/templates/stttt-thang')).json().sections[0].owner, 'bcvt');
        assert.equal((await call(null, 'GET', '/api/templates/stttt-thang')).statusCode, 401);

        const validation = await call(ubndtinh, 'GET', '/api/validation?org=stttt&period=202204');
        assert.equal(validation.statusCode, 200, validation.body);
        assert.equal(validation.json().period, '2022-04');
        assert.equal((await call(ngoai, 'GET', '/api/validation?org=stttt&period=2022-04')).statusCode, 403);
        assert.equal((await call(ubndtinh, 'GET', '/api/validation?org=stttt&period=2022-13')).json().field, 'querystring.period');
        assert.equal((await call(ubndtinh, 'GET', '/api/validation?org=stttt&period=2022-04&x=1')).json().field, 'querystring.x');

        // The office submits bcvt's part on time (the clock says 14/4/2022 in Việt Nam).
        assert.equal((await call(bcvt, 'POST', '/api/reports/stttt/2022-04/actions/submit', { part: 'bcvt' })).statusCode, 200);
        const completeness = await call(ubndtinh, 'GET', '/api/completeness?org=tv&period=2022-04');
        assert.equal(completeness.statusCode, 200, completeness.body);
        const parts = completeness.json().reports[0].parts as { division: string; timeliness: string }[];
        assert.deepEqual(parts.map((p) => [p.division, p.timeliness]), [['bcvt', 'on_time']]);
        assert.deepEqual(completeness.json().counts, { on_time: 1, late: 0, missing: 0 });
        assert.equal((await call(ngoai, 'GET', '/api/completeness?org=tv&period=2022-04')).statusCode, 403);

        const audit = await call(vanphong, 'GET', '/api/audit?org=stttt&kind=report');
        assert.equal(audit.statusCode, 200, audit.body);
        assert.deepEqual(audit.json().events.map((e: { action: string; actor: string }) => [e.action, e.actor]), [['report.submit', 'bcvt']]);
        assert.equal((await call(lanhdao, 'GET', '/api/audit?user=bcvt')).json().events.length, 1);
        for (const caller of [bcvt, ubndtinh, ngoai]) assert.equal((await call(caller, 'GET', '/api/audit?org=stttt')).statusCode, 403);
        assert.ok((await call(quantri, 'GET', '/api/audit?kind=user.create')).json().events.length >= 7, 'admins see account events');
        assert.equal((await call(vanphong, 'GET', '/api/audit?kind=user.create')).json().events.length, 0, 'unit-less events are for admins');
      }, { now: () => new Date('2022-04-14T10:00:00Z') }));
  });
}
