import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { sql } from 'kysely';
import { openDatabase, openStore, parseDatabaseUrl, resolveDatabaseUrl } from './open-store.ts';

test('resolveDatabaseUrl reads BAOCAO_DB, defaulting to the embedded file', () => {
  const cases: [Record<string, string | undefined>, string][] = [
    [{}, 'sqlite:./data/baocao.db'],
    [{ BAOCAO_DB: '' }, 'sqlite:./data/baocao.db'],
    [{ BAOCAO_DB: '  ' }, 'sqlite:./data/baocao.db'],
    [{ BAOCAO_DB: 'postgres://u@db/baocao' }, 'postgres://u@db/baocao'],
    [{ BAOCAO_DB: 'sqlite::memory:' }, 'sqlite::memory:'],
  ];
  for (const [env, expected] of cases) assert.equal(resolveDatabaseUrl(env), expected, JSON.stringify(env));
});

test('parseDatabaseUrl picks the dialect from the URL', () => {
  assert.deepEqual(parseDatabaseUrl('postgres://u@h:5432/db'), { kind: 'postgres', url: 'postgres://u@h:5432/db' });
  assert.deepEqual(parseDatabaseUrl('postgresql://u@h/db'), { kind: 'postgres', url: 'postgresql://u@h/db' });
  assert.deepEqual(parseDatabaseUrl('sqlite:./data/baocao.db'), { kind: 'sqlite', file: './data/baocao.db' });
  assert.deepEqual(parseDatabaseUrl('sqlite::memory:'), { kind: 'sqlite', file: ':memory:' });
  for (const bad of ['mysql://h/db', 'sqlite:', './baocao.db']) {
    assert.throws(() => parseDatabaseUrl(bad), /BAOCAO_DB không hợp lệ/, bad);
  }
});

test('openStore creates the SQLite file and its folder, in WAL mode with foreign keys on, and migrates', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'baocao-open-'));
  const file = path.join(dir, 'nested', 'data', 'baocao.db');
  try {
    const store = await openStore({ url: `sqlite:${file}` });
    assert.equal(store.dialect, 'sqlite');
    assert.deepEqual(await store.orgUnits.list(), []);
    await store.close();
    assert.ok(existsSync(file));

    const { db } = await openDatabase(`sqlite:${file}`);
    const journal = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(db);
    const keys = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(db);
    assert.equal(journal.rows[0]?.journal_mode, 'wal');
    assert.equal(keys.rows[0]?.foreign_keys, 1);
    await db.destroy();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('openStore with migrate: false leaves an empty database alone', async () => {
  const store = await openStore({ url: 'sqlite::memory:', migrate: false });
  await assert.rejects(store.orgUnits.list(), /no such table/);
  await store.close();
});
