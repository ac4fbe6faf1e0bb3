// Who enters what, on the demo department and both databases: each figure is entered
// by the unit that reports it and counted once by the department's report; every write
// path (API use case, value files, the CLI's import) refuses it on another unit with a
// message naming the unit that reports it; the office corrects a division's figure
// (audited as a correction); the report's state decides who may still write.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadOrgTree, resolveGrants } from '../../src/app/accounts/principal.ts';
import type { Principal } from '../../src/app/accounts/principal.ts';
import type { Role } from '../../src/core/access.ts';
import { importMetadata } from '../../src/app/metadata/import-metadata.ts';
import { loadDemo } from '../../src/app/metadata/load-demo.ts';
import type { Store } from '../../src/app/ports.ts';
import { renderReport } from '../../src/app/reports/render-report.ts';
import { runWorkflowAction } from '../../src/app/reports/run-workflow-action.ts';
import { aggregateIndicator } from '../../src/app/analysis/aggregate-indicator.ts';
import { importValues } from '../../src/app/values/import-values.ts';
import { importValuesFile } from '../../src/app/values/import-values-file.ts';
import { writeValues } from '../../src/app/values/write-values.ts';
import type { ValueRow } from '../../src/app/values/value-import.ts';
import { parsePeriod } from '../../src/core/period.ts';
import { loadDemo as readDemoFiles } from '../../src/exchange/demo/load-demo.ts';
import { renderInFormat as RENDERERS } from '../../src/render/render-in-format.ts';
import { testDatabases } from '../../src/storage/testing/test-databases.ts';

async function principal(store: Store, username: string, role: Role, orgUnit: string): Promise<Principal> {
  const grants = resolveGrants(await loadOrgTree(store), [{ role, orgUnit }]);
  return { userId: 0, username, displayName: username, grants, via: 'session' };
}

const row = (index: number, indicator: string, orgUnit: string, value: string, period = '2022-05', disagg = ''): ValueRow =>
  ({ index, indicator, orgUnit, period, disagg, value });

async function loaded(store: Store): Promise<void> {
  const demo = readDemoFiles();
  assert.deepEqual(demo.problems, []);
  assert.equal((await loadDemo({ store, demo })).status, 'SUCCESS');
}

for (const database of testDatabases()) {
  describe(database.name, { skip: database.skip }, () => {
    test('April: the department counts each division\'s figure once', () =>
      database.withStore(async (store) => {
        await loaded(store);
        const april = parsePeriod('2022-04');
        const value = async (indicator: string, orgUnit: string, filter: Record<string, string> = {}) => {
          const result = await aggregateIndicator({ store, indicator, orgUnit, period: april, filter });
          assert.ok(result.ok);
          return result.explanation.value;
        };
        assert.equal(await value('ioffice.docs_issued', 'stttt-travinh'), 20601);
        assert.equal(await value('ioffice.docs_issued', 'stttt-bcvt'), 20601);
        assert.equal(await value('ioffice.docs_issued', 'stttt-vp'), null);
        assert.equal(await value('app1022.petitions_total', 'stttt-travinh'), 168);
        assert.equal(await value('ioffice.signed_share', 'stttt-travinh'), 15905 / 20601 * 100);
        const md = (await renderReport({ store, renderers: RENDERERS, orgUnit: 'stttt-travinh', period: '2022-04', format: 'md' })).body as string;
        assert.ok(md.includes('tiếp nhận: 168.'));
        assert.ok(md.includes('có 20.601 văn bản điện tử phát hành'));
        assert.ok(md.includes('(tỷ lệ 77,20%)'));
      }));

    test('May: a division enters its figures and the department\'s draft shows each once', () =>
      database.withStore(async (store) => {
        await loaded(store);
        const bcvt = await principal(store, 'bcvt', 'reporter', 'stttt-bcvt');
        const ttcntt = await principal(store, 'ttcntt', 'reporter', 'stttt-ttcntt');
        const summary = await writeValues({ store, principal: bcvt, rows: [row(1, 'ioffice.docs_issued', 'stttt-bcvt', '21000'), row(2, 'ioffice.docs_signed', 'stttt-bcvt', '16800')] });
        assert.equal(summary.importCount.imported, 2);
        await writeValues({ store, principal: ttcntt, rows: [
          row(1, 'app1022.petitions_total', 'stttt-ttcntt', '170'),
          row(2, 'app1022.petitions_total', 'stttt-ttcntt', '56', '2022-05', 'petition_status=handled'),
          row(3, 'app1022.petitions_total', 'stttt-ttcntt', '114', '2022-05', 'petition_status=in_progress'),
        ] });
        const md = (await renderReport({ store, renderers: RENDERERS, orgUnit: 'stttt-travinh', period: '2022-05', format: 'md' })).body as string;
        assert.ok(md.startsWith('**DỰ THẢO**'), 'May is a draft');
        assert.ok(md.includes('có 21.000 văn bản điện tử phát hành trên hệ thống, trong đó có 16.800 văn bản được ký số (tỷ lệ 80,00%)'));
        assert.ok(md.includes('tiếp nhận: 170.'));
        assert.ok(md.includes('Đã xử lý: 56 phản ánh.'));
        // April's plan is under review in May.
        assert.ok(md.includes('Kết quả thực hiện kế hoạch công tác tháng trước:'));
      }));

    test('every write path refuses a figure on a unit that does not report it, naming the unit that does', () =>
      database.withStore(async (store) => {
        await loaded(store);
        const vanphong = await principal(store, 'vanphong', 'compiler', 'stttt-travinh');
        const expected = /Chỉ tiêu «Văn bản điện tử phát hành trên iOffice» của báo cáo tháng 5 năm 2022 của Sở Thông tin và Truyền thông do Phòng Bưu chính, Viễn thông và Công nghệ thông tin \(stttt-bcvt\) nhập; Sở Thông tin và Truyền thông \(stttt-travinh\) không nhập chỉ tiêu này/;
        // The API's use case: a bad request naming the row, nothing written.
        await assert.rejects(
          writeValues({ store, principal: vanphong, rows: [row(1, 'web.posts', 'stttt-vp', '41'), row(2, 'ioffice.docs_issued', 'stttt-travinh', '21000')] }),
          (error: { code: string; message: string; field: string }) => {
            assert.equal(error.code, 'bad_request');
            assert.match(error.message, /^Dòng 2: /);
            assert.match(error.message, expected);
            assert.equal(error.field, 'body.dataValues.1.orgUnit');
            return true;
          },
        );
        // A value file, and the command line (no principal): the same conflict, nothing written.
        const parsed = { format: 'csv' as const, rows: [row(2, 'ioffice.docs_issued', 'stttt-travinh', '21000')], conflicts: [], fatal: false };
        const file = await importValuesFile({ store, principal: vanphong, parsed });
        assert.equal(file.status, 'ERROR');
        assert.match(file.conflicts[0]?.message ?? '', expected);
        const cli = await importValues({ store, rows: parsed.rows, actor: 'cli' });
        assert.equal(cli.status, 'ERROR');
        assert.deepEqual(cli.conflicts.map((c) => [c.object, c.indexes]), [['orgUnit', [2]]]);
        // A district fills the same form alone: it reports every figure itself (no report of its own here, so nothing governs).
        const mine = await importValues({ store, rows: [row(1, 'ioffice.docs_issued', 'tv-cauke', '300')], actor: 'cli' });
        assert.equal(mine.status, 'SUCCESS');
        assert.deepEqual(await store.dataValues.find({ periods: ['2022-05'], orgUnits: ['stttt-travinh', 'stttt-vp'] }), []);
        // Clearing a figure stored on the wrong unit is never refused for that reason.
        const clearing = await importValues({ store, rows: [row(1, 'ioffice.docs_issued', 'stttt-travinh', '')], actor: 'cli' });
        assert.ok(!clearing.conflicts.some((c) => c.object === 'orgUnit'));
      }));

    test('the office corrects a division\'s figure, audited as a correction; the report\'s state decides who may still write', () =>
      database.withStore(async (store) => {
        await loaded(store);
        const bcvt = await principal(store, 'bcvt', 'reporter', 'stttt-bcvt');
        const vanphong = await principal(store, 'vanphong', 'compiler', 'stttt-travinh');
        const lanhdao = await principal(store, 'lanhdao', 'approver', 'stttt-travinh');
        const docs = (value: string) => [row(1, 'ioffice.docs_issued', 'stttt-bcvt', value)];
        await writeValues({ store, principal: bcvt, rows: docs('21000') });
        await writeValues({ store, principal: vanphong, rows: docs('21001') });
        const events = await store.audit.list({ orgUnit: 'stttt-bcvt', period: '2022-05' });
        const correction = events.find((e) => e.action === 'data_value.correct');
        assert.equal(correction?.actor, 'vanphong');
        assert.deepEqual([(correction?.before as { value: number }).value, (correction?.after as { value: number }).value], [21000, 21001]);
        assert.ok(!events.some((e) => e.action === 'data_value.correct' && e.actor === 'bcvt'), 'a division writing its own figure is no correction');
        const [stored] = await store.dataValues.find({ orgUnits: ['stttt-bcvt'], periods: ['2022-05'], indicators: ['ioffice.docs_issued'] });
        assert.equal(stored?.storedBy, 'vanphong', 'who stored it is kept, for a stale save to name');

        const act = (who: Principal, action: 'submit' | 'return' | 'compile' | 'approve', part?: string, reason?: string) =>
          runWorkflowAction({ store, principal: who, orgUnit: 'stttt-travinh', period: '2022-05', action, part: part ?? null, reason: reason ?? null });
        const lockedFor = async (who: Principal, value: string) => {
          try {
            await writeValues({ store, principal: who, rows: docs(value) });
            return null;
          } catch (error) {
            assert.equal((error as { code: string }).code, 'period_locked');
            return (error as { details: { reason: string } }).details.reason;
          }
        };
        await act(bcvt, 'submit', 'stttt-bcvt');
        assert.equal(await lockedFor(bcvt, '1'), 'part_submitted');
        assert.equal(await lockedFor(vanphong, '21002'), null, 'the office may still correct a submitted part');
        await act(vanphong, 'return', 'stttt-bcvt', 'Kiểm tra lại số văn bản');
        assert.equal(await lockedFor(bcvt, '21003'), null, 'returned: the division writes again');
        for (const part of ['stttt-bcvt', 'stttt-ttbcxb', 'stttt-ttcntt', 'stttt-ttra', 'stttt-vp']) await act(vanphong, 'submit', part);
        await act(vanphong, 'compile');
        assert.equal(await lockedFor(bcvt, '2'), 'report_compiled');
        assert.equal(await lockedFor(vanphong, '21004'), null);
        await act(lanhdao, 'approve');
        assert.equal(await lockedFor(vanphong, '3'), 'report_approved');
        const [last] = await store.dataValues.find({ orgUnits: ['stttt-bcvt'], periods: ['2022-05'], indicators: ['ioffice.docs_issued'] });
        assert.equal(last?.value, 21004);
      }));

    test('a template whose figure has two owners, or whose reportingUnits name unknown codes, is refused on import', () =>
      database.withStore(async (store) => {
        await loaded(store);
        const demo = readDemoFiles();
        const template = demo.templates[0];
        assert.ok(template);
        const twoOwners = {
          ...template, code: 'hai-chu', reportingUnits: { 'khong.co': 'stttt-vp', 'attt.alerts': 'khong-co' },
          sections: [
            { id: 'a', number: '1', title: 'A', level: 1 as const, owner: 'stttt-bcvt', blocks: [{ type: 'text' as const, liquid: '{{ ioffice.docs_issued | so }}' }], sections: [] },
            { id: 'b', number: '2', title: 'B', level: 1 as const, owner: 'stttt-vp', blocks: [{ type: 'text' as const, liquid: '{{ ioffice.signed_share | phan_tram }}' }], sections: [] },
          ],
        };
        const result = await importMetadata({ store, metadata: { orgUnits: [], disaggregations: [], indicators: [], validationRules: [], templates: [twoOwners] }, actor: 'test' });
        assert.equal(result.status, 'ERROR');
        const messages = result.problems.map((p) => p.message);
        assert.ok(messages.some((m) => m.includes('chỉ tiêu «Văn bản điện tử phát hành trên iOffice» nằm trong các mục a, b của các đơn vị stttt-bcvt, stttt-vp')), messages.join('\n'));
        assert.ok(messages.some((m) => m.includes('chỉ tiêu "khong.co" chưa được khai báo')));
        assert.ok(messages.some((m) => m.includes('đơn vị "khong-co" chưa được khai báo')));
        assert.equal(await store.templates.get('hai-chu'), undefined);
      }));
  });
}
