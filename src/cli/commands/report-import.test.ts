import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import type { Io } from '../command.ts';
import { run } from '../main.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'baocao-report-import-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const SEED = path.resolve(import.meta.dirname, '../../../test/fixtures/seed-stttt-travinh-2022-04.md');
const TEMPLATE = path.resolve(import.meta.dirname, '../../../demo/templates/stttt-monthly.yaml');

async function baocao(args: string[], db: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { write: (t) => out.push(t), out: (l = '') => out.push(`${l}\n`), err: (l) => err.push(`${l}\n`), writeErr: () => {}, stderrIsTty: false };
  const code = await run(args, io, { BAOCAO_DB: `sqlite:${db}` });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

test('a PNG renamed .docx: exit code 2, one Vietnamese line, no stack trace, no database written', async () => {
  const file = path.join(dir, 'anh.docx');
  writeFileSync(file, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const db = path.join(dir, 'png.db');
  const result = await baocao(['report', 'import', file, '--org', 'stttt-travinh'], db);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /là ảnh PNG, không phải báo cáo Word .* Không ghi gì\./);
  assert.doesNotMatch(result.stderr, /\n\s+at /);
  assert.equal(existsSync(db), false);
});

test('dry run with a template file prints the whole result as JSON, numbers mapped to indicators', async () => {
  const db = path.join(dir, 'dry.db');
  const result = await baocao(['report', 'import', SEED, '--dry-run', '--json', '--template', TEMPLATE], db);
  assert.equal(result.code, 0, result.stderr);
  const json = JSON.parse(result.stdout) as { coverage: number; documents: unknown[]; findings: unknown[]; plan: unknown[]; numbers: { text: string; indicator?: string }[]; saved: unknown };
  assert.ok(json.coverage >= 0.95);
  assert.equal(json.findings.length, 2);
  assert.equal(json.plan.length, 8);
  assert.equal(json.numbers.find((n) => n.text === '20.601')?.indicator, 'ioffice.docs_issued');
  assert.equal(json.saved, null);
  assert.equal(existsSync(db), false);
});

test('without --dry-run and without --org nothing is saved and the exit code is 2', async () => {
  const db = path.join(dir, 'noorg.db');
  const result = await baocao(['report', 'import', SEED, '--template', TEMPLATE], db);
  assert.equal(result.code, 2);
  assert.match(result.stdout, /Cần chọn đơn vị \(--org\)/);
  assert.match(result.stdout, /Không ghi gì\./);
});
