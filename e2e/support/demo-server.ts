// A throwaway baocao server for the browser tests and for trying the web app:
// a fresh SQLite file, the demo department and its accounts loaded as `baocao demo
// load` does (with cheap password hashes), the API and the built web app on the given port.
// Usage: node --import tsx e2e/support/demo-server.ts <sqlite-file> <port>
import { createDemoAccounts } from '../../src/app/accounts/create-demo-accounts.ts';
import { loadDemo } from '../../src/app/metadata/load-demo.ts';
import { nodeSecrets, TEST_ARGON2_COST } from '../../src/api/auth/node-secrets.ts';
import { startServer } from '../../src/api/start-server.ts';
import { loadDemo as readDemoFiles } from '../../src/exchange/demo/load-demo.ts';
import { openStore } from '../../src/storage/open-store.ts';

async function main(): Promise<void> {
  const [file, portText] = process.argv.slice(2);
  if (!file || !portText) throw new Error('usage: demo-server.ts <sqlite-file> <port>');
  const store = await openStore({ url: `sqlite:${file}` });
  const demo = readDemoFiles();
  if (demo.problems.length > 0) throw new Error(`demo files: ${JSON.stringify(demo.problems.slice(0, 3))}`);
  const loaded = await loadDemo({ store, demo, actor: 'demo' });
  if (loaded.status !== 'SUCCESS') throw new Error(`demo load: ${JSON.stringify(loaded.problems.slice(0, 3))}`);
  // Cheap hashes: these accounts exist only in a temporary database.
  const secrets = nodeSecrets(TEST_ARGON2_COST);
  await createDemoAccounts({ store, secrets });
  // Every test user logs in from 127.0.0.1: a whole office behind one address, many times a minute.
  const server = await startServer({ store, port: Number(portText), host: '127.0.0.1', loginsPerMinute: 10_000, logLevel: process.env['BAOCAO_LOG_LEVEL'] ?? 'warn' });
  process.stdout.write(`READY ${server.url}\n`);
  await server.closed;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
});
