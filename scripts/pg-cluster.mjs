// A throwaway PostgreSQL cluster for tests and benchmarks: a temp dir, loopback on a
// free port, no fsync (its data is thrown away). As root, initdb refuses to run, so
// the cluster runs as the `postgres` user. Always pair startCluster with stopCluster.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The newest installed PostgreSQL's bin folder, preferring 15. */
export function findPostgresBin() {
  const preferred = '/usr/lib/postgresql/15/bin';
  if (existsSync(path.join(preferred, 'initdb'))) return preferred;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(path.join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(root, versions[0], 'bin') : null;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** initdb refuses to run as root: as root, run the cluster as the `postgres` user. */
function asClusterUser(command, args) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  return isRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
}

function run(command, args) {
  const [cmd, argv] = asClusterUser(command, args);
  const result = spawnSync(cmd, argv, { encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`${path.basename(command)} failed (${result.status ?? result.signal}): ${result.stderr || result.stdout || result.error?.message}`);
  }
  return result;
}

export async function startCluster(bin) {
  const dir = mkdtempSync(path.join(tmpdir(), 'baocao-pg-'));
  const cluster = { dir, bin, dataDir: path.join(dir, 'data'), started: false };
  try {
    const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
    if (isRoot) {
      const id = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
      const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
      if (id.status !== 0) throw new Error('running as root but there is no `postgres` user to run the cluster');
      chownSync(dir, Number(id.stdout.trim()), Number(gid.stdout.trim()));
    }
    chmodSync(dir, 0o700);
    run(path.join(bin, 'initdb'), ['-D', cluster.dataDir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync']);
    const port = await freePort();
    const options = [
      '-c listen_addresses=127.0.0.1', `-c port=${port}`, `-c unix_socket_directories=${dir}`,
      '-c fsync=off', '-c full_page_writes=off', '-c synchronous_commit=off', '-c max_connections=200',
    ].join(' ');
    cluster.options = options;
    cluster.port = port;
    run(path.join(bin, 'pg_ctl'), ['-D', cluster.dataDir, '-l', path.join(dir, 'server.log'), '-o', options, '-w', '-t', '60', 'start']);
    cluster.started = true;
    for (let attempt = 0; ; attempt++) {
      const ready = spawnSync(path.join(bin, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres']);
      if (ready.status === 0) break;
      if (attempt > 100) throw new Error('PostgreSQL did not become ready within 20 s');
      await sleep(200);
    }
    cluster.url = `postgres://postgres@127.0.0.1:${port}/postgres`;
    return cluster;
  } catch (error) {
    stopCluster(cluster);
    throw error;
  }
}

/**
 * pg_ctl on a running cluster, without blocking the event loop (outage tests keep
 * sending requests meanwhile): `restart` (with `-m fast`), `stop`, `start`.
 */
export function controlCluster(cluster, action) {
  const pgCtl = path.join(cluster.bin, 'pg_ctl');
  const args = {
    restart: ['-D', cluster.dataDir, '-m', 'fast', '-w', '-t', '60', 'restart'],
    stop: ['-D', cluster.dataDir, '-m', 'fast', '-w', '-t', '60', 'stop'],
    start: ['-D', cluster.dataDir, '-l', path.join(cluster.dir, 'server.log'), '-o', cluster.options, '-w', '-t', '60', 'start'],
  }[action];
  if (!args) return Promise.reject(new Error(`unknown pg_ctl action ${action}`));
  const [cmd, argv] = asClusterUser(pgCtl, args);
  return new Promise((resolve, reject) => {
    // pg_ctl start leaves the postmaster holding inherited pipes: give it none.
    const child = spawn(cmd, argv, { stdio: 'ignore' });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`pg_ctl ${action} failed (${code})`))));
  });
}

export function stopCluster(cluster) {
  if (!cluster) return;
  if (cluster.started) {
    try {
      run(path.join(cluster.bin, 'pg_ctl'), ['-D', cluster.dataDir, '-m', 'immediate', '-w', 'stop']);
    } catch (error) {
      console.error(`Could not stop the test PostgreSQL cluster: ${error.message}`);
    }
    cluster.started = false;
  }
  rmSync(cluster.dir, { recursive: true, force: true });
}

