#!/usr/bin/env node
// The package as a user installs it: `npm pack`, a global install into a temporary
// prefix, then `baocao start` from an empty folder with its data where BAOCAO_DATA
// says. Passes when the server becomes ready, serves the web app and the API, keeps
// its database in that folder, and stops on SIGTERM. Run by .ci/run after the tests.
//
//   node scripts/check-package.mjs
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const work = mkdtempSync(path.join(tmpdir(), 'baocao-package-'));
const fail = (message) => {
  console.error(`check-package: ${message}`);
  process.exitCode = 1;
};

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status ?? result.signal})`);
}

const freePort = () => new Promise((resolve, reject) => {
  const probe = createServer();
  probe.once('error', reject);
  probe.listen(0, '127.0.0.1', () => {
    const { port } = probe.address();
    probe.close(() => resolve(port));
  });
});

let server;
try {
  run('npm', ['pack', '--pack-destination', work, '--silent'], { cwd: root });
  const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'));
  if (!tarball) throw new Error('npm pack made no tarball');
  const prefix = path.join(work, 'prefix');
  run('npm', ['install', '--global', '--prefix', prefix, '--no-audit', '--no-fund', path.join(work, tarball)]);
  const bin = path.join(prefix, 'bin', 'baocao');
  if (!existsSync(bin)) throw new Error(`the package installs no ${bin}`);

  const folder = path.join(work, 'empty-folder');
  mkdirSync(folder);
  const data = path.join(work, 'data-elsewhere');
  const port = await freePort();
  let log = '';
  server = spawn(bin, ['start'], { cwd: folder, env: { ...process.env, BAOCAO_DATA: data, BAOCAO_DB: '', PORT: String(port), LOG_LEVEL: 'warn' } });
  server.stdout.on('data', (chunk) => (log += chunk));
  server.stderr.on('data', (chunk) => (log += chunk));
  const base = `http://127.0.0.1:${port}`;
  let ready = false;
  for (let attempt = 0; attempt < 120 && server.exitCode === null; attempt++) {
    ready = await fetch(`${base}/readyz`).then((r) => r.status === 200, () => false);
    if (ready) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  if (!ready) throw new Error(`the installed server did not become ready:\n${log}`);
  const page = await (await fetch(`${base}/`)).text();
  if (!page.includes('<html')) fail('GET / does not serve the web app');
  const me = await fetch(`${base}/api/me`);
  if (me.status !== 401) fail(`GET /api/me without a session answered ${me.status}, not 401`);
  const login = await fetch(`${base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'vanphong', password: 'baocao-demo' }) });
  if (login.status !== 200) fail(`logging in as the demo compiler answered ${login.status}`);
  if (!existsSync(path.join(data, 'baocao.db'))) fail(`no database in BAOCAO_DATA (${data})`);
  if (existsSync(path.join(folder, 'data'))) fail('the server wrote ./data in the working folder despite BAOCAO_DATA');
  server.kill('SIGTERM');
  const code = await new Promise((resolve) => server.once('exit', (exitCode) => resolve(exitCode)));
  if (code !== 0) fail(`the server exited with ${code} on SIGTERM`);
  if (!process.exitCode) console.log(`check-package: ${tarball} installs, starts from an empty folder, serves and stops cleanly`);
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
} finally {
  if (server && server.exitCode === null) server.kill('SIGKILL');
  rmSync(work, { recursive: true, force: true });
}
