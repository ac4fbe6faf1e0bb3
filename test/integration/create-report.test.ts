// Opening the next report on the demo department, on both databases: the header and
// the template come from the unit's latest report, its cut-off dates move on to the new
// period, last period's plan for this one is carried into the plan review; only the
// office opens it.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadOrgTree, resolveGrants } from '../../src/app/accounts/principal.ts';
import type { Principal } from '../../src/app/accounts/principal.ts';
import { loadDemo } from '../../src/app/metadata/load-demo.ts';
import type { Store } from '../../src/app/ports.ts';
import { createReport } from '../../src/app/reports/create-report.ts';
import { renderReport } from '../../src/app/reports/render-report.ts';
import { writeReportEntry } from '../../src/app/reports/write-report-entry.ts';
import type { Role } from '../../src/core/access.ts';
import { carriedVariables } from '../../src/core/report-instance.ts';
import { parsePeriod } from '../../src/core/period.ts';
import { loadDemo as readDemoFiles } from '../../src/exchange/demo/load-demo.ts';
import { renderInFormat as RENDERERS } from '../../src/render/render-in-format.ts';
import { testDatabases } from '../../src/storage/testing/test-databases.ts';

async function principal(store: Store, username: string, role: Role, orgUnit: string): Promise<Principal> {
  return { userId: 0, username, displayName: username, grants: resolveGrants(await loadOrgTree(store), [{ role, orgUnit }]), via: 'session' };
}

test('cut-off dates inside the last window move on by the periods between; others stay', () => {
  const moved = carriedVariables({ ngay_chot: '2022-04-12', tu_ngay: '2021-12-03', ghi_chu: 'x', so: 3, cuoi_thang: '2022-01-31' }, parsePeriod('2022-04'), parsePeriod('2022-07'));
  assert.deepEqual(moved, { ngay_chot: '2022-07-12', tu_ngay: '2021-12-03', ghi_chu: 'x', so: 3, cuoi_thang: '2022-01-31' });
  assert.deepEqual(carriedVariables({ d: '2022-01-31' }, parsePeriod('2022-02'), parsePeriod('2022-03')), { d: '2022-02-28' });
  assert.deepEqual(carriedVariables({ d: '2021-12-20' }, parsePeriod('2022-01'), parsePeriod('2022-02')), { d: '2022-01-20' });
});

for (const database of testDatabases()) {
  describe(database.name, { skip: database.skip }, () => {
    test('June opens from May with May\'s plan to review; August, after a gap, from June; a division cannot open one', () =>
      database.withStore(async (store) => {
        await loadDemo({ store, demo: readDemoFiles() });
        const vanphong = await principal(store, 'vanphong', 'compiler', 'stttt-travinh');
        const bcvt = await principal(store, 'bcvt', 'reporter', 'stttt-bcvt');
        await writeReportEntry({ store, principal: vanphong, orgUnit: 'stttt-travinh', period: '2022-05', kind: 'plan', write: { op: 'create', fields: { text: 'Tổ chức hội nghị chuyển đổi số tháng 6.' } } });
        await assert.rejects(createReport({ store, principal: bcvt, orgUnit: 'stttt-travinh', period: '2022-06' }), { code: 'forbidden' });

        const june = await createReport({ store, principal: vanphong, orgUnit: 'stttt-travinh', period: '2022-06' });
        assert.equal(june.carriedPlanItems, 1);
        assert.deepEqual([june.workflow.report.status, june.workflow.report.number, june.workflow.report.symbol], ['draft', null, 'BC-STTTT']);
        assert.deepEqual(june.workflow.report.variables, { ngay_chot_qr: '2022-06-12', ngay_chot_y_te: '2022-06-11', tong_dai_tu: '2021-12-03', tong_dai_den: '2022-06-10' });
        const md = (await renderReport({ store, renderers: RENDERERS, orgUnit: 'stttt-travinh', period: '2022-06', format: 'md' })).body as string;
        assert.ok(md.includes('Kết quả thực hiện kế hoạch công tác tháng trước:'));
        assert.ok(md.includes('1. Tổ chức hội nghị chuyển đổi số tháng 6.'));
        assert.ok(md.includes('(đến ngày 12/6/2022)'), 'the cut-off date moved on');

        const august = await createReport({ store, principal: vanphong, orgUnit: 'stttt-travinh', period: '2022-08' });
        assert.equal(august.carriedPlanItems, 0);
        assert.equal(august.workflow.report.template, 'stttt-monthly');
        assert.equal(august.workflow.report.variables['ngay_chot_qr'], '2022-08-12');
        assert.equal(august.workflow.report.recipients.length, 13);
        await assert.rejects(createReport({ store, principal: vanphong, orgUnit: 'stttt-travinh', period: '2022-08' }), { code: 'conflict' });
      }));
  });
}
