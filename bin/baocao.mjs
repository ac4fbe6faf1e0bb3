#!/usr/bin/env node
// The `baocao` command: runs the compiled dist/cli.js (scripts/build.mjs). In a clone
// with sources, a source newer than the build is compiled first (esbuild, well under a
// second), so the command never runs stale code; an installed package ships dist/ only.
import { existsSync } from 'node:fs';
import module from 'node:module';

// Node 22.1+ keeps the compiled code of the modules it loads (in the temporary folder,
// keyed by their content), so every later command starts without compiling them
// again. Node 20 has no such cache and simply starts as before.
module.enableCompileCache?.();

if (existsSync(new URL('../src/cli/cli-entry.ts', import.meta.url))) {
  const { isStale } = await import('../scripts/dist-freshness.mjs');
  if (isStale()) await (await import('../scripts/build.mjs')).build();
}
await import('../dist/cli.js');
