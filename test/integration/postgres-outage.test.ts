// The server on PostgreSQL under a steady mix of reads and writes while the database
// restarts (`pg_ctl restart -m fast`), has the server's connections terminated
// (pg_terminate_backend), and is stopped for a few seconds. The server must stay up,
// answer only 200 or 503 (503 with Retry-After and the Vietnamese message, within a
// bounded time), serve again within 5 s of the database coming back, and every write
// it acknowledged must be stored; a refused write stores nothing of its request.
//
// It runs its own throwaway cluster (the shared test cluster cannot be restarted
// under the other test files) and the real `baocao serve` process.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { nodeSecrets } from '../../src/api/auth/node-secrets.ts';
import { createUser } from '../../src/app/accounts/create-user.ts';
import { issueApiToken } from '../../src/app/accounts/issue-api-token.ts';
import { DATABASE_UNAVAILABLE_MESSAGE } from '../../src/storage/database-unavailable.ts';
import { openStore } from '../../src/storage/open-store.ts';
import { INDICATORS, TRA_VINH_UNITS } from '../../src/storage/testing/fixtures.ts';
import { controlCluster, findPostgresBin, startCluster, stopCluster } from '../../scripts/pg-cluster.mjs';
import type { Cluster } from '../../scripts/pg-cluster.mjs';

const BIN = fileURLToPath(new URL('../../bin/baocao.mjs', import.meta.url));
const CONNECT_TIMEOUT_MS = 2_000;
const STATEMENT_TIMEOUT_MS = 5_000;
/** A request the server has not answered after this long counts as hanging. */
const HANG_MS = CONNECT_TIMEOUT_MS + STATEMENT_TIMEOUT_MS + 3_000;
/** The issue's promise: serving again this soon after the database is back. */
const RESUME_MS = 5_000;

const bin = findPostgresBin();
const skip = bin ? false : process.env['CI'] === 'true' ? false : 'PostgreSQL binaries not found (apt-get install postgresql-15)';

interface Answer {
  readonly kind: 'read' | 'write' | 'ready';
  readonly started: number;
  readonly ended: number;
  readonly status: number | 'hung' | 'network';
  readonly retryAfter: string | null;
  readonly message: string;
}

interface Write {
  readonly period: string;
  readonly value: number;
  acknowledged: boolean;
}

describe('PostgreSQL outages under load', { skip }, () => {
  let cluster: Cluster | null = null;
  let server: ChildProcess | null = null;
  let serverExit: { code: number | null; signal: string | null } | null = null;
  let serverLog = '';
  let baseUrl = '';
  let token = '';
  let databaseUrl = '';

  before(async () => {
    if (!bin) throw new Error('CI=true but PostgreSQL binaries were not found: install postgresql-15');
    const started = await startCluster(bin);
    cluster = started;
    const admin = new pg.Client({ connectionString: started.url });
    await admin.connect();
    await admin.query('CREATE DATABASE outage');
    await admin.end();
    const url = new URL(started.url);
    url.pathname = '/outage';
    databaseUrl = url.toString();

    const store = await openStore({ url: databaseUrl, env: {} });
    try {
      await store.orgUnits.upsertMany(TRA_VINH_UNITS);
      await store.indicators.upsertIndicators(INDICATORS.filter((i) => i.code.startsWith('ioffice.docs')));
      const secrets = nodeSecrets();
      await createUser({ store, secrets, username: 'vanhanh', password: 'mat-khau-dai', grants: [{ role: 'reporter', orgUnit: 'stttt' }], actor: 'test' });
      token = (await issueApiToken({ store, secrets, username: 'vanhanh', name: 'tai-kiem-tra', actor: 'test' })).token;
    } finally {
      await store.close();
    }

    server = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--host', '127.0.0.1'], {
      env: { ...process.env, BAOCAO_DB: databaseUrl, LOG_LEVEL: 'warn', BAOCAO_DB_CONNECT_TIMEOUT_MS: String(CONNECT_TIMEOUT_MS), BAOCAO_DB_STATEMENT_TIMEOUT_MS: String(STATEMENT_TIMEOUT_MS) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.on('exit', (code, signal) => (serverExit = { code, signal }));
    server.stdout?.on('data', (chunk: Buffer) => (serverLog += chunk.toString()));
    baseUrl = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`server did not start:\n${serverLog}`)), 60_000);
      server?.stderr?.on('data', (chunk: Buffer) => {
        serverLog += chunk.toString();
        const match = /đang chạy tại (http:\/\/\S+)/.exec(serverLog);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
      server?.on('exit', () => reject(new Error(`server exited while starting:\n${serverLog}`)));
    });
  });

  after(async () => {
    if (server && server.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise((resolve) => server?.once('exit', resolve));
    }
    stopCluster(cluster);
  });

  async function cli(args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, BAOCAO_DB: databaseUrl, BAOCAO_DEBUG: '', BAOCAO_DB_CONNECT_TIMEOUT_MS: String(CONNECT_TIMEOUT_MS) } });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
  }

  async function call(kind: Answer['kind'], path: string, init: RequestInit = {}): Promise<Answer> {
    const started = Date.now();
    try {
      const response = await fetch(baseUrl + path, { ...init, signal: AbortSignal.timeout(HANG_MS), headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers } });
      const body = await response.text();
      let message = '';
      try {
        message = String((JSON.parse(body) as { message?: unknown }).message ?? '');
      } catch {
        message = body.slice(0, 200);
      }
      return { kind, started, ended: Date.now(), status: response.status, retryAfter: response.headers.get('retry-after'), message };
    } catch (error) {
      const hung = error instanceof Error && error.name === 'TimeoutError';
      return { kind, started, ended: Date.now(), status: hung ? 'hung' : 'network', retryAfter: null, message: String(error) };
    }
  }

  test('stays up, answers 200 or 503, resumes within 5 s, keeps every acknowledged write', async () => {
    const answers: Answer[] = [];
    const writes: Write[] = [];
    let running = true;

    // Each write stores two values for a period of its own, in one request: either
    // both are stored or neither (a transaction cut off by the outage rolls back).
    const writer = async () => {
      for (let i = 0; running; i++) {
        const period = `${2030 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
        const write: Write = { period, value: 1000 + i, acknowledged: false };
        writes.push(write);
        const answer = await call('write', '/api/values', {
          method: 'PUT',
          body: JSON.stringify({ dataValues: [
            { dataElement: 'ioffice.docs_issued', period, orgUnit: 'stttt', value: String(write.value) },
            { dataElement: 'ioffice.docs_signed', period, orgUnit: 'stttt', value: String(write.value - 1) },
          ] }),
        });
        answers.push(answer);
        write.acknowledged = typeof answer.status === 'number' && answer.status >= 200 && answer.status < 300;
        await sleep(60);
      }
    };
    const reader = async () => {
      while (running) {
        answers.push(await call('read', '/api/values?org=stttt&period=2030-01'));
        await sleep(40);
      }
    };
    const readiness = async () => {
      while (running) {
        answers.push(await call('ready', '/readyz'));
        await sleep(200);
      }
    };

    /** How long after `since` the first successful read started, or Infinity. */
    const resumedAfter = async (since: number): Promise<number> => {
      const deadline = since + 15_000;
      while (Date.now() < deadline) {
        const ok = answers.find((a) => a.kind === 'read' && a.started >= since && a.status === 200);
        if (ok) return ok.ended - since;
        await sleep(50);
      }
      return Infinity;
    };

    const load = Promise.all([writer(), reader(), readiness()]);
    await sleep(2_000);

    // 1. A fast restart: every connection is cut, the server is back within a second or two.
    await controlCluster(cluster, 'restart');
    const afterRestart = await resumedAfter(Date.now());

    // 2. The server's own connections terminated by an administrator.
    await sleep(2_000);
    const admin = new pg.Client({ connectionString: cluster?.url });
    await admin.connect();
    const terminated = await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'outage' AND pid <> pg_backend_pid()");
    await admin.end();
    const afterTerminate = await resumedAfter(Date.now());

    // 3. Down for 3 seconds: every answer in between must be a prompt 503.
    await sleep(2_000);
    await controlCluster(cluster, 'stop');
    const downAt = Date.now();
    await sleep(3_000);
    // pg_ctl start returns some time after the server accepts connections: the outage ends here.
    const startingAt = Date.now();
    await controlCluster(cluster, 'start');
    const upAt = Date.now();
    const afterStart = await resumedAfter(upAt);

    await sleep(2_000);
    running = false;
    await load;

    assert.equal(serverExit, null, `the server exited:\n${serverLog}`);
    assert.ok(terminated.rowCount && terminated.rowCount > 0, 'pg_terminate_backend found server connections to end');

    const unexpected = answers.filter((a) => a.status !== 200 && a.status !== 503);
    assert.deepEqual(unexpected.map((a) => `${a.kind} ${a.status} ${a.message}`), [], 'only 200 and 503');
    for (const refused of answers.filter((a) => a.status === 503)) {
      assert.equal(refused.retryAfter, '5', `${refused.kind}: 503 carries Retry-After`);
      assert.ok(refused.message.includes(DATABASE_UNAVAILABLE_MESSAGE), `${refused.kind}: 503 says "${DATABASE_UNAVAILABLE_MESSAGE}", got "${refused.message}"`);
    }
    const slowest = Math.max(...answers.map((a) => a.ended - a.started));
    assert.ok(slowest < HANG_MS, `every answer within ${HANG_MS} ms (slowest ${slowest} ms)`);

    const duringOutage = answers.filter((a) => a.started > downAt && a.ended < startingAt);
    assert.ok(duringOutage.some((a) => a.kind === 'read' && a.status === 503), 'reads during the outage get 503');
    assert.ok(duringOutage.some((a) => a.kind === 'ready' && a.status === 503), '/readyz answers 503 during the outage');
    assert.ok(!duringOutage.some((a) => a.status === 200 && a.kind !== 'write'), 'nothing claims to be served from a stopped database');

    for (const [what, ms] of [['restart', afterRestart], ['terminate', afterTerminate], ['start', afterStart]] as const) {
      assert.ok(ms <= RESUME_MS, `serving again within ${RESUME_MS} ms of the ${what} (took ${ms} ms)`);
    }
    const lastReady = answers.filter((a) => a.kind === 'ready').at(-1);
    assert.equal(lastReady?.status, 200, '/readyz is 200 again at the end');
    assert.doesNotMatch(serverLog, /uncaught|unhandled/i, 'no uncaught error in the server log');

    // What the database holds: every acknowledged write whole, every refused one whole or absent.
    const check = new pg.Client({ connectionString: databaseUrl });
    await check.connect();
    const stored = await check.query<{ code: string; period: string; value: number }>(
      'SELECT i.code, d.period, d.value FROM data_value d JOIN indicator i ON i.id = d.indicator_id',
    );
    await check.end();
    const byPeriod = new Map<string, Map<string, number>>();
    for (const row of stored.rows) {
      const values = byPeriod.get(row.period) ?? new Map<string, number>();
      values.set(row.code, Number(row.value));
      byPeriod.set(row.period, values);
    }
    const acknowledged = writes.filter((w) => w.acknowledged);
    assert.ok(acknowledged.length > 20, `a steady load was acknowledged (${acknowledged.length} writes)`);
    assert.ok(writes.some((w) => !w.acknowledged), 'some writes were refused during the outages');
    for (const write of writes) {
      const values = byPeriod.get(write.period);
      if (write.acknowledged) {
        assert.equal(values?.get('ioffice.docs_issued'), write.value, `acknowledged write ${write.period} is stored`);
        assert.equal(values?.get('ioffice.docs_signed'), write.value - 1, `acknowledged write ${write.period} is stored whole`);
      } else {
        assert.ok(values === undefined || values.size === 2, `refused write ${write.period} left nothing half-written`);
      }
    }
  });

  test('the CLI on a stopped database: one Vietnamese line and exit code 75, then works again', async () => {
    await controlCluster(cluster, 'stop');
    try {
      for (const args of [['values', 'export', '--org', 'stttt', '--period', '2030-01'], ['db', 'migrate']]) {
        const run = await cli(args);
        assert.equal(run.code, 75, `baocao ${args.join(' ')}: exit 75 (${run.stderr})`);
        assert.match(run.stderr, new RegExp(DATABASE_UNAVAILABLE_MESSAGE));
        assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
        assert.equal(run.stderr.trim().split('\n').length, 1, 'one line');
      }
    } finally {
      await controlCluster(cluster, 'start');
    }
    const again = await cli(['values', 'export', '--org', 'stttt', '--period', '2030-01']);
    assert.equal(again.code, 0, again.stderr);
  });
});
