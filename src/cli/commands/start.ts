// `baocao start` (npm start): the app ready to try in one command. Applies migrations,
// loads the demo department (data and demo accounts) into an EMPTY database only, builds
// the web app when its build is missing or older than its sources, then serves the API
// and the web app like `baocao serve` (PORT/HOST or --port/--host; 127.0.0.1:3000).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { nodeSecrets } from '../../api/auth/node-secrets.ts';
import { createDemoAccounts, DEMO_PASSWORD } from '../../app/accounts/create-demo-accounts.ts';
import { loadDemo } from '../../app/metadata/load-demo.ts';
import { loadDemo as readDemoFiles } from '../../exchange/demo/load-demo.ts';
import { packageRoot } from '../../exchange/package-root.ts';
import { CliError } from '../cli-error.ts';
import type { CommandContext } from '../command.ts';
import { cliActor, withStore } from '../store.ts';
import { run as serve } from './serve.ts';

const ROOT = packageRoot();

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds web/ with Vite when web/dist/index.html is missing or older than web/src; no web/: nothing to do. */
function buildWebIfStale(io: CommandContext['io']): void {
  const web = path.join(ROOT, 'web');
  const sources = path.join(web, 'src');
  if (!existsSync(sources)) return;
  const built = path.join(web, 'dist', 'index.html');
  if (existsSync(built) && statSync(built).mtimeMs >= newestMtime(sources)) return;
  io.err('Đang dựng giao diện web (vite build)…');
  const result = spawnSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  // The API still works without the web app: warn and go on.
  if (result.status !== 0) io.err('Không dựng được giao diện web; máy chủ vẫn chạy API (xem lỗi ở trên).');
}

export async function run(context: CommandContext): Promise<number> {
  const { io, env } = context;
  const loaded = await withStore(env, async (store) => {
    if ((await store.orgUnits.list()).length > 0) return false;
    const demo = readDemoFiles();
    if (demo.problems.length > 0) throw new CliError(2, `Dữ liệu mẫu có lỗi (${demo.problems[0]?.file ?? ''}: ${demo.problems[0]?.message ?? ''}); chạy "baocao demo load" để xem chi tiết.`);
    const summary = await loadDemo({ store, demo, actor: cliActor(env) });
    if (summary.status === 'ERROR') throw new CliError(2, 'Danh mục của dữ liệu mẫu không hợp lệ: không nạp gì.');
    await createDemoAccounts({ store, secrets: nodeSecrets(), actor: cliActor(env) });
    return true;
  });
  if (loaded) io.err(`Cơ sở dữ liệu trống: đã nạp dữ liệu mẫu Sở TT&TT Trà Vinh và các tài khoản mẫu (quantri, vanphong, lanhdao, bcvt, thanhtra, ubndtinh; mật khẩu ${DEMO_PASSWORD}).`);
  buildWebIfStale(io);
  // `baocao serve` prints the URL and the demo accounts warning, and stops on SIGTERM/SIGINT.
  return serve({ ...context, env: { ...env, PORT: env['PORT'] ?? '3000' }, args: { ...context.args, values: { ...context.args.values, host: context.args.values['host'] ?? env['HOST'] ?? '127.0.0.1' } } });
}
