// The `baocao` command as a user runs it: spawned, on a fresh SQLite file per test.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';

const BIN = path.resolve(import.meta.dirname, '../../bin/baocao.mjs');
const dir = mkdtempSync(path.join(tmpdir(), 'baocao-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

let databaseCount = 0;
function freshDatabase(): string {
  databaseCount++;
  return `sqlite:${path.join(dir, `db-${databaseCount}.db`)}`;
}

function baocao(args: readonly string[], database = freshDatabase()): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: dir, env: { ...process.env, BAOCAO_DB: database, BAOCAO_DEBUG: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function file(name: string, text: string): string {
  const full = path.join(dir, name);
  writeFileSync(full, text);
  return full;
}

const METADATA = `orgUnits:
  - { code: travinh, name: Tỉnh Trà Vinh, parent: null, kind: province }
  - { code: stttt-travinh, name: Sở Thông tin và Truyền thông, parent: travinh, kind: department }
  - { code: stttt-vp, name: Văn phòng Sở, parent: stttt-travinh, kind: division }
disaggregations:
  - code: channel
    name: Kênh tiếp nhận
    options: [ { code: direct, name: Trực tiếp }, { code: online, name: Trực tuyến } ]
indicators:
  - { code: ioffice.docs_issued, name: Văn bản phát hành, unit: văn bản, kind: flow, valueType: integer }
  - { code: ioffice.docs_signed, name: Văn bản ký số, unit: văn bản, kind: flow, valueType: integer, partOf: ioffice.docs_issued }
  - { code: ioffice.signed_share, name: Tỷ lệ văn bản ký số, unit: '%', kind: derived, valueType: percent, decimals: 2, expression: '#{ioffice.docs_signed} / #{ioffice.docs_issued} * 100' }
  - { code: dvc.dossiers, name: Hồ sơ tiếp nhận, unit: hồ sơ, kind: flow, valueType: integer, disaggregations: [channel] }
validationRules: []
`;

const HEADER = 'dataelement,period,orgunit,catoptcombo,attroptcombo,value,storedby,lastupdated,comment,followup';
const VALUES_CSV = `${HEADER}
ioffice.docs_issued,202204,stttt-travinh,default,,20601,,,,
ioffice.docs_signed,202204,stttt-travinh,default,,15904,,,,
dvc.dossiers,202204,stttt-travinh,channel=direct,,20655,,,,
dvc.dossiers,202204,stttt-travinh,channel=online,,2312,,,"Cổng DVC, tỉnh",
ioffice.docs_issued,202204,stttt-vp,default,,100,,,,
`;

describe('baocao: help and bad arguments', { concurrency: true }, () => {
  test('--help lists the commands in Vietnamese, exit 0', async () => {
    const run = await baocao(['--help']);
    assert.equal(run.code, 0);
    assert.match(run.stdout, /Cách dùng: baocao <lệnh>/);
    for (const name of ['db migrate', 'metadata import', 'values import', 'values export', 'validate', 'aggregate']) assert.match(run.stdout, new RegExp(name));
  });

  test('a command\'s --help shows its options', async () => {
    const run = await baocao(['values', 'import', '--help']);
    assert.equal(run.code, 0);
    assert.match(run.stdout, /--skip-conflicts/);
    assert.match(run.stdout, /không ghi/);
  });

  const bad: { name: string; args: string[]; message: RegExp }[] = [
    { name: 'unknown command', args: ['frobnicate'], message: /^Không có lệnh "frobnicate"\. Xem: baocao --help\n$/ },
    { name: 'unknown option', args: ['values', 'export', '--org', 'x', '--period', '2022-04', '--colour'], message: /^Tùy chọn không hợp lệ: --colour\. Xem: baocao values export --help\n$/ },
    { name: 'missing required option', args: ['validate', '--period', '2022-04'], message: /^Thiếu tùy chọn --org\./ },
    { name: 'bad period', args: ['values', 'export', '--org', 'x', '--period', '2022-13'], message: /^Kỳ báo cáo không hợp lệ: "2022-13"/ },
    { name: 'bad format', args: ['values', 'export', '--org', 'x', '--period', '2022-04', '--format', 'xml'], message: /^Giá trị --format không hợp lệ: "xml"/ },
    { name: 'group without subcommand', args: ['values'], message: /cần thêm lệnh con \(import, export\)/ },
  ];
  for (const c of bad) {
    test(`${c.name}: one Vietnamese line, exit 2`, async () => {
      const run = await baocao(c.args);
      assert.equal(run.code, 2);
      assert.match(run.stderr, c.message);
      assert.equal(run.stderr.trim().split('\n').length, 1);
    });
  }

  test('a missing file is one line naming it, exit 2', async () => {
    const run = await baocao(['values', 'import', 'khong-co.csv']);
    assert.equal(run.code, 2);
    assert.equal(run.stderr, 'Không đọc được tệp "khong-co.csv": không tồn tại.\n');
  });

  // Each refused before any parsing or writing, with one line naming the file and the reason.
  const badFiles: { name: string; bytes: Uint8Array; message: RegExp }[] = [
    { name: 'rong.csv', bytes: new Uint8Array(0), message: /Tệp rỗng/ },
    { name: 'anh.xlsx', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), message: /không phải văn bản UTF-8|dữ liệu nhị phân/ },
    { name: 'ma-cu.csv', bytes: Buffer.from('dataelement,period,orgunit,catoptcombo,attroptcombo,value\nweb.posts,202204,stttt-travinh,\xff\xfe,,1\n', 'latin1'), message: /không phải văn bản UTF-8/ },
    { name: 'hong.xlsx', bytes: Buffer.from('PK\x03\x04 cut short', 'latin1'), message: /Tệp XLSX bị hỏng/ },
  ];
  for (const bad of badFiles) {
    test(`values import of ${bad.name}: one Vietnamese line naming the file, exit 2`, async () => {
      const full = path.join(dir, bad.name);
      writeFileSync(full, bad.bytes);
      const run = await baocao(['values', 'import', full]);
      assert.equal(run.code, 2);
      assert.match(run.stderr, bad.message);
      assert.ok(run.stderr.includes(`"${full}"`), run.stderr);
      assert.equal(run.stderr.trim().split('\n').length, 1);
      assert.doesNotMatch(run.stderr, /Cannot|undefined|zip/);
    });
  }

  test('an unexpected failure is one line without a stack trace, exit 1', async () => {
    const run = await baocao(['db', 'migrate'], 'mysql://nowhere');
    assert.equal(run.code, 1);
    assert.match(run.stderr, /^Lỗi: BAOCAO_DB không hợp lệ/);
    assert.equal(run.stderr.trim().split('\n').length, 1);
    assert.doesNotMatch(run.stderr, /\bat .*\.ts:\d+/);
  });
});

describe('baocao: a department\'s month, end to end', { concurrency: true }, () => {
  test('db migrate names the migrations once, then says nothing is pending', async () => {
    const database = freshDatabase();
    const first = await baocao(['db', 'migrate'], database);
    assert.equal(first.code, 0);
    assert.match(first.stdout, /Đã áp dụng \d+ thay đổi cấu trúc:\n\s+2026_/);
    const second = await baocao(['db', 'migrate'], database);
    assert.match(second.stdout, /đã ở phiên bản mới nhất/);
  });

  test('metadata import, again unchanged, values import, export, aggregate', async () => {
    const database = freshDatabase();
    const metadata = file('metadata.yaml', METADATA);
    const imported = await baocao(['metadata', 'import', metadata], database);
    assert.equal(imported.code, 0, imported.stderr + imported.stdout);
    assert.match(imported.stdout, /Đơn vị: thêm mới 3, cập nhật 0, không đổi 0/);
    assert.match(imported.stdout, /Chỉ tiêu: thêm mới 4/);
    const again = await baocao(['metadata', 'import', metadata], database);
    assert.match(again.stdout, /Đơn vị: thêm mới 0, cập nhật 0, không đổi 3/);
    assert.match(again.stdout, /Chỉ tiêu: thêm mới 0, cập nhật 0, không đổi 4/);

    const values = file('values.csv', VALUES_CSV);
    const dry = await baocao(['values', 'import', values, '--dry-run'], database);
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stdout, /chạy thử, không ghi/);
    assert.match(dry.stdout, /Thêm mới: 5/);
    const loaded = await baocao(['values', 'import', values], database);
    assert.equal(loaded.code, 0, loaded.stderr);
    assert.match(loaded.stdout, /Kết quả: THÀNH CÔNG/);
    assert.match(loaded.stdout, /Thêm mới: 5/);
    const reloaded = await baocao(['values', 'import', values, '--json'], database);
    assert.deepEqual(JSON.parse(reloaded.stdout).importCount, { imported: 0, updated: 0, ignored: 5, deleted: 0 });

    const exported = await baocao(['values', 'export', '--org', 'stttt-travinh', '--period', '2022-04'], database);
    assert.equal(exported.code, 0, exported.stderr);
    const document = JSON.parse(exported.stdout) as { period: string; dataValues: { dataElement: string; categoryOptionCombo: string; value: string }[] };
    assert.equal(document.period, '202204');
    assert.equal(document.dataValues.length, 4);
    const csvOut = path.join(dir, 'out.csv');
    const toFile = await baocao(['values', 'export', '--org', 'travinh', '--period', '202204', '--children', '--format', 'csv', '--out', csvOut], database);
    assert.equal(toFile.code, 0, toFile.stderr);
    const csvText = readFileSync(csvOut, 'utf8');
    // DHIS2's current header, whatever the header of the file imported.
    assert.ok(csvText.startsWith('dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,storedby,lastupdated,comment,followup,deleted\r\n'));
    assert.equal(csvText.trim().split('\r\n').length, 6);
    assert.match(csvText, /"Cổng DVC, tỉnh"/);
    // The exported file imports back as unchanged.
    const roundTrip = await baocao(['values', 'import', csvOut, '--json'], database);
    assert.deepEqual(JSON.parse(roundTrip.stdout).importCount, { imported: 0, updated: 0, ignored: 5, deleted: 0 });

    const total = await baocao(['aggregate', '--indicator', 'ioffice.docs_issued', '--org', 'travinh', '--period', '2022-04'], database);
    assert.equal(total.code, 0, total.stderr);
    assert.match(total.stdout, /Giá trị: 20\.701 văn bản/);
    assert.match(total.stdout, /Đơn vị: Tỉnh Trà Vinh \(travinh\); kỳ: tháng 4 năm 2022/);
    const online = await baocao(['aggregate', '--indicator', 'dvc.dossiers', '--org', 'stttt-travinh', '--period', '2022-Q2', '--filter', 'channel=online'], database);
    assert.match(online.stdout, /Giá trị: 2\.312 hồ sơ/);
    const share = await baocao(['aggregate', '--indicator', 'ioffice.signed_share', '--org', 'stttt-travinh', '--period', '2022-04'], database);
    assert.equal(share.code, 0, share.stderr);
    // 15.904 / 20.701 (with the office's 100) = 76,83%: a ratio of sums, with its parts.
    assert.match(share.stdout, /Giá trị: 76,83%/);
    assert.match(share.stdout, /ioffice\.docs_signed, tháng 4 năm 2022: 15\.904/);
    assert.match(share.stdout, /ioffice\.docs_issued, tháng 4 năm 2022: 20\.701/);
  });

  test('a values file with one bad row writes nothing: exit 2 and the line to fix', async () => {
    const database = freshDatabase();
    assert.equal((await baocao(['metadata', 'import', file('metadata-2.yaml', METADATA)], database)).code, 0);
    const values = file('bad.csv', `${VALUES_CSV}dvc.dossiers,202204,stttt-travinh,channel=post,,3,,,,\n`);
    const run = await baocao(['values', 'import', values], database);
    assert.equal(run.code, 2);
    assert.match(run.stdout, /Kết quả: LỖI \(không ghi gì\)/);
    assert.match(run.stdout, /Dòng 7: .*post/);
    const exported = await baocao(['values', 'export', '--org', 'travinh', '--period', '2022-04', '--children'], database);
    assert.equal(JSON.parse(exported.stdout).dataValues.length, 0);

    const skipping = await baocao(['values', 'import', values, '--skip-conflicts'], database);
    assert.equal(skipping.code, 0);
    assert.match(skipping.stdout, /CÓ CẢNH BÁO/);
    assert.match(skipping.stdout, /Thêm mới: 5/);
  });

  test('validate: exit 1 with the error grouped under "Lỗi", exit 0 when clean', async () => {
    const database = freshDatabase();
    assert.equal((await baocao(['metadata', 'import', file('metadata-3.yaml', METADATA)], database)).code, 0);
    assert.equal((await baocao(['values', 'import', file('ok.csv', VALUES_CSV)], database)).code, 0);
    const clean = await baocao(['validate', '--org', 'stttt-travinh', '--period', '2022-04'], database);
    assert.equal(clean.code, 0, clean.stderr + clean.stdout);
    assert.match(clean.stdout, /^Kiểm tra số liệu và báo cáo: Sở Thông tin và Truyền thông \(stttt-travinh\), tháng 4 năm 2022 \(1 đơn vị\)\n/);
    // Signed more than issued at the office: the declared part/whole rule fails.
    const wrong = `${HEADER}\nioffice.docs_signed,202204,stttt-vp,default,,150,,,,\n`;
    assert.equal((await baocao(['values', 'import', file('wrong.csv', wrong)], database)).code, 0);
    const failing = await baocao(['validate', '--org', 'stttt-travinh', '--period', '2022-04', '--children'], database);
    assert.equal(failing.code, 1, failing.stderr);
    assert.match(failing.stdout, /Lỗi \(1\):\n {2}- \[stttt-vp\] /);
    const json = await baocao(['validate', '--org', 'stttt-vp', '--period', '2022-04', '--json'], database);
    assert.equal(json.code, 1);
    assert.equal((JSON.parse(json.stdout) as { findings: { severity: string }[] }).findings[0]?.severity, 'error');
  });
});
