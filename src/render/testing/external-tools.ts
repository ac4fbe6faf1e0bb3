// Test helper: external programs some tests need (poppler's pdftotext, LibreOffice).
// Locally a missing tool skips the test with the command that installs it; on CI
// (CI=true) the tests run regardless and fail loudly if the tool is missing.
import { spawnSync } from 'node:child_process';

export function hasCommand(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).status === 0;
}

/** `false` when the test may run, else the skip message naming the package to install. */
export function skipUnless(command: string, aptPackage: string): string | false {
  if (hasCommand(command) || process.env.CI === 'true') return false;
  return `${command} không có trên máy: apt-get install ${aptPackage}`;
}

/** Text of a PDF (pages `first`..`last`) as `pdftotext -layout` lays it out. */
export function pdfToText(file: string, pages?: { first: number; last: number }): string {
  const range = pages ? ['-f', String(pages.first), '-l', String(pages.last)] : [];
  const out = spawnSync('pdftotext', ['-layout', '-enc', 'UTF-8', ...range, file, '-'], { encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`pdftotext failed: ${out.stderr}`);
  return out.stdout;
}
