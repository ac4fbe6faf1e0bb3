// `baocao db backup` / `db restore` on both databases: a backup taken while values are
// being written restores into a new database as one consistent moment (every write
// whole or absent), and a backup of the quiet database restores to equal exports
// (metadata, every value, every report rendered, accounts, audit trail). The portable
// format also moves a database from one kind to the other.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { nodeSecrets } from '../../src/api/auth/node-secrets.ts';
import { createDemoAccounts } from '../../src/app/accounts/create-demo-accounts.ts';
import { exportMetadata } from '../../src/app/metadata/export-metadata.ts';
import { loadDemo } from '../../src/app/metadata/load-demo.ts';
import type { Store } from '../../src/app/ports.ts';
import { renderReport } from '../../src/app/reports/render-report.ts';
import { loadDemo as readDemoFiles } from '../../src/exchange/demo/load-demo.ts';
import { serializeMetadata } from '../../src/exchange/metadata-file.ts';
import { renderInFormat } from '../../src/render/render-in-format.ts';
import { backupDatabase } from '../../src/storage/backup/backup-database.ts';
import { BackupProblem } from '../../src/storage/backup/database-dump.ts';
import { restoreDatabase } from '../../src/storage/backup/restore-database.ts';
import { openStore } from '../../src/storage/open-store.ts';
import { testDatabases } from '../../src/storage/testing/test-databases.ts';
import type { FreshDatabase, TestDatabase } from '../../src/storage/testing/test-databases.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'baocao-backup-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let fileCount = 0;
const newFile = (suffix: string) => path.join(dir, `backup-${++fileCount}${suffix}`);

/** Everything a user can take out of a database, as text to compare. */
async function exportsOf(store: Store): Promise<Record<string, string>> {
  const metadata = await exportMetadata({ store });
  const out: Record<string, string> = {
    metadata: serializeMetadata({ ...metadata, orgUnits: [...metadata.orgUnits], disaggregations: [...metadata.disaggregations], indicators: [...metadata.indicators], validationRules: [...metadata.validationRules], templates: [...(metadata.templates ?? [])], optionCombos: [...(metadata.optionCombos ?? [])] }, 'yaml'),
    values: (await store.dataValues.find({}))
      // Every field of every value: key (with attribute options), figure, text, comment, who and when.
      .map((v) => JSON.stringify(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))))
      .sort()
      .join('\n'),
    users: JSON.stringify((await store.accounts.listUsers()).map((u) => [u.username, u.displayName, u.disabled, [...u.grants].map((g) => `${g.role}@${g.orgUnit}`).sort()]).sort()),
    audit: JSON.stringify((await store.audit.list({ limit: 100_000 })).map((e) => [e.at, e.actor, e.action, e.entity])),
  };
  for (const report of await store.reports.list()) {
    out[`report ${report.orgUnit} ${report.period}`] = String((await renderReport({ store, renderers: renderInFormat, orgUnit: report.orgUnit, period: report.period, format: 'md' })).body);
  }
  return out;
}

async function withDemo(database: TestDatabase, work: (fresh: FreshDatabase) => Promise<void>): Promise<void> {
  const fresh = await database.open();
  try {
    const summary = await loadDemo({ store: fresh.store, demo: readDemoFiles(), actor: 'test' });
    assert.notEqual(summary.status, 'ERROR');
    await createDemoAccounts({ store: fresh.store, secrets: { ...nodeSecrets(), hashPassword: async (p: string) => `test:${p}` }, actor: 'test' });
    await work(fresh);
  } finally {
    await fresh.dispose();
  }
}

/** A new empty database of the same kind, restored from `file`; its store is closed by the caller. */
async function restoreIntoNew(database: TestDatabase, file: string): Promise<{ store: Store; dispose: () => Promise<void> }> {
  const target = await database.open({ migrate: false });
  const result = await restoreDatabase({ url: target.url, file });
  assert.ok(result.format);
  const store = await openStore({ url: target.url, env: {} });
  return { store, dispose: async () => { await store.close(); await target.dispose(); } };
}



for (const database of testDatabases()) {
  describe(`backup and restore on ${database.name}`, { skip: database.skip }, () => {
    for (const portable of [false, true]) {
      const kind = portable ? 'portable' : 'native';
      test(`a ${kind} backup taken under writes restores one consistent moment`, () =>
        withDemo(database, async (fresh) => {
          const indicators = ['ioffice.docs_issued', 'ioffice.docs_signed'];
          let written = 0;
          let running = true;
          // Each write puts the same number into two values in one transaction.
          const writer = (async () => {
            for (let i = 1; running; i++) {
              const period = `${2031 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
              await fresh.store.transaction((tx) => tx.dataValues.upsertMany(indicators.map((indicator) => ({ indicator, orgUnit: 'stttt-travinh', period, disagg: '', value: i }))));
              written = i;
              await new Promise((resolve) => setImmediate(resolve));
            }
          })();
          while (written < 20) await new Promise((resolve) => setTimeout(resolve, 5));
          const before = written;
          const file = newFile(portable ? '.jsonl.gz' : database.name === 'SQLite' ? '.db' : '.dump');
          const result = await backupDatabase({ url: fresh.url, file, portable });
          const afterBackup = written;
          while (written < afterBackup + 5) await new Promise((resolve) => setTimeout(resolve, 5));
          running = false;
          await writer;
          assert.equal(result.format, portable ? 'portable' : database.name === 'SQLite' ? 'sqlite' : 'pg_dump');

          const restored = await restoreIntoNew(database, file);
          try {
            const values = await restored.store.dataValues.find({ orgUnits: ['stttt-travinh'], indicators });
            const byPeriod = new Map<string, (number | null)[]>();
            for (const v of values.filter((v) => v.period >= '2031')) byPeriod.set(v.period, [...(byPeriod.get(v.period) ?? []), v.value]);
            for (const [period, pair] of byPeriod) assert.equal(pair.length, 2, `write ${period} restored whole`);
            const count = byPeriod.size;
            assert.ok(count >= before && count <= afterBackup, `the backup holds the ${before}–${afterBackup} writes made before it finished, got ${count}`);
            // The restored database works: it takes new writes with fresh ids.
            await restored.store.audit.record([{ at: new Date().toISOString(), actor: 'test', action: 'test.after_restore', entity: 'test' }]);
          } finally {
            await restored.dispose();
          }
        }));
    }

    test('a backup of a quiet database restores to equal exports, natively and portably', () =>
      withDemo(database, async (fresh) => {
        const original = await exportsOf(fresh.store);
        assert.ok(Object.keys(original).some((k) => k.startsWith('report ')), 'the demo has reports to compare');
        for (const portable of [false, true]) {
          const file = newFile(portable ? '.jsonl.gz' : '.bak');
          await backupDatabase({ url: fresh.url, file, portable });
          const restored = await restoreIntoNew(database, file);
          try {
            assert.deepEqual(await exportsOf(restored.store), original, `${portable ? 'portable' : 'native'} restore equals the original`);
          } finally {
            await restored.dispose();
          }
        }
      }));

    test('a restore refuses a database that is not empty, and a file that is not a backup', () =>
      withDemo(database, async (fresh) => {
        const file = newFile('.jsonl.gz');
        await backupDatabase({ url: fresh.url, file, portable: true });
        await assert.rejects(restoreDatabase({ url: fresh.url, file }), (error) => error instanceof BackupProblem && /trống/.test(error.message));
        await assert.rejects(backupDatabase({ url: fresh.url, file }), (error) => error instanceof BackupProblem && /đã có/.test(error.message));
        const target = await database.open({ migrate: false });
        try {
          await assert.rejects(restoreDatabase({ url: target.url, file: path.resolve(import.meta.dirname, '../fixtures/seed-stttt-travinh-2022-04.md') }), BackupProblem);
        } finally {
          await target.dispose();
        }
      }));
  });
}

describe('across databases', () => {
  const [sqlite, postgres] = testDatabases();
  test('a portable backup of SQLite restores into PostgreSQL with equal exports', { skip: !sqlite || !postgres || postgres.skip ? 'PostgreSQL not available' : false }, async () => {
    if (!sqlite || !postgres) return;
    await withDemo(sqlite, async (fresh) => {
      const original = await exportsOf(fresh.store);
      const file = newFile('.jsonl.gz');
      await backupDatabase({ url: fresh.url, file, portable: true });
      const restored = await restoreIntoNew(postgres, file);
      try {
        assert.deepEqual(await exportsOf(restored.store), original);
      } finally {
        await restored.dispose();
      }
    });
  });
});
