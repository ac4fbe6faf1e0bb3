// May 2022 over real HTTP, as the demo department's people run it: a fresh SQLite
// database, `demo load` (March and April issued, May open, data and demo accounts), the
// server on a free port with the clock on 13/5/2022. Everyone lands on May; divisions
// enter their own figures (never the department's), the office returns a part with a
// reason the division reads, compiles, the leader approves and issues (number and
// date appear, "DỰ THẢO" goes), the office opens June with May's plan to review.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { createDemoAccounts, DEMO_ACCOUNTS, DEMO_PASSWORD } from '../app/accounts/create-demo-accounts.ts';
import { loadDemo } from '../app/metadata/load-demo.ts';
import { loadDemo as readDemoFiles } from '../exchange/demo/load-demo.ts';
import { testDatabases } from '../storage/testing/test-databases.ts';
import { nodeSecrets, TEST_ARGON2_COST } from './auth/node-secrets.ts';
import { buildServer } from './server.ts';

interface Session { readonly cookie: string; readonly csrf: string }
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the test reads JSON fields ad hoc
type Json = Record<string, any>;

const sqlite = testDatabases().find((d) => d.name === 'SQLite');
const MAY = '/api/reports/stttt-travinh/2022-05';
const NOW = new Date('2022-05-13T02:00:00Z');

test('May 2022 of the demo department over HTTP: land on May, enter once, return with a reason, compile, approve, issue, open June', { skip: !sqlite }, () =>
  sqlite?.withStore(async (store) => {
    const secrets = nodeSecrets(TEST_ARGON2_COST);
    const demo = readDemoFiles();
    assert.deepEqual(demo.problems, []);
    assert.equal((await loadDemo({ store, demo })).status, 'SUCCESS');
    assert.equal((await createDemoAccounts({ store, secrets })).created.length, DEMO_ACCOUNTS.length);
    assert.deepEqual((await createDemoAccounts({ store, secrets })).created, [], 'a second demo load creates no account');

    const app = await buildServer({ store, secrets, logger: false, now: () => NOW });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    try {
      const http = async (who: Session | null, method: string, path: string, body?: unknown) => {
        const response = await fetch(`${base}${path}`, {
          method,
          headers: {
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
            ...(who ? { cookie: who.cookie, 'x-csrf-token': who.csrf } : {}),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
        const text = await response.text();
        return { status: response.status, text, json: () => JSON.parse(text) as Json };
      };
      const login = async (username: string): Promise<Session> => {
        const response = await fetch(`${base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
        assert.equal(response.status, 200, `login ${username}`);
        const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
        return { cookie, csrf: ((await response.json()) as { csrfToken: string }).csrfToken };
      };
      const who = Object.fromEntries(await Promise.all(DEMO_ACCOUNTS.map(async (a) => [a.username, await login(a.username)] as const))) as Record<string, Session>;
      const { bcvt, thanhtra, ttcntt, ttbcxb, vanphong, lanhdao, ubndtinh } = who as Record<string, Session>;
      assert.ok(bcvt && thanhtra && ttcntt && ttbcxb && vanphong && lanhdao && ubndtinh);
      const values = (orgUnit: string, rows: [string, number, string?][]) => ({ dataValues: rows.map(([dataElement, value, combo]) => ({ dataElement, period: '2022-05', orgUnit, value, ...(combo ? { categoryOptionCombo: combo } : {}) })) });

      // Everyone lands on the open month, May 2022; March and April are issued.
      for (const [name, session] of Object.entries(who)) {
        const periods = await http(session, 'GET', '/api/periods');
        assert.equal(periods.status, 200, `${name}: ${periods.text}`);
        assert.deepEqual(periods.json()['landing'], { orgUnit: 'stttt-travinh', period: '2022-05' }, name);
        assert.deepEqual(periods.json()['reports'].map((r: Json) => [r.period, r.status, r.numberText]), [['2022-05', 'draft', null], ['2022-04', 'issued', '05/BC-STTTT'], ['2022-03', 'issued', '04/BC-STTTT']], name);
      }
      const units = (await http(vanphong, 'GET', '/api/periods')).json()['units'] as Json[];
      assert.deepEqual(units.map((u) => [u.orgUnit, u.canCreate, u.nextPeriod?.period]), [['stttt-travinh', true, '2022-06']]);
      assert.equal((await http(bcvt, 'GET', '/api/periods')).json()['units'][0].canCreate, false);

      // A division's first screen answers 200: its report, its cells, its items, its figures.
      const first = await http(bcvt, 'GET', MAY);
      assert.equal(first.status, 200, first.text);
      const workflow = first.json()['workflow'];
      assert.equal(workflow.deadline, '2022-05-15');
      assert.equal(first.json()['model'].draft, true);
      assert.equal(first.json()['model'].number, null);
      const bcvtPart = workflow.parts.find((p: Json) => p.division === 'stttt-bcvt');
      assert.deepEqual([bcvtPart.name, bcvtPart.editable, bcvtPart.actions], ['Phòng Bưu chính, Viễn thông và Công nghệ thông tin', true, ['submit']]);
      assert.equal(workflow.parts.find((p: Json) => p.division === 'stttt-ttra').editable, false);
      assert.deepEqual(workflow.actions, [], 'a division compiles nothing');
      assert.equal(first.json()['sections'].find((s: Json) => s.id === 'i.2').editable, true);
      assert.equal(first.json()['sections'].find((s: Json) => s.id === 'ii.3').editable, false);
      for (const path of [`${MAY}/items`, `${MAY}/documents`, `${MAY}/plan`, `${MAY}/form`, '/api/values?org=stttt-bcvt&period=2022-05', '/api/validation?org=stttt-bcvt&period=2022-05', '/api/notifications', '/api/orgunits']) {
        assert.equal((await http(bcvt, 'GET', path)).status, 200, path);
      }
      const form = (await http(bcvt, 'GET', `${MAY}/form`)).json();
      const mine = (form['cells'] as Json[]).filter((c) => c.reportingUnit === 'stttt-bcvt');
      assert.ok(mine.some((c) => c.indicator === 'ioffice.docs_issued' && c.editable && c.sectionNumber === 'I.4.a'));
      assert.ok((form['cells'] as Json[]).filter((c) => c.reportingUnit !== 'stttt-bcvt').every((c) => !c.editable));
      assert.deepEqual(form['conflicts'], []);
      const orgUnits = (await http(bcvt, 'GET', '/api/orgunits')).json()['orgUnits'] as Json[];
      assert.deepEqual(orgUnits.map((u) => [u.code, u.name, u.kindLabel]), [['stttt-bcvt', 'Phòng Bưu chính, Viễn thông và Công nghệ thông tin', 'Phòng']]);

      // Each figure is entered once, by its unit; the department's own unit refuses it.
      const ownFigures = await http(bcvt, 'PUT', '/api/values', values('stttt-bcvt', [['ioffice.docs_issued', 21000], ['ioffice.docs_signed', 16800]]));
      assert.equal(ownFigures.status, 200, ownFigures.text);
      const onDepartment = await http(vanphong, 'PUT', '/api/values', values('stttt-travinh', [['ioffice.docs_issued', 21000]]));
      assert.equal(onDepartment.status, 400);
      assert.match(onDepartment.json()['message'], /do Phòng Bưu chính, Viễn thông và Công nghệ thông tin \(stttt-bcvt\) nhập/);
      assert.equal((await http(bcvt, 'PUT', '/api/values', values('stttt-travinh', [['ioffice.docs_issued', 1]]))).status, 403, 'out of scope first');
      const petitions = await http(ttcntt, 'PUT', '/api/values', values('stttt-ttcntt', [['app1022.petitions_total', 170], ['app1022.petitions_total', 56, 'petition_status=handled'], ['app1022.petitions_total', 112, 'petition_status=in_progress']]));
      assert.equal(petitions.status, 200, petitions.text);

      // A stale save says whose value is stored and what the writer tried.
      const stale = await http(vanphong, 'PUT', '/api/values', { dataValues: [{ dataElement: 'ioffice.docs_issued', period: '2022-05', orgUnit: 'stttt-bcvt', value: 21500, base: 20000 }] });
      assert.equal(stale.status, 409);
      assert.deepEqual((({ value, base, current, storedBy, storedByName }) => ({ value, base, current, storedBy, storedByName }))(stale.json()['details'].stale[0]),
        { value: 21500, base: 20000, current: 21000, storedBy: 'bcvt', storedByName: 'Phòng BCVT-CNTT (mẫu)' });

      // The approver's findings are the dashboard's, linked to the cell of the unit that enters it, with its explanation.
      const explained = await http(ttcntt, 'PUT', '/api/explanations', { orgUnit: 'stttt-ttcntt', period: '2022-05', dataElement: 'app1022.petitions_total', text: 'Hai phản ánh bị trùng, đã gộp.' });
      assert.equal(explained.status, 200, explained.text);
      assert.equal(explained.json()['explanation'].authorName, 'Trung tâm CNTT&TT (mẫu)');
      assert.equal((await http(ttcntt, 'PUT', '/api/explanations', { orgUnit: 'stttt-travinh', period: '2022-05', dataElement: 'app1022.petitions_total', text: 'x' })).status, 403);
      const report = (await http(lanhdao, 'GET', MAY)).json();
      const dashboard = (await http(lanhdao, 'GET', '/api/validation?org=stttt-travinh&period=2022-05')).json();
      assert.deepEqual(report['findings'].map((f: Json) => f.message), [...dashboard['findings'], ...dashboard['reportFindings']].map((f: Json) => f.message));
      const sum = (report['findings'] as Json[]).find((f) => f.rule === 'implied:parts_sum:app1022.petitions_total:petition_status');
      assert.ok(sum, 'the 170 ≠ 56 + 112 finding stays after the explanation');
      assert.equal(sum.ruleName, 'Tổng các phân tổ theo «Tình trạng xử lý» của «Phản ánh tiếp nhận qua tổng đài 1022 (lũy kế)»');
      assert.deepEqual(sum.targets, [{ kind: 'cell', indicator: 'app1022.petitions_total', indicatorName: 'Phản ánh tiếp nhận qua tổng đài 1022 (lũy kế)', orgUnit: 'stttt-ttcntt', orgUnitName: 'Trung tâm Công nghệ thông tin và Truyền thông', period: '2022-05' }]);
      assert.deepEqual(sum.explanations.map((e: Json) => e.text), ['Hai phản ánh bị trùng, đã gộp.']);
      const missing = (report['findings'] as Json[]).find((f) => f.rule === 'report:missing_value:i.4.a');
      assert.match(missing?.message ?? '', /^Mục I\.4\.a «Ứng dụng CNTT phục vụ hoạt động của cơ quan nhà nước»: chưa có số liệu «Cơ quan sử dụng iOffice»/);
      assert.ok(!(report['findings'] as Json[]).some((f) => /bộ lọc|\[level=/.test(f.message)), 'no raw codes in messages');

      // Submit; the office returns it with a reason the division reads, on the report and in its notifications.
      assert.equal((await http(bcvt, 'POST', `${MAY}/actions/submit`, { part: 'stttt-bcvt' })).status, 200);
      const readOnly = await http(bcvt, 'PUT', '/api/values', values('stttt-bcvt', [['ioffice.docs_issued', 21001]]));
      assert.equal(readOnly.status, 409);
      assert.equal(readOnly.json()['details'].reason, 'part_submitted');
      assert.equal((await http(bcvt, 'POST', `${MAY}/items`, { section: 'i.2', text: 'Muộn' })).json()['details'].reason, 'part_submitted');
      const submitted = (await http(bcvt, 'GET', MAY)).json()['workflow'].parts.find((p: Json) => p.division === 'stttt-bcvt');
      assert.deepEqual([submitted.editable, submitted.actions], [false, []]);
      assert.match(submitted.lockedReason, /đã gửi nên chỉ xem được cho đến khi được trả lại/);
      assert.ok((await http(vanphong, 'GET', '/api/notifications')).json()['notifications'].some((n: Json) => n.kind === 'submitted' && n.part === 'stttt-bcvt'));
      assert.equal((await http(vanphong, 'POST', `${MAY}/actions/return`, { part: 'stttt-bcvt', reason: 'Thiếu số chứng thư số cấp mới' })).status, 200);
      const returned = (await http(bcvt, 'GET', MAY)).json()['workflow'].parts.find((p: Json) => p.division === 'stttt-bcvt');
      assert.deepEqual([returned.status, returned.reason, returned.returnedBy, returned.returnedByName, returned.editable], ['draft', 'Thiếu số chứng thư số cấp mới', 'vanphong', 'Văn phòng Sở (mẫu)', true]);
      const told = (await http(bcvt, 'GET', '/api/notifications')).json()['notifications'] as Json[];
      assert.equal(told[0]?.kind, 'deadline', 'the deadline of 15/5 is two days away');
      assert.match(told[0]?.title ?? '', /^Hạn nộp báo cáo tháng 5 năm 2022 là 15\/05\/2022 \(còn 2 ngày\)/);
      const returnNotice = told.find((n) => n.kind === 'returned');
      assert.equal(returnNotice?.title, 'Văn phòng Sở (mẫu) đã trả lại phần báo cáo tháng 5 năm 2022 của Phòng Bưu chính, Viễn thông và Công nghệ thông tin: Thiếu số chứng thư số cấp mới');
      assert.ok(!(await http(thanhtra, 'GET', '/api/notifications')).json()['notifications'].some((n: Json) => n.kind === 'returned'), 'another division is not told');
      // The bell counts what is unread; a notice marked read stays read, for that user only.
      const unread = (await http(bcvt, 'GET', '/api/notifications')).json()['unread'] as number;
      assert.equal(unread, told.length);
      const marked = await http(bcvt, 'POST', '/api/notifications/read', { ids: [returnNotice?.id, 'audit:khong-co'] });
      assert.equal(marked.status, 200, marked.text);
      assert.deepEqual(marked.json(), { marked: 1, notListed: ['audit:khong-co'], unread: unread - 1 });
      const afterMark = (await http(bcvt, 'GET', '/api/notifications')).json();
      assert.deepEqual([afterMark['notifications'].find((n: Json) => n.id === returnNotice?.id).read, afterMark['unread']], [true, unread - 1]);
      assert.ok((await http(vanphong, 'GET', '/api/notifications')).json()['notifications'].every((n: Json) => !n.read), "another user's reads are not theirs");
      assert.deepEqual((await http(bcvt, 'POST', '/api/notifications/read', { all: true })).json(), { marked: unread - 1, notListed: [], unread: 0 });
      assert.equal((await http(bcvt, 'POST', '/api/notifications/read', { ids: [] })).status, 400, 'nothing to mark is a bad request');
      assert.equal((await http(bcvt, 'PUT', '/api/values', values('stttt-bcvt', [['cts.issued', 15]]))).status, 200);
      assert.equal((await http(bcvt, 'POST', `${MAY}/actions/submit`, { part: 'stttt-bcvt' })).status, 200);

      // The other parts; the office compiles: divisions read only; the leader approves and issues.
      for (const [session, part] of [[thanhtra, 'stttt-ttra'], [ttcntt, 'stttt-ttcntt'], [ttbcxb, 'stttt-ttbcxb'], [vanphong, 'stttt-vp']] as const) {
        assert.equal((await http(session, 'POST', `${MAY}/actions/submit`, { part })).status, 200, part);
      }
      assert.deepEqual((await http(vanphong, 'GET', MAY)).json()['workflow'].actions, ['compile']);
      assert.equal((await http(vanphong, 'POST', `${MAY}/actions/compile`, {})).status, 200);
      assert.equal((await http(ttcntt, 'PUT', '/api/values', values('stttt-ttcntt', [['attt.alerts', 9]]))).json()['details'].reason, 'report_compiled');
      assert.ok((await http(bcvt, 'GET', '/api/notifications')).json()['notifications'].some((n: Json) => n.kind === 'compiled'));
      assert.deepEqual((await http(lanhdao, 'GET', MAY)).json()['workflow'].actions, ['approve', 'return']);
      assert.equal((await http(lanhdao, 'POST', `${MAY}/actions/approve`, {})).status, 200);
      const issued = await http(lanhdao, 'POST', `${MAY}/actions/issue`, {});
      assert.equal(issued.status, 200, issued.text);
      assert.deepEqual([issued.json()['numberText'], issued.json()['date'], issued.json()['issuedBy']], ['06/BC-STTTT', '2022-05-13', { username: 'lanhdao', displayName: 'Lãnh đạo Sở (mẫu)' }]);
      assert.deepEqual(issued.json()['actions'], []);
      const viewer = (await http(ubndtinh, 'GET', MAY)).json();
      assert.ok(viewer['workflow'].parts.every((p: Json) => !p.editable && p.actions.length === 0), 'a viewer has nothing to click');
      assert.deepEqual(viewer['workflow'].editable, { documents: false, plan: false, planReview: false });
      const md = await http(ubndtinh, 'GET', `${MAY}.md`);
      assert.ok(md.text.includes('Số: 06/BC-STTTT') && md.text.includes('Trà Vinh, ngày 13 tháng 5 năm 2022'));
      assert.ok(!md.text.includes('DỰ THẢO'));
      assert.ok(md.text.includes('có 21.000 văn bản điện tử phát hành trên hệ thống, trong đó có 16.800 văn bản được ký số (tỷ lệ 80,00%)'));

      // The office opens June: header from May, May's plan (April's plan reviewed) carried on.
      const june = '/api/reports/stttt-travinh/2022-06';
      const missingJune = await http(vanphong, 'GET', june);
      assert.equal(missingJune.status, 404);
      assert.deepEqual((({ reason, canCreate, createFrom }) => ({ reason, canCreate, createFrom }))(missingJune.json()['details']), { reason: 'no_report', canCreate: true, createFrom: { period: '2022-05' } });
      assert.equal((await http(bcvt, 'GET', june)).json()['details'].canCreate, false);
      assert.equal((await http(bcvt, 'POST', june, {})).status, 403);
      const opened = await http(vanphong, 'POST', june, {});
      assert.equal(opened.status, 201, opened.text);
      assert.equal(opened.json()['workflow'].periodLabel, 'tháng 6 năm 2022');
      assert.deepEqual((await http(bcvt, 'GET', '/api/periods')).json()['landing'], { orgUnit: 'stttt-travinh', period: '2022-06' });

      const audit = await http(lanhdao, 'GET', '/api/audit?org=stttt-travinh&period=2022-05&kind=report.issue');
      assert.deepEqual((audit.json()['events'] as Json[]).map((e) => [e.actionLabel, e.summary]), [['Ban hành', 'Lãnh đạo Sở (mẫu) ban hành báo cáo của Sở Thông tin và Truyền thông (tháng 5 năm 2022), số 06, ngày 13/05/2022.']]);
      const corrections = await http(vanphong, 'GET', '/api/audit?org=stttt-travinh&period=2022-05&kind=report.return');
      assert.match((corrections.json()['events'] as Json[])[0]?.summary ?? '', /Văn phòng Sở \(mẫu\) trả lại phần báo cáo của Phòng Bưu chính, Viễn thông và Công nghệ thông tin \(tháng 5 năm 2022\): lý do “Thiếu số chứng thư số cấp mới”\./);
    } finally {
      await app.close();
    }
  }));
