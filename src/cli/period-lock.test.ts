// The command line obeys the period lock like the API (issue 12, point 3): once the
// April 2022 report is issued, `baocao values import`, `baocao report import` and
// `baocao demo load` (when it would change an issued figure) refuse to write into it with the API's message and exit code 3, nothing changes,
// and only an admin's reopen with a reason unlocks. Run as a user runs them
// (spawned, BAOCAO_DB set to the test database), on both databases.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import type { Principal } from '../app/accounts/principal.ts';
import { loadDemo } from '../app/metadata/load-demo.ts';
import type { Store } from '../app/ports.ts';
import { loadWorkflow, runWorkflowAction } from '../app/reports/run-workflow-action.ts';
import { writeValues } from '../app/values/write-values.ts';
import { loadDemo as readDemoFiles } from '../exchange/demo/load-demo.ts';
import { testDatabases } from '../storage/testing/test-databases.ts';
import { runBaocao } from './testing/run-baocao.ts';

const SEED = path.resolve(import.meta.dirname, '../../test/fixtures/seed-stttt-travinh-2022-04.md');
const DEMO = path.resolve(import.meta.dirname, '../../demo');
const ADMIN: Principal = { userId: 1, username: 'quantri', displayName: 'Quản trị', via: 'session', grants: [{ role: 'admin', orgUnit: 'travinh', path: '/travinh' }] };


async function issueApril(store: Store): Promise<void> {
  // The demo's March and April 2022 load issued (the department's history); May is open.
  assert.equal((await loadDemo({ store, demo: readDemoFiles() })).status, 'SUCCESS');
  assert.equal((await loadWorkflow({ store, orgUnit: 'stttt-travinh', period: '2022-04' })).report.status, 'issued');
}

/** The division that reports the figure (demo/values/2022-04-stttt-bcvt.yaml). */
const REPORTING_UNIT = 'stttt-bcvt';

async function issuedValue(store: Store): Promise<number | null | undefined> {
  return (await store.dataValues.find({ orgUnits: [REPORTING_UNIT], periods: ['2022-04'], indicators: ['ioffice.docs_issued'] })).find((v) => v.disagg === '')?.value;
}

for (const database of testDatabases()) {
  describe(database.name, { skip: database.skip }, () => {
    test('values import and report import refuse an issued period with the API\'s message and exit code 3; an admin\'s reopen unlocks', () =>
      database.withStore(async (store, fresh) => {
        await issueApril(store);
        const dir = mkdtempSync(path.join(tmpdir(), 'baocao-lock-'));
        try {
          const csv = path.join(dir, 'thang-4.csv');
          writeFileSync(csv, `dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value\nioffice.docs_issued,202204,${REPORTING_UNIT},,,1003244\n`);
          // What the API says to the same write.
          const api = await writeValues({ store, principal: ADMIN, rows: [{ index: 1, indicator: 'ioffice.docs_issued', period: '202204', orgUnit: REPORTING_UNIT, disagg: '', value: '1003244' }] })
            .then(() => assert.fail('the API wrote into an issued period'), (error: { code: string; message: string }) => error);
          assert.equal(api.code, 'period_locked');

          for (const args of [['values', 'import', csv], ['values', 'import', csv, '--dry-run'], ['values', 'import', csv, '--skip-conflicts']]) {
            const refused = await runBaocao(args, fresh.url);
            assert.equal(refused.code, 3, `${args.join(' ')}: ${refused.stderr}`);
            assert.equal(refused.stderr.trim(), api.message);
          }
          assert.equal(await issuedValue(store), 20601, 'the issued figure is unchanged');

          const itemsBefore = (await store.reports.loadInstance('stttt-travinh', '2022-04'))?.items;
          const report = await runBaocao(['report', 'import', SEED, '--org', 'stttt-travinh', '--period', '2022-04'], fresh.url);
          assert.equal(report.code, 3, report.stderr);
          assert.match(report.stderr, /đã ban hành/);
          assert.deepEqual((await store.reports.loadInstance('stttt-travinh', '2022-04'))?.items, itemsBefore, 'the issued report keeps its text');

          // The demo load writes values and reports too: reloading the same demo changes
          // nothing (the issued report stays as it is); a demo whose April figure differs
          // is refused.
          const issued = await store.reports.find('stttt-travinh', '2022-04');
          const again = await runBaocao(['demo', 'load'], fresh.url);
          assert.equal(again.code, 0, again.stderr);
          assert.deepEqual(await store.reports.find('stttt-travinh', '2022-04'), issued);
          const demo = path.join(dir, 'demo');
          cpSync(DEMO, demo, { recursive: true });
          const april = path.join(demo, 'values', `2022-04-${REPORTING_UNIT}.yaml`);
          writeFileSync(april, readFileSync(april, 'utf8').replace('ioffice.docs_issued: 20601', 'ioffice.docs_issued: 20602'));
          const reload = await runBaocao(['demo', 'load', '--dir', demo], fresh.url);
          assert.equal(reload.code, 3, reload.stderr);
          assert.match(reload.stderr, /đã khóa/);
          assert.equal(await issuedValue(store), 20601);

          // A reopen needs a reason; with one, the period is open again.
          await assert.rejects(runWorkflowAction({ store, principal: ADMIN, orgUnit: 'stttt-travinh', period: '2022-04', action: 'reopen' }), { code: 'bad_request' });
          await runWorkflowAction({ store, principal: ADMIN, orgUnit: 'stttt-travinh', period: '2022-04', action: 'reopen', reason: 'Sửa số văn bản phát hành' });
          const accepted = await runBaocao(['values', 'import', csv], fresh.url);
          assert.equal(accepted.code, 0, accepted.stderr);
          assert.equal(await issuedValue(store), 1003244);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }));
  });
}
