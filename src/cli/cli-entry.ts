// What `baocao` runs (bundled into dist/cli.js by scripts/build.mjs): the command
// line's exit code becomes the process's.
import { run } from './main.ts';

process.exitCode = await run(process.argv.slice(2));
