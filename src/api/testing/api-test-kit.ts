// Test kit for the API: a server over a fresh database (SQLite, PostgreSQL) seeded
// with the Trà Vinh units and indicators and one account per role, and helpers to
// call it as one of them through fastify.inject.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Store } from '../../app/ports.ts';
import { createUser } from '../../app/accounts/create-user.ts';
import type { Role } from '../../core/access.ts';
import { INDICATORS, TRA_VINH_UNITS } from '../../storage/testing/fixtures.ts';
import type { TestDatabase } from '../../storage/testing/test-databases.ts';
import { nodeSecrets, TEST_ARGON2_COST } from '../auth/node-secrets.ts';
import { buildServer } from '../server.ts';
import type { BuildServerOptions } from '../server.ts';

export const PASSWORD = 'mat-khau-thu';

/** One account per role; `ngoai` is a reporter of another province (out of every scope below). */
export const ACCOUNTS: Readonly<Record<string, { role: Role; orgUnit: string }>> = {
  quantri: { role: 'admin', orgUnit: 'tv' },
  vanphong: { role: 'compiler', orgUnit: 'stttt' },
  lanhdao: { role: 'approver', orgUnit: 'stttt' },
  bcvt: { role: 'reporter', orgUnit: 'bcvt' },
  cntt: { role: 'reporter', orgUnit: 'cntt' },
  ubndtinh: { role: 'viewer', orgUnit: 'tv' },
  ngoai: { role: 'reporter', orgUnit: 'vl' },
};

export const secrets = nodeSecrets(TEST_ARGON2_COST);

export interface Caller {
  readonly cookie?: string;
  readonly csrfToken?: string;
  readonly bearer?: string;
}

export interface ApiKit {
  readonly app: FastifyInstance;
  readonly store: Store;
  login(username: string): Promise<Caller>;
  call(caller: Caller | null, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
}

export async function seed(store: Store): Promise<void> {
  await store.orgUnits.upsertMany(TRA_VINH_UNITS);
  await store.indicators.upsertDisaggregations([{ code: 'channel', name: 'Kênh tiếp nhận', options: [{ code: 'direct', name: 'Trực tiếp' }, { code: 'online', name: 'Trực tuyến' }] }]);
  await store.indicators.upsertIndicators(INDICATORS);
  for (const [username, grant] of Object.entries(ACCOUNTS)) {
    await createUser({ store, secrets, username, password: PASSWORD, grants: [grant], actor: 'test' });
  }
}

/** `call` as a caller (cookie and CSRF token, or bearer token) and `login` through POST /api/session. */
export function callsOn(app: FastifyInstance, password: string): Pick<ApiKit, 'call' | 'login'> {
  const call: ApiKit['call'] = (caller, method, url, body, headers = {}) =>
    app.inject({
      method, url,
      headers: {
        ...(caller?.cookie ? { cookie: caller.cookie } : {}),
        ...(caller?.csrfToken ? { 'x-csrf-token': caller.csrfToken } : {}),
        ...(caller?.bearer ? { authorization: `Bearer ${caller.bearer}` } : {}),
        ...headers,
      },
      ...(body === undefined ? {} : { payload: body as object }),
    });
  const login = async (username: string): Promise<Caller> => {
    const response = await call(null, 'POST', '/api/session', { username, password });
    if (response.statusCode !== 200) throw new Error(`login ${username}: ${response.statusCode} ${response.body}`);
    const cookie = response.cookies.find((c) => c.name === 'baocao_session');
    return { cookie: `baocao_session=${cookie?.value ?? ''}`, csrfToken: (response.json() as { csrfToken: string }).csrfToken };
  };
  return { call, login };
}

export async function withApi(database: TestDatabase, work: (kit: ApiKit) => Promise<void>, options: Partial<BuildServerOptions> = {}): Promise<void> {
  await database.withStore(async (store) => {
    await seed(store);
    const app = await buildServer({ store, secrets, logger: false, ...options });
    try {
      const { call, login } = callsOn(app, PASSWORD);
      await work({ app, store, login, call });
    } finally {
      await app.close();
    }
  });
}
