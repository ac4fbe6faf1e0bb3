#!/usr/bin/env node
// Browser tests: builds the web app if needed, starts a baocao server on a free port
// with a fresh SQLite database in a temporary folder and the demo loaded, runs
// Playwright with Debian's Chromium, and stops the server. Without Chromium it skips
// with a visible line, except under CI=true where that is a failure.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const chromium = process.env.BAOCAO_CHROMIUM ?? '/usr/bin/chromium';
const inCi = process.env.CI === 'true';

if (!existsSync(chromium)) {
  if (inCi) {
    console.error(`e2e: Chromium không có ở ${chromium} (CI=true: không được bỏ qua). Cài bằng: apt-get install chromium`);
    process.exit(1);
  }
  console.log(`e2e: BỎ QUA các kiểm thử trình duyệt: không thấy Chromium ở ${chromium}. Cài bằng: sudo apt-get install chromium`);
  process.exit(0);
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

const dist = join(root, 'web', 'dist', 'index.html');
if (!existsSync(dist) || statSync(dist).mtimeMs < newestMtime(join(root, 'web', 'src'))) {
  console.log('e2e: dựng giao diện web (vite build)…');
  const build = spawnSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const port = await new Promise((resolve, reject) => {
  const probe = createServer();
  probe.once('error', reject);
  probe.listen(0, '127.0.0.1', () => {
    const address = probe.address();
    probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
  });
});

const dir = mkdtempSync(join(tmpdir(), 'baocao-e2e-'));
const server = spawn(process.execPath, ['--import', 'tsx', 'e2e/support/demo-server.ts', join(dir, 'baocao.db'), String(port)], {
  cwd: root, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, BAOCAO_LOG_LEVEL: 'warn' },
});

const stop = () => {
  if (server.exitCode === null) server.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

const url = await new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error('e2e: máy chủ không khởi động sau 60 giây')), 60_000);
  let buffer = '';
  server.stdout.on('data', (chunk) => {
    buffer += String(chunk);
    const match = /READY (\S+)/.exec(buffer);
    if (match) {
      clearTimeout(timer);
      resolve(match[1]);
    }
  });
  server.once('exit', (code) => reject(new Error(`e2e: máy chủ dừng (mã ${code}) trước khi sẵn sàng`)));
}).catch((error) => {
  console.error(error.message);
  stop();
  process.exit(1);
});

console.log(`e2e: máy chủ ở ${url}, cơ sở dữ liệu ${dir}`);
const result = spawnSync(process.execPath, [join(root, 'node_modules', '@playwright', 'test', 'cli.js'), 'test', '--config', 'e2e/playwright.config.ts', ...process.argv.slice(2)], {
  cwd: root, stdio: 'inherit', env: { ...process.env, BAOCAO_E2E_URL: url, BAOCAO_CHROMIUM: chromium },
});
stop();
await new Promise((resolve) => (server.exitCode !== null ? resolve() : server.once('exit', resolve)));
rmSync(dir, { recursive: true, force: true });
process.exit(result.status ?? 1);
