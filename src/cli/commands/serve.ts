// `baocao serve [--port 3000] [--host 127.0.0.1] [--trust-proxy]`: runs the HTTP API
// until SIGTERM/SIGINT, then finishes the requests in flight and exits. Its settings
// (trusted proxies, session lifetimes) come from the environment (server-settings.ts).
import { optionalString, flag } from '../args.ts';
import { usageError } from '../cli-error.ts';
import type { CommandContext } from '../command.ts';
import { startServer } from '../../api/start-server.ts';
import { serverSettings } from '../server-settings.ts';
import { openStore } from '../../storage/open-store.ts';

export async function run({ args, io, env, helpCommand }: CommandContext): Promise<number> {
  const portText = optionalString(args, 'port') ?? env['PORT'] ?? '3000';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw usageError(`Cổng không hợp lệ: "${portText}".`, helpCommand);
  const host = optionalString(args, 'host') ?? '127.0.0.1';
  const settings = serverSettings(env, { trustProxyFlag: flag(args, 'trust-proxy') });
  // Lost connections are logged (by the server's logger once it runs); the pool
  // replaces them on the next query, so the server keeps serving.
  let onConnectionError = (error: Error): void => io.err(`Cảnh báo: mất một kết nối cơ sở dữ liệu (${error.message}); sẽ kết nối lại khi cần.`);
  const store = await openStore({ env, onConnectionError: (error) => onConnectionError(error) });
  const demo = (await store.accounts.listUsers()).filter((u) => u.isDemo && !u.disabled);
  const server = await startServer({ store, port, host, trustProxy: settings.trustProxy, sessions: settings.sessions, authCacheMs: settings.authCacheMs, loginsPerMinute: settings.loginsPerMinute, logLevel: env['LOG_LEVEL'] ?? 'info' });
  onConnectionError = (error) => server.app.log.warn({ err: error }, 'database connection lost; the pool reconnects on the next query');
  io.err(`baocao đang chạy tại ${server.url} (tài liệu API: ${server.url}/docs)`);
  if (demo.length > 0) {
    io.err(`CẢNH BÁO: đang có ${demo.length} tài khoản mẫu hoạt động (${demo.map((u) => u.username).join(', ')}) với mật khẩu công khai; vô hiệu hóa bằng "baocao user disable TÊN" trước khi dùng thật.`);
  }
  await server.closed;
  return 0;
}
