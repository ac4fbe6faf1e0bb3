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

const DISTRICT = path.resolve(import.meta.dirname, '../../../test/fixtures/legacy/ubnd-huyen-cau-ke-6-thang-2022.md');

test('with the demo loaded: a dry run prints the unit, the figures, the findings and the loss check as JSON, and writes nothing', async () => {
  const db = path.join(dir, 'dry.db');
  assert.equal((await baocao(['demo', 'load'], db)).code, 0);
  // The demo's April 2022 is issued: the preview runs in full and says it cannot be saved (exit 2).
  const result = await baocao(['report', 'import', SEED, '--dry-run', '--json', '--template', TEMPLATE], db);
  assert.equal(result.code, 2, result.stderr);
  const json = JSON.parse(result.stdout) as {
    orgUnit: string; coverage: number; plan: unknown[]; saved: unknown; findings: { rule: string }[];
    figures: { text: string; indicator: string; sure: boolean }[]; loss: { missing: unknown[] };
  };
  assert.equal(json.orgUnit, 'stttt-travinh', 'read off the closing sentence');
  assert.ok(json.coverage >= 0.95);
  assert.equal(json.plan.length, 8);
  assert.ok(json.figures.some((f) => f.text === '20.601' && f.indicator === 'ioffice.docs_issued' && f.sure));
  assert.deepEqual(json.loss.missing, []);
  assert.equal(json.saved, null);
  assert.ok(json.findings.some((f) => f.rule === 'legacy:parts_total'));
  assert.ok(json.findings.some((f) => f.rule === 'legacy:report_issued'), 'the issued report cannot be saved over');
  const audit = await baocao(['audit', '--kind', 'report.import'], db);
  assert.equal(audit.code, 0, audit.stderr);
  assert.doesNotMatch(audit.stdout, /report\.import/, 'a dry run audits nothing');
});

test('the district committee\'s report under --org stttt-travinh: refused, closest units named, exit code 2', async () => {
  const db = path.join(dir, 'wrong.db');
  assert.equal((await baocao(['demo', 'load'], db)).code, 0);
  const result = await baocao(['report', 'import', DISTRICT, '--org', 'stttt-travinh'], db);
  assert.equal(result.code, 2);
  assert.match(result.stdout, /Báo cáo do "ỦY BAN NHÂN DÂN HUYỆN CẦU KÈ" ban hành, tức đơn vị Huyện Cầu Kè \(tv-cauke\), không phải đơn vị đã chọn "stttt-travinh"/u);
  assert.match(result.stdout, /Không ghi gì\./);
  // Without --org it goes to the unit it names, in its own outline, nothing lost.
  const right = await baocao(['report', 'import', DISTRICT], db);
  assert.equal(right.code, 0, right.stdout);
  assert.match(right.stdout, /→ đơn vị Huyện Cầu Kè \(tv-cauke\)/u);
  assert.match(right.stdout, /Cách lưu: theo đề mục của chính báo cáo/u);
  assert.match(right.stdout, /Đối chiếu báo cáo đã lưu với tệp: đủ \d+ đoạn, không thiếu gì\./u);
  const rendered = await baocao(['report', 'render', '--org', 'tv-cauke', '--period', '2022-H1', '--format', 'md'], db);
  assert.match(rendered.stdout, /\*\*TM\. ỦY BAN NHÂN DÂN\*\* {2}\n\*\*KT\. CHỦ TỊCH\*\* {2}\n\*\*PHÓ CHỦ TỊCH\*\*/u, 'the three signer lines');
});

test('without --dry-run and without a unit to save for, nothing is saved and the exit code is 2', async () => {
  const db = path.join(dir, 'noorg.db');
  const headless = path.join(dir, 'khong-dau.md');
  writeFileSync(headless, 'I. NỘI DUNG\n\n- Một việc đã làm trong tháng 4 năm 2022.\n');
  const result = await baocao(['report', 'import', headless], db);
  assert.equal(result.code, 2);
  assert.match(result.stdout, /cần chọn đơn vị \(--org\)/);
  assert.match(result.stdout, /Không ghi gì\./);
});
