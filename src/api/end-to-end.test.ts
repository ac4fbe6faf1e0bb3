// One month over real HTTP, as people would do it on the demo department: a fresh
// SQLite database, `demo load` (data and demo accounts), the server on a free port.
// Reporters of two divisions write and submit, the office compiles, the leader
// approves and issues, later writes get 409 period_locked, the issued report renders
// with its number; then the office opens May, whose plan review carries April's plan.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { createDemoAccounts, DEMO_PASSWORD } from '../app/accounts/create-demo-accounts.ts';
import { loadDemo } from '../app/metadata/load-demo.ts';
import { loadDemo as readDemoFiles } from '../exchange/demo/load-demo.ts';
import { testDatabases } from '../storage/testing/test-databases.ts';
import { nodeSecrets, TEST_ARGON2_COST } from './auth/node-secrets.ts';
import { buildServer } from './server.ts';

interface Session { readonly cookie: string; readonly csrf: string }

const sqlite = testDatabases().find((d) => d.name === 'SQLite');

test('a month of the demo department over HTTP: submit, compile, approve, issue, locked, rendered; May reviews April\'s plan', { skip: !sqlite }, () =>
  sqlite?.withStore(async (store) => {
    const secrets = nodeSecrets(TEST_ARGON2_COST);
    const demo = readDemoFiles();
    assert.deepEqual(demo.problems, []);
    assert.equal((await loadDemo({ store, demo })).status, 'SUCCESS');
    assert.equal((await createDemoAccounts({ store, secrets })).created.length, 8);
    assert.deepEqual((await createDemoAccounts({ store, secrets })).created, [], 'a second demo load creates no account');

    const app = await buildServer({ store, secrets, logger: false });
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
        // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test reads JSON fields ad hoc
        return { status: response.status, text, json: () => JSON.parse(text) as Record<string, any> };
      };
      const login = async (username: string): Promise<Session> => {
        const response = await fetch(`${base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
        assert.equal(response.status, 200, `login ${username}`);
        const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
        return { cookie, csrf: ((await response.json()) as { csrfToken: string }).csrfToken };
      };
      const [bcvt, thanhtra, vanphong, lanhdao, ubndtinh] = await Promise.all(['bcvt', 'thanhtra', 'vanphong', 'lanhdao', 'ubndtinh'].map(login));
      assert.ok(bcvt && thanhtra && vanphong && lanhdao && ubndtinh);
      const april = '/api/reports/stttt-travinh/2022-04';

      // Divisions write their own sections only, then submit their parts.
      const item = await http(bcvt, 'POST', `${april}/items`, { section: 'i.2', text: 'Kiểm tra 05 điểm cung cấp dịch vụ bưu chính.' });
      assert.equal(item.status, 201, item.text);
      assert.equal((await http(thanhtra, 'POST', `${april}/items`, { section: 'i.2', text: 'Không phải mục của Thanh tra' })).status, 403);
      assert.equal((await http(bcvt, 'POST', `${april}/actions/submit`, { part: 'stttt-ttra' })).status, 403);
      assert.equal((await http(bcvt, 'POST', `${april}/actions/submit`, { part: 'stttt-bcvt' })).status, 200);
      assert.equal((await http(thanhtra, 'POST', `${april}/actions/submit`, { part: 'stttt-ttra' })).status, 200);
      const parts = (await http(vanphong, 'GET', april)).json()['workflow'].parts as { division: string; status: string }[];
      for (const part of parts.filter((p) => p.status === 'draft')) {
        assert.equal((await http(vanphong, 'POST', `${april}/actions/submit`, { part: part.division })).status, 200, part.division);
      }

      // Completeness, seen from the province: every part in, late against 15/4/2022.
      const completeness = await http(ubndtinh, 'GET', '/api/completeness?org=travinh&period=2022-04');
      assert.equal(completeness.status, 200, completeness.text);
      assert.equal(completeness.json()['deadline'], '2022-04-15');
      const report = (completeness.json()['reports'] as { orgUnit: string; parts: { division: string; timeliness: string }[] }[]).find((r) => r.orgUnit === 'stttt-travinh');
      assert.equal(report?.parts.find((p) => p.division === 'stttt-bcvt')?.timeliness, 'late');
      assert.equal((await http(bcvt, 'GET', '/api/completeness?org=travinh&period=2022-04')).status, 403, 'a division does not read the province');

      // The office compiles, the leader approves and issues.
      assert.equal((await http(vanphong, 'POST', `${april}/actions/compile`, {})).status, 200);
      assert.equal((await http(lanhdao, 'POST', `${april}/actions/approve`, {})).status, 200);
      const issued = await http(lanhdao, 'POST', `${april}/actions/issue`, {});
      assert.equal(issued.status, 200, issued.text);
      const numberText = issued.json()['numberText'] as string;
      assert.match(numberText, /^\d{2}\/BC-STTTT$/);

      // Locked: items and values are refused.
      for (const refused of [
        await http(bcvt, 'POST', `${april}/items`, { section: 'i.2', text: 'Muộn' }),
        await http(bcvt, 'PATCH', `${april}/items/${item.json()['id'] as string}`, { text: 'Muộn', version: 1 }),
        await http(bcvt, 'PUT', '/api/values', { dataValues: [{ dataElement: 'cts.issued', period: '2022-04', orgUnit: 'stttt-bcvt', value: 1 }] }),
      ]) {
        assert.equal(refused.status, 409, refused.text);
        assert.equal(refused.json()['code'], 'period_locked');
      }
      const markdown = await http(ubndtinh, 'GET', `${april}.md`);
      assert.equal(markdown.status, 200);
      assert.ok(markdown.text.includes(`Số: ${numberText}`), 'the issued report prints its number');
      assert.ok(markdown.text.includes('Kiểm tra 05 điểm cung cấp dịch vụ bưu chính.'));
      assert.ok(!markdown.text.includes('Kết quả thực hiện kế hoạch công tác tháng trước'), 'no plan review without a previous plan');

      const audit = await http(lanhdao, 'GET', '/api/audit?org=stttt-travinh&period=2022-04&kind=report.issue');
      assert.equal(audit.status, 200, audit.text);
      assert.deepEqual((audit.json()['events'] as { actor: string }[]).map((e) => e.actor), ['lanhdao']);
      assert.equal((await http(bcvt, 'GET', '/api/audit?org=stttt-travinh')).status, 403);

      // May: April's plan for May is carried into the plan review, each line then reviewed.
      const may = '/api/reports/stttt-travinh/2022-05';
      assert.equal((await http(bcvt, 'POST', may, {})).status, 403);
      const opened = await http(vanphong, 'POST', may, {});
      assert.equal(opened.status, 201, opened.text);
      assert.equal(opened.json()['carriedPlanItems'], 8);
      assert.equal((await http(vanphong, 'POST', may, {})).status, 409);
      const result = await http(bcvt, 'POST', `${may}/items`, { section: 'i.2', text: 'Đã hỗ trợ 120 hộ lên sàn thương mại điện tử.' });
      const review = (await http(vanphong, 'GET', `${may}/plan`)).json()['entries'] as { id: string; forPeriod: string; version: number }[];
      assert.equal(review.length, 8);
      assert.ok(review.every((r) => r.forPeriod === '2022-05'));
      const first = review[0];
      assert.ok(first);
      assert.equal((await http(vanphong, 'PATCH', `${may}/plan/${first.id}`, { status: 'done', resultItemIds: ['khong-co'], version: first.version })).json()['field'], 'body.resultItemIds.0');
      const reviewed = await http(vanphong, 'PATCH', `${may}/plan/${first.id}`, { status: 'done', resultItemIds: [result.json()['id']], version: first.version });
      assert.equal(reviewed.status, 200, reviewed.text);
      const mayMarkdown = await http(vanphong, 'GET', `${may}.md`);
      assert.equal(mayMarkdown.status, 200, mayMarkdown.text);
      assert.ok(mayMarkdown.text.includes('Kết quả thực hiện kế hoạch công tác tháng trước:'));
      assert.ok(mayMarkdown.text.includes('(Đã hoàn thành)'));
      assert.equal((await http(bcvt, 'PUT', '/api/values', { dataValues: [{ dataElement: 'cts.issued', period: '2022-05', orgUnit: 'stttt-bcvt', value: 1 }] })).status, 200, 'May stays open');

      const template = await http(thanhtra, 'GET', '/api/templates/stttt-monthly');
      assert.equal(template.status, 200);
      assert.equal(template.json()['code'], 'stttt-monthly');
      assert.equal((await http(thanhtra, 'GET', '/api/templates/khong-co')).status, 404);
      const validation = await http(vanphong, 'GET', '/api/validation?org=stttt-travinh&period=2022-04&children=true');
      assert.equal(validation.status, 200, validation.text);
      assert.ok((validation.json()['orgUnits'] as string[]).includes('stttt-bcvt'));
      assert.equal((await http(null, 'GET', '/api/validation?org=stttt-travinh&period=2022-04')).status, 401);
    } finally {
      await app.close();
    }
  }));
