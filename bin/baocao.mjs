#!/usr/bin/env node
// The `baocao` command: runs the compiled dist/cli.js (scripts/build.mjs). In a clone
// with sources, a source newer than the build is compiled first (esbuild, well under a
// second), so the command never runs stale code; an installed package ships dist/ only.
import { existsSync } from 'node:fs';

if (existsSync(new URL('../src/cli/cli-entry.ts', import.meta.url))) {
  const { isStale } = await import('../scripts/dist-freshness.mjs');
  if (isStale()) await (await import('../scripts/build.mjs')).build();
}
await import('../dist/cli.js');
