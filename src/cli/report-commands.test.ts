// `baocao demo load` and `baocao report render` as a user runs them: spawned, on one
// fresh SQLite file.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';

const BIN = path.resolve(import.meta.dirname, '../../bin/baocao.mjs');
const dir = mkdtempSync(path.join(tmpdir(), 'baocao-report-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const DB = `sqlite:${path.join(dir, 'b.db')}`;

function baocao(...args: string[]) {
  const out = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, env: { ...process.env, BAOCAO_DB: DB, BAOCAO_DEBUG: '' }, encoding: 'utf8' });
  return { code: out.status, stdout: out.stdout, stderr: out.stderr };
}

const RENDER = ['report', 'render', '--org', 'stttt-travinh', '--period', '2022-04'];

test('demo load says what it loaded, and a second load that nothing changed', () => {
  const first = baocao('demo', 'load');
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stdout, /Báo cáo: 3 mới, 0 cập nhật, 0 không đổi/);
  assert.match(first.stdout, /Đề cương báo cáo: 1 mới/);
  const second = baocao('demo', 'load');
  assert.equal(second.code, 0, second.stderr);
  assert.match(second.stdout, /Số liệu: 0 mới, 0 cập nhật, \d+ không đổi/);
  assert.match(second.stdout, /Báo cáo: 0 mới, 0 cập nhật, 3 không đổi/);
});

test('report render writes Markdown to stdout, refuses DOCX without --out, writes it with --out', () => {
  baocao('demo', 'load');
  const md = baocao(...RENDER, '--format', 'md');
  assert.equal(md.code, 0, md.stderr);
  assert.match(md.stdout, /\*\*BÁO CÁO\*\*/);
  assert.match(md.stdout, /Số: 05\/BC-STTTT/);
  assert.doesNotMatch(md.stdout, /DỰ THẢO/, 'April is issued');
  const may = baocao('report', 'render', '--org', 'stttt-travinh', '--period', '2022-05', '--format', 'md');
  assert.equal(may.code, 0, may.stderr);
  assert.match(may.stdout, /^\*\*DỰ THẢO\*\*/, 'May is a draft');
  assert.match(may.stdout, /Số: {6}\/BC-STTTT/);
  assert.doesNotMatch(may.stdout, /Trà Vinh, ngày \d/, 'no date until it is issued');

  const refused = baocao(...RENDER, '--format', 'docx');
  assert.equal(refused.code, 2);
  assert.equal(refused.stdout, '');
  assert.match(refused.stderr, /Định dạng docx cần tệp đích: thêm --out/);

  const file = path.join(dir, 'r.docx');
  const written = baocao(...RENDER, '--format', 'docx', '--out', file);
  assert.equal(written.code, 0, written.stderr);
  assert.equal(readFileSync(file).subarray(0, 2).toString('latin1'), 'PK');

  const unknown = baocao('report', 'render', '--org', 'khong-co', '--period', '2022-04');
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /Chưa có báo cáo của đơn vị "khong-co" cho tháng 4 năm 2022\./);
});

test('a render kept from the last command changes with the data: a value imported by another command shows at once', () => {
  baocao('demo', 'load');
  const MAY = ['report', 'render', '--org', 'stttt-travinh', '--period', '2022-05', '--format', 'md'];
  const first = baocao(...MAY);
  assert.equal(first.code, 0, first.stderr);
  assert.equal(baocao(...MAY).stdout, first.stdout, 'the same data renders the same');
  // New digital certificates of May: the division's figure, not yet entered.
  const csv = path.join(dir, 'may.csv');
  writeFileSync(csv, 'dataelement,period,orgunit,value\ncts.issued,202205,stttt-bcvt,987654\n');
  const imported = baocao('values', 'import', csv);
  assert.equal(imported.code, 0, imported.stderr);
  const after = baocao(...MAY);
  assert.equal(after.code, 0, after.stderr);
  assert.match(after.stdout, /987\.654/);
  assert.doesNotMatch(first.stdout, /987\.654/);
});
