// `npm run bench:http`: requests per second and latency of the server's hot paths,
// measured with autocannon against the real server (`baocao serve`, the compiled
// dist/) on a fresh demo database, each as a ratio to a Fastify hello-world route
// measured in the same run (before and after, averaged), so the figures mean the same
// on a faster or busier machine. Goals (issue 15): report model GET ≥ 0.15, value PUT
// ≥ 0.06, /api/me ≥ 0.3, p99 < 20 ms each.
//
// Every request carries the Accept-Encoding a browser sends. autocannon decodes each
// answer's bytes into a JavaScript string; a 41 KB answer of Vietnamese text takes
// UTF-8's slow path and costs the client more than the server (measured: a fixed 41 KB
// buffer of the report's JSON caps a bare Fastify route at ~2,600 req/s here, the same
// size in ASCII at ~12,000), so sending the report uncompressed would measure autocannon.
//
//   node --import tsx bench/http.ts [--duration 10] [--connections 10] [--json]
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';

const { values: options } = parseArgs({ options: { duration: { type: 'string', default: '10' }, connections: { type: 'string', default: '10' }, json: { type: 'boolean', default: false } } });
const DURATION = Number(options.duration);
const CONNECTIONS = Number(options.connections);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = path.join(ROOT, 'bin', 'baocao.mjs');

/** The report the issue measured (April 2022, issued), read by the office. */
const ORG = 'stttt-travinh';
const REPORT_PERIOD = process.env['BENCH_REPORT_PERIOD'] ?? '2022-04';
/** The open month, where a division writes. */
const OPEN_PERIOD = '2022-05';
/** What Chromium sends. */
const BROWSER_ACCEPT_ENCODING = 'gzip, deflate, br, zstd';

interface Target {
  readonly name: string;
  readonly goal?: number;
  readonly method: 'GET' | 'PUT';
  readonly path: string;
  readonly body?: string;
  readonly authenticated: boolean;
  /** Headers of the caller (default: the office). */
  readonly as?: Record<string, string>;
}

interface Measured {
  readonly name: string;
  readonly requestsPerSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly non2xx: number;
  readonly errors: number;
}

function startProcess(command: string, args: string[], env: NodeJS.ProcessEnv, ready: RegExp): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = ready.exec(output);
      if (match?.[1]) resolve({ child, url: match[1] });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`${args.join(' ')} exited (${code}):\n${output}`)));
  });
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(' ')} failed (${code})`))));
  });
}

async function measure(name: string, url: string, method: 'GET' | 'PUT', headers: Record<string, string>, body?: string): Promise<Measured> {
  const result = await autocannon({ url, method, headers: { 'accept-encoding': BROWSER_ACCEPT_ENCODING, ...headers }, ...(body ? { body } : {}), connections: CONNECTIONS, duration: DURATION });
  return { name, requestsPerSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors };
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'baocao-bench-http-'));
const children: ChildProcess[] = [];
try {
  const env = { BAOCAO_DB: `sqlite:${path.join(dir, 'bench.db')}`, LOG_LEVEL: 'warn' };
  await run(process.execPath, [BIN, 'demo', 'load'], env);
  const ours = await startProcess(process.execPath, [BIN, 'serve', '--port', '0'], env, /đang chạy tại (http:\/\/\S+)/);
  children.push(ours.child);
  const hello = await startProcess(process.execPath, [path.join(ROOT, 'bench', 'hello-server.mjs')], {}, /(http:\/\/\S+)/);
  children.push(hello.child);

  const loginAs = async (username: string): Promise<Record<string, string>> => {
    const login = await fetch(`${ours.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'baocao-demo' }) });
    if (login.status !== 200) throw new Error(`login ${username} answered ${login.status}: ${await login.text()}`);
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    return { cookie: (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '', 'x-csrf-token': csrfToken };
  };
  // The office reads; the division writes its own figure of the open month (first PUT
  // stores it, every later one sends it unchanged).
  const auth = await loginAs('vanphong');
  const division = await loginAs('bcvt');
  const putBody = JSON.stringify({ dataValues: [{ dataElement: 'ioffice.docs_issued', period: OPEN_PERIOD, orgUnit: 'stttt-bcvt', value: '20601' }] });

  const targets: Target[] = [
    { name: `GET /api/reports/${ORG}/${REPORT_PERIOD} (report model)`, goal: 0.15, method: 'GET', path: `/api/reports/${ORG}/${REPORT_PERIOD}`, authenticated: true },
    { name: 'PUT /api/values (one unchanged value)', goal: 0.06, method: 'PUT', path: '/api/values', body: putBody, authenticated: true, as: division },
    { name: `GET /api/values?org=${ORG}&period=${REPORT_PERIOD}&children=true`, method: 'GET', path: `/api/values?org=${ORG}&period=${REPORT_PERIOD}&children=true`, authenticated: true },
    { name: 'GET /api/me', goal: 0.3, method: 'GET', path: '/api/me', authenticated: true },
  ];
  for (const target of targets) {
    const check = await fetch(ours.url + target.path, { method: target.method, headers: { ...(target.as ?? auth), 'content-type': 'application/json' }, ...(target.body ? { body: target.body } : {}) });
    if (check.status !== 200) throw new Error(`${target.name} answered ${check.status}: ${(await check.text()).slice(0, 300)}`);
  }

  const helloBefore = await measure('hello world (before)', hello.url, 'GET', {});
  const results: Measured[] = [];
  for (const target of targets) {
    results.push(await measure(target.name, ours.url + target.path, target.method, { ...(target.as ?? auth), 'content-type': 'application/json' }, target.body));
  }
  const helloAfter = await measure('hello world (after)', hello.url, 'GET', {});
  const yardstick = (helloBefore.requestsPerSecond + helloAfter.requestsPerSecond) / 2;

  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.type()} ${os.release()}`;
  const rows = results.map((r, i) => ({ ...r, ratio: r.requestsPerSecond / yardstick, goal: targets[i]?.goal }));
  if (options.json) {
    console.log(JSON.stringify({ machine, duration: DURATION, connections: CONNECTIONS, hello: [helloBefore, helloAfter], results: rows }, null, 2));
  } else {
    console.log(`Machine: ${machine}; autocannon ${CONNECTIONS} connections × ${DURATION} s each; server LOG_LEVEL=warn, SQLite demo database`);
    console.log(`Hello world: ${Math.round(helloBefore.requestsPerSecond)} req/s before, ${Math.round(helloAfter.requestsPerSecond)} after\n`);
    console.log('| request | req/s | ratio to hello | goal | p50 / p99 ms | non-2xx |');
    console.log('|---|---|---|---|---|---|');
    for (const r of rows) {
      const met = r.goal === undefined ? '' : r.ratio >= r.goal && r.p99 < 20 ? ` ≥ ${r.goal} ✓` : ` ≥ ${r.goal} ✗`;
      console.log(`| ${r.name} | ${Math.round(r.requestsPerSecond).toLocaleString('en')} | ${r.ratio.toFixed(3)} |${met} | ${r.p50} / ${r.p99} | ${r.non2xx + r.errors} |`);
    }
  }
} finally {
  for (const child of children) child.kill('SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 300));
  rmSync(dir, { recursive: true, force: true });
}
