// Test kit for the API over the demo department: a fresh database (SQLite, PostgreSQL)
// with demo/*.yaml loaded and the demo accounts created as `baocao demo load` does
// (with cheap password hashes), and helpers to call it as one of them.
import type { FastifyInstance } from 'fastify';
import { createDemoAccounts, DEMO_PASSWORD } from '../../app/accounts/create-demo-accounts.ts';
import { loadDemo } from '../../app/metadata/load-demo.ts';
import type { Store } from '../../app/ports.ts';
import { loadDemo as readDemoFiles } from '../../exchange/demo/load-demo.ts';
import type { FreshDatabase, TestDatabase } from '../../storage/testing/test-databases.ts';
import { buildServer } from '../server.ts';
import type { BuildServerOptions } from '../server.ts';
import { callsOn, secrets } from './api-test-kit.ts';
import type { ApiKit } from './api-test-kit.ts';

export interface DemoApiKit {
  readonly app: FastifyInstance;
  readonly store: Store;
  readonly fresh: FreshDatabase;
  login: ApiKit['login'];
  call: ApiKit['call'];
}

/** The demo department and its accounts in `store`. */
export async function seedDemo(store: Store): Promise<void> {
  const demo = readDemoFiles();
  if (demo.problems.length > 0) throw new Error(`demo files: ${JSON.stringify(demo.problems.slice(0, 3))}`);
  const loaded = await loadDemo({ store, demo });
  if (loaded.status !== 'SUCCESS') throw new Error(`demo load: ${JSON.stringify(loaded.problems.slice(0, 3))}`);
  await createDemoAccounts({ store, secrets });
}

export async function withDemoApi(database: TestDatabase, work: (kit: DemoApiKit) => Promise<void>, options: Partial<BuildServerOptions> = {}): Promise<void> {
  await database.withStore(async (store, fresh) => {
    await seedDemo(store);
    const app = await buildServer({ store, secrets, logger: false, ...options });
    try {
      const { call, login } = callsOn(app, DEMO_PASSWORD);
      await work({ app, store, fresh, login, call });
    } finally {
      await app.close();
    }
  });
}
