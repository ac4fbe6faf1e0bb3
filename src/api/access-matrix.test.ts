// The authorisation matrix (issue 12, point 2), generated from /openapi.json: every
// route × every demo account, two API tokens and an anonymous caller × a target in
// scope, a sibling, the parent, a child and another province, each answer compared
// with access-matrix.yaml (read its header). A route of the document missing from the
// table, a caller missing from a route, a table entry for no route, a required
// parameter the request does not send: all fail. On both databases, over the demo
// department; each probe runs in a transaction rolled back afterwards.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { parse } from 'yaml';
import { z } from 'zod';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../app/accounts/create-demo-accounts.ts';
import { createUser } from '../app/accounts/create-user.ts';
import { issueApiToken } from '../app/accounts/issue-api-token.ts';
import type { Store } from '../app/ports.ts';
import { createReport } from '../app/reports/create-report.ts';
import { loadWorkflow } from '../app/reports/run-workflow-action.ts';
import { OrgTree } from '../core/org-unit.ts';
import { flattenSections } from '../core/report-template.ts';
import type { ReportTemplate } from '../core/report-template.ts';
import type { FreshDatabase } from '../storage/testing/test-databases.ts';
import { testDatabases } from '../storage/testing/test-databases.ts';
import { slidingWindowLimit } from './auth/login-rate-limit.ts';
import { buildServer } from './server.ts';
import { secrets, withApi } from './testing/api-test-kit.ts';
import type { Caller } from './testing/api-test-kit.ts';
import { seedDemo } from './testing/demo-api-kit.ts';

const TARGETS = ['scope', 'sibling', 'parent', 'ancestor', 'child', 'other'] as const;
type TargetName = (typeof TARGETS)[number];

const ZCaller = z.strictObject({
  unit: z.string(), sibling: z.string().optional(), parent: z.string().optional(), ancestor: z.string().optional(), child: z.string().optional(), other: z.string().optional(),
  token: z.strictObject({ owner: z.string(), grants: z.array(z.string()).optional() }).optional(),
  anonymous: z.literal(true).optional(),
});
const ZRoute = z.strictObject({
  url: z.string(),
  body: z.unknown().optional(),
  file: z.string().optional(),
  contentType: z.string().optional(),
  setup: z.enum(['entry:items', 'entry:documents', 'entry:plan', 'state:approved', 'state:issued']).optional(),
  expect: z.record(z.string(), z.union([z.string(), z.number()])),
});
const ZMatrix = z.strictObject({ period: z.string(), callers: z.record(z.string(), ZCaller), routes: z.record(z.string(), ZRoute) });
type TCaller = z.infer<typeof ZCaller>;
type TRoute = z.infer<typeof ZRoute>;

const MATRIX = ZMatrix.parse(parse(readFileSync(new URL('./access-matrix.yaml', import.meta.url), 'utf8')));
const PERIOD = MATRIX.period;

/** One page: the department's sections are its own; the plan too. */
const UNIT_TEMPLATE: ReportTemplate = {
  code: 'matrix-don-vi', name: 'Báo cáo tháng của đơn vị', summary: 'Kết quả công tác', closing: 'Trên đây là báo cáo.',
  sections: [
    { id: 'i', number: 'I', title: 'KẾT QUẢ', level: 1, blocks: [{ type: 'items' }, { type: 'documents' }], sections: [] },
    { id: 'ii', number: 'II', title: 'KẾ HOẠCH', level: 1, blocks: [{ type: 'plan' }], sections: [] },
  ],
};
/** A province's report: one section per department, written by the department. */
const PROVINCE_TEMPLATE: ReportTemplate = {
  code: 'matrix-tinh', name: 'Báo cáo tháng của tỉnh', summary: 'Tình hình kinh tế - xã hội', closing: 'Trên đây là báo cáo.',
  sections: [
    { id: 'i', number: 'I', title: 'THÔNG TIN VÀ TRUYỀN THÔNG', level: 1, owner: 'stttt-travinh', blocks: [{ type: 'items' }, { type: 'documents' }], sections: [] },
    { id: 'ii', number: 'II', title: 'VĂN PHÒNG UBND', level: 1, owner: 'ubnd-travinh', blocks: [{ type: 'items' }], sections: [] },
    { id: 'iii', number: 'III', title: 'KẾ HOẠCH', level: 1, blocks: [{ type: 'plan' }], sections: [] },
  ],
};

/**
 * The province reports on its own template, whose sections its departments own. The
 * UBND office and Vĩnh Long borrow the department's template (stttt-monthly): its
 * sections name the department's divisions, which are not under them (the attack of
 * issue 12: a division wrote into another unit's report through such a section).
 */
const TEMPLATE_OF: Readonly<Record<string, string>> = { travinh: PROVINCE_TEMPLATE.code, 'ubnd-travinh': 'stttt-monthly', vinhlong: 'stttt-monthly' };

/** `METHOD /path` of every operation of the OpenAPI document, with its required parameters. */
function operations(document: { paths: Record<string, Record<string, { parameters?: { in: string; name: string; required?: boolean }[] }>> }): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      found.set(`${method.toUpperCase()} ${path}`, (operation.parameters ?? []).filter((p) => p.required && p.in !== 'header').map((p) => `${p.in}:${p.name}`));
    }
  }
  return found;
}

const routeOf = (key: string) => key.replace(/ \(.*\)$/, '');
const isTargeted = (route: TRoute) => /\{(org|username)\}/.test(`${route.url} ${JSON.stringify(route.body ?? null)} ${route.file ?? ''}`);

function substitute<T>(value: T, values: Readonly<Record<string, string>>): T {
  if (typeof value === 'string') return value.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole) as T;
  if (Array.isArray(value)) return value.map((v) => substitute(v, values)) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, values)])) as T;
  return value;
}

interface World {
  readonly fresh: FreshDatabase;
  readonly base: Store;
  readonly app: Awaited<ReturnType<typeof buildServer>>;
  readonly callers: Map<string, Caller>;
  readonly tree: OrgTree;
  /** The store the server uses: the base, or the open transaction of a probe. */
  current: Store;
}

const ROLLBACK = Symbol('rollback');

/** The demo department, the reports of every target for the period, an account at every target, the callers' credentials. */
async function buildWorld(fresh: FreshDatabase): Promise<World> {
  const base = fresh.store;
  await seedDemo(base);
  await base.templates.upsertMany([UNIT_TEMPLATE, PROVINCE_TEMPLATE]);
  const targets = new Set(Object.values(MATRIX.callers).flatMap((c) => TARGETS.map((t) => (t === 'scope' ? c.unit : c[t])).filter((u): u is string => !!u)));
  for (const unit of targets) {
    // Every target has its account, also a unit whose report the demo already opened (the department's May).
    await createUser({ store: base, secrets, username: `matrix-${unit}`, password: 'mat-khau-thu', grants: [{ role: 'reporter', orgUnit: unit }], actor: 'matrix' });
    if (await base.reports.find(unit, PERIOD)) continue;
    const previous = await base.reports.find(unit, '2022-04');
    const template = previous ? undefined : TEMPLATE_OF[unit] ?? UNIT_TEMPLATE.code;
    await createReport({ store: base, principal: null, actor: 'matrix', orgUnit: unit, period: PERIOD, header: template ? { template } : {} });
  }
  const world: World = { fresh, base, app: undefined as never, callers: new Map(), tree: OrgTree.build(await base.orgUnits.list()).tree, current: base };
  const proxy = new Proxy({} as Store, { get: (_target, property) => Reflect.get(world.current, property) });
  const app = await buildServer({ store: proxy, secrets, logger: false, loginRateLimit: slidingWindowLimit({ max: 100_000, windowMs: 60_000 }) });
  Object.assign(world, { app });
  for (const [name, caller] of Object.entries(MATRIX.callers)) {
    if (caller.anonymous) world.callers.set(name, {});
    else if (caller.token) {
      const { token } = await issueApiToken({
        store: base, secrets, username: caller.token.owner, name, actor: 'matrix',
        ...(caller.token.grants ? { grants: caller.token.grants.map((g) => ({ role: g.split(':')[0] ?? '', orgUnit: g.split(':')[1] ?? '' })) } : {}),
      });
      world.callers.set(name, { bearer: token });
    } else {
      const response = await app.inject({ method: 'POST', url: '/api/session', payload: { username: name, password: DEMO_PASSWORD } });
      assert.equal(response.statusCode, 200, `login ${name}: ${response.body}`);
      world.callers.set(name, { cookie: `baocao_session=${response.cookies.find((c) => c.name === 'baocao_session')?.value ?? ''}`, csrfToken: (response.json() as { csrfToken: string }).csrfToken });
    }
  }
  return world;
}

/** {section} and {part} for this caller in the target's report, read in the probe's transaction. */
async function reportPlaceholders(tx: Store, caller: TCaller, unit: string): Promise<Record<string, string>> {
  const report = await tx.reports.find(unit, PERIOD);
  if (!report) return {};
  const sections = flattenSections((await tx.templates.get(report.template))?.sections ?? []);
  const own = sections.find((s) => s.owner === caller.unit && s.blocks.some((b) => b.type === 'items'));
  const section = own ?? sections.find((s) => s.blocks.some((b) => b.type === 'items'));
  const { parts } = await loadWorkflow({ store: tx, orgUnit: unit, period: PERIOD });
  const part = parts.find((p) => p.division === caller.unit)?.division ?? parts[0]?.division ?? caller.unit;
  return { section: section?.id ?? '', part };
}

async function setUp(tx: Store, setup: TRoute['setup'], unit: string, section: string): Promise<void> {
  if (!setup) return;
  const report = await tx.reports.find(unit, PERIOD);
  assert.ok(report, `no report of ${unit}`);
  switch (setup) {
    case 'entry:items': await tx.reports.saveItem(report.id, { id: 'matrix-entry', section, order: 99, text: 'Mục của ma trận.' }); break;
    case 'entry:documents': await tx.reports.saveDocument(report.id, { id: 'matrix-entry', section, type: 'Công văn', issuer: 'Sở', summary: 'về việc thử' }); break;
    case 'entry:plan': await tx.reports.savePlanItem(report.id, { id: 'matrix-entry', order: 99, text: 'Việc thử.', forPeriod: '2022-06' }); break;
    case 'state:approved':
    case 'state:issued': {
      const written = await tx.reports.updateState(report.id, report.version, setup === 'state:issued'
        ? { status: 'issued', number: 99, date: '2022-05-15', reason: null, issuedAt: '2022-05-15T01:00:00.000Z' }
        : { status: 'approved', number: null, date: null, reason: null });
      assert.ok(written.ok);
      break;
    }
  }
}

/** One request in a transaction that is rolled back: its status. */
async function probe(world: World, key: string, route: TRoute, callerName: string, unit: string | null): Promise<number> {
  const caller = MATRIX.callers[callerName] as TCaller;
  const credentials = world.callers.get(callerName) ?? {};
  let status = 0;
  await world.base.transaction(async (tx) => {
    world.current = tx;
    try {
      const needsReport = /\{(section|part)\}/.test(JSON.stringify(route.body ?? null)) || route.setup !== undefined;
      const values: Record<string, string> = {
        ...(unit ? { org: unit, username: `matrix-${unit}` } : {}),
        ...(unit && needsReport ? await reportPlaceholders(tx, caller, unit) : {}),
      };
      if (unit) await setUp(tx, route.setup, unit, values['section'] ?? '');
      const method = routeOf(key).split(' ')[0] as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
      const payload = route.file !== undefined ? Buffer.from(substitute(route.file, values)) : route.body === undefined ? undefined : substitute(route.body, values) as object;
      const response = await world.app.inject({
        method, url: substitute(route.url, values),
        headers: {
          ...(credentials.cookie ? { cookie: credentials.cookie } : {}),
          ...(credentials.csrfToken ? { 'x-csrf-token': credentials.csrfToken } : {}),
          ...(credentials.bearer ? { authorization: `Bearer ${credentials.bearer}` } : {}),
          ...(route.contentType ? { 'content-type': route.contentType } : {}),
        },
        ...(payload === undefined ? {} : { payload }),
      });
      status = response.statusCode;
      if (status === 403) assert.ok(['forbidden', 'csrf_invalid'].includes(response.json().code), response.body);
      if (status === 401) assert.equal(response.json().code, 'unauthenticated');
      if (status >= 500) assert.fail(`${callerName} ${route.url} → ${status}: ${response.body}`);
    } finally {
      world.current = world.base;
    }
    throw ROLLBACK;
  }).catch((error: unknown) => {
    if (error !== ROLLBACK) throw error;
  });
  return status;
}

function targetsOf(caller: TCaller): (string | null)[] {
  return TARGETS.map((t) => (t === 'scope' ? caller.unit : caller[t] ?? null));
}

function checkRelations(tree: OrgTree, name: string, caller: TCaller): void {
  const unit = tree.get(caller.unit);
  assert.ok(unit, `${name}: unknown unit ${caller.unit}`);
  const root = (code: string) => tree.get(code)?.path.split('/')[1];
  const relation: Record<Exclude<TargetName, 'scope'>, (code: string) => boolean> = {
    sibling: (code) => code !== unit.code && tree.get(code)?.parentCode === unit.parentCode,
    parent: (code) => unit.parentCode === code,
    ancestor: (code) => code !== unit.parentCode && tree.isWithin(unit.code, code) && code !== unit.code,
    child: (code) => tree.get(code)?.parentCode === unit.code,
    other: (code) => root(code) !== root(unit.code),
  };
  for (const target of ['sibling', 'parent', 'ancestor', 'child', 'other'] as const) {
    const code = caller[target];
    if (code) assert.ok(relation[target](code), `${name}: ${code} is not its ${target}`);
  }
}

function row(statuses: readonly (number | null)[]): string {
  return statuses.map((s) => (s === null ? '-' : String(s))).join(' ');
}

for (const database of testDatabases()) {
  describe(`${database.name}: authorisation matrix`, { skip: database.skip }, () => {
    let world: World | undefined;
    before(async () => {
      world = await buildWorld(await database.open());
    });
    after(async () => {
      await world?.app.close();
      await world?.fresh.dispose();
    });

    test('the table covers every route of /openapi.json, every caller, and the targets are what they say', async () => {
      assert.ok(world);
      const document = (await world.app.inject({ method: 'GET', url: '/openapi.json' })).json();
      const ops = operations(document);
      const missing = [...ops.keys()].filter((op) => !Object.keys(MATRIX.routes).some((key) => routeOf(key) === op));
      assert.deepEqual(missing, [], `routes of /openapi.json missing from access-matrix.yaml: ${missing.join(', ')}`);
      const stale = Object.keys(MATRIX.routes).filter((key) => !ops.has(routeOf(key)));
      assert.deepEqual(stale, [], 'entries of access-matrix.yaml for no route');
      for (const [key, route] of Object.entries(MATRIX.routes)) {
        for (const parameter of ops.get(routeOf(key)) ?? []) {
          const [place, name] = parameter.split(':');
          const sent = place === 'path' ? true : new URL(route.url, 'http://x').searchParams.has(name ?? '');
          assert.ok(sent, `${key}: the request does not send the required ${parameter}`);
        }
      }
      const demo = DEMO_ACCOUNTS.map((a) => a.username).filter((name) => !(name in MATRIX.callers));
      assert.deepEqual(demo, [], 'demo accounts missing from callers');
      for (const account of DEMO_ACCOUNTS) assert.equal(MATRIX.callers[account.username]?.unit, account.orgUnit, `${account.username}: its unit is its grant`);
      for (const [name, caller] of Object.entries(MATRIX.callers)) checkRelations(world.tree, name, caller);
    });

    for (const [key, route] of Object.entries(MATRIX.routes)) {
      test(key, async () => {
        assert.ok(world);
        const observed: string[] = [];
        const wrong: string[] = [];
        for (const [name, caller] of Object.entries(MATRIX.callers)) {
          const statuses: (number | null)[] = [];
          for (const unit of isTargeted(route) ? targetsOf(caller) : [null]) {
            statuses.push(unit === null && isTargeted(route) ? null : await probe(world, key, route, name, unit));
          }
          const got = row(statuses);
          observed.push(`      ${name}: ${' '.repeat(Math.max(0, 15 - name.length))}${got}`);
          const expected = route.expect[name];
          if (expected === undefined || String(expected) !== got) wrong.push(`${name}: expected ${expected ?? '(missing)'}, got ${got}`);
        }
        assert.deepEqual(wrong, [], `${key}\n${wrong.join('\n')}\nobserved (order: ${isTargeted(route) ? TARGETS.join(' ') : 'one answer'}):\n    expect:\n${observed.join('\n')}`);
      });
    }
  });
}

// Two checks of bodies, on the test kit's small tree.
for (const database of testDatabases()) {
  describe(database.name, { skip: database.skip }, () => {
    test('every /api route refuses an anonymous caller with 401, before looking at the input', () =>
      withApi(database, async ({ call }) => {
        for (const [method, url, body] of [
          ['GET', '/api/me'], ['GET', '/api/orgunits'], ['GET', '/api/indicators'], ['GET', '/api/values?org=stttt&period=2022-04'],
          ['PUT', '/api/values', { wrong: true }], ['DELETE', '/api/session'], ['POST', '/api/session/logout-all'],
        ] as const) {
          const response = await call(null, method, url, body);
          assert.equal(response.statusCode, 401, `${method} ${url}`);
          assert.deepEqual(response.json(), { code: 'unauthenticated', message: 'Cần đăng nhập.' });
        }
      }));

    test('org units are listed only within the caller\'s subtrees', () =>
      withApi(database, async ({ call, login }) => {
        const codes = async (account: string) => ((await call(await login(account), 'GET', '/api/orgunits')).json() as { orgUnits: { code: string }[] }).orgUnits.map((u) => u.code).sort();
        assert.deepEqual(await codes('bcvt'), ['bcvt']);
        assert.deepEqual(await codes('vanphong'), ['bcvt', 'cntt', 'stttt']);
        assert.deepEqual(await codes('ubndtinh'), ['bcvt', 'cntt', 'stttt', 'tv']);
      }));
  });
}
