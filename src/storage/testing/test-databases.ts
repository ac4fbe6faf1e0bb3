// The databases every repository test runs on: a fresh SQLite file in a temp dir
// and a fresh PostgreSQL database on the cluster at BAOCAO_TEST_PG_URL (started by
// scripts/test.mjs). No mocks: the same test checks both real databases.
//
//   for (const database of testDatabases()) {
//     describe(database.name, { skip: database.skip }, () => {
//       test('…', () => database.withStore(async (store) => { … }));
//     });
//   }
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import pg from 'pg';
import type { Store } from '../../app/ports.ts';
import { createStore } from '../create-store.ts';
import type { Database } from '../database.ts';
import { describeMigrationFailure, migrateToLatest } from '../migrate.ts';
import { openDatabase } from '../open-store.ts';
import type { StorageDialect } from '../storage-dialect.ts';

export const POSTGRES_SKIP_LINE = 'PostgreSQL tests skipped: install postgresql-15 (apt-get install postgresql-15) to run them';

export interface FreshDatabase {
  readonly url: string;
  readonly db: Kysely<Database>;
  readonly dialect: StorageDialect;
  readonly store: Store;
  /** Closes the connection and deletes the database. */
  dispose(): Promise<void>;
}

export interface TestDatabase {
  /** `SQLite` or `PostgreSQL`: use it as the describe() name. */
  readonly name: string;
  /** A reason to skip (PostgreSQL not available), else false. */
  readonly skip: string | false;
  /** A new empty database; migrated unless `migrate: false`. Call dispose() when done. */
  open(options?: { migrate?: boolean }): Promise<FreshDatabase>;
  /** Runs `work` with a fresh migrated store and disposes of it afterwards, also on failure. */
  withStore<T>(work: (store: Store, fresh: FreshDatabase) => Promise<T>): Promise<T>;
}

async function openFresh(url: string, migrate: boolean, drop: () => Promise<void>): Promise<FreshDatabase> {
  const { db, dialect } = await openDatabase(url);
  const dispose = async () => {
    await db.destroy();
    await drop();
  };
  if (migrate) {
    const failure = describeMigrationFailure(await migrateToLatest(db));
    if (failure) {
      await dispose();
      throw new Error(failure);
    }
  }
  return { url, db, dialect, store: createStore(db, dialect), dispose };
}

function testDatabase(name: string, skip: string | false, open: (migrate: boolean) => Promise<FreshDatabase>): TestDatabase {
  return {
    name,
    skip,
    open: (options = {}) => open(options.migrate ?? true),
    async withStore(work) {
      const fresh = await open(true);
      try {
        return await work(fresh.store, fresh);
      } finally {
        await fresh.dispose();
      }
    },
  };
}

const sqlite = testDatabase('SQLite', false, (migrate) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'baocao-sqlite-'));
  return openFresh(`sqlite:${path.join(dir, 'test.db')}`, migrate, async () => rmSync(dir, { recursive: true, force: true }));
});

function postgres(adminUrl: string): TestDatabase {
  return testDatabase('PostgreSQL', false, async (migrate) => {
    const name = `baocao_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${name}`);
    } finally {
      await admin.end();
    }
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return openFresh(url.toString(), migrate, async () => {
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      try {
        await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await dropper.end();
      }
    });
  });
}

let announcedSkip = false;

/** SQLite always; PostgreSQL when BAOCAO_TEST_PG_URL is set (required when CI=true). */
export function testDatabases(env: Readonly<Record<string, string | undefined>> = process.env): TestDatabase[] {
  const pgUrl = env['BAOCAO_TEST_PG_URL'];
  if (pgUrl) return [sqlite, postgres(pgUrl)];
  if (env['CI'] === 'true') {
    throw new Error('CI=true but BAOCAO_TEST_PG_URL is not set: repository tests must run on PostgreSQL too (use `node scripts/test.mjs`).');
  }
  if (!announcedSkip) {
    announcedSkip = true;
    console.log(POSTGRES_SKIP_LINE);
  }
  const skipped = testDatabase('PostgreSQL', POSTGRES_SKIP_LINE, () => Promise.reject(new Error(POSTGRES_SKIP_LINE)));
  return [sqlite, skipped];
}
