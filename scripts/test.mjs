#!/usr/bin/env node
// The test command: runs every *.test.ts under src/, test/ and web/src/ (or the files given) with
// Node's test runner, against a throwaway PostgreSQL cluster when PostgreSQL is
// installed, so that every repository test runs on both SQLite and PostgreSQL.
//
//   node scripts/test.mjs [files…]
//
// The cluster lives in a temp dir, listens on 127.0.0.1 on a free port, runs without
// fsync (its data is thrown away) and is always stopped and removed afterwards,
// also on failure and on Ctrl-C. Without PostgreSQL binaries the PostgreSQL variants
// are skipped with a visible line, except on CI (CI=true), where that is an error.
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { build } from './build.mjs';
import { findPostgresBin, startCluster, stopCluster } from './pg-cluster.mjs';

const SKIP_LINE = 'PostgreSQL tests skipped: install postgresql-15 (apt-get install postgresql-15) to run them';
const isCi = process.env.CI === 'true';

function findTests(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) findTests(full, out);
    else if (name.endsWith('.test.ts')) out.push(full);
  }
  return out;
}

async function main() {
  const files = process.argv.slice(2).length ? process.argv.slice(2) : [...findTests('src'), ...findTests('test'), ...findTests('web/src')].sort();
  const env = { ...process.env, TZ: 'UTC' };
  // The CLI tests run the `baocao` bin, which runs dist/: build it once, before any of
  // them starts, rather than letting parallel test processes race to rebuild it.
  await build();
  let cluster = null;

  if (process.env.BAOCAO_TEST_PG_URL) {
    // An explicitly given server (e.g. a CI service container) wins.
  } else {
    const bin = findPostgresBin();
    if (!bin) {
      if (isCi) {
        console.error('CI=true but PostgreSQL binaries were not found under /usr/lib/postgresql/*/bin: install postgresql-15 (apt-get install postgresql-15).');
        process.exit(2);
      }
      console.log(SKIP_LINE);
    } else {
      cluster = await startCluster(bin);
      env.BAOCAO_TEST_PG_URL = cluster.url;
      console.log(`PostgreSQL test cluster: ${cluster.url} (${bin})`);
    }
  }

  const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files], { stdio: 'inherit', env });

  // Stop the cluster whatever happens: normal end, failure, Ctrl-C, kill.
  const cleanUp = () => {
    stopCluster(cluster);
    cluster = null;
  };
  process.on('exit', cleanUp);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      if (child.exitCode === null) child.kill(signal);
      cleanUp();
      process.exit(130);
    });
  }
  const status = await new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
  cleanUp();
  process.exit(status);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
