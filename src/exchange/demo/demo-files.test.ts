import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isSafeEntryId } from '../../core/entry-id.ts';
import { loadDemo } from './load-demo.ts';
import { parseReportFile } from './report-instance-file.ts';
import { parseValuesFile } from './values-file.ts';

test('a values file gives canonical keys whatever order the pairs are written in', () => {
  const { values, problems } = parseValuesFile('orgUnit: u\nperiod: 202204\nvalues:\n  a: 5\n  b: { total: 3, service_level=l3;channel=online: 2 }\n');
  assert.deepEqual(problems, []);
  assert.deepEqual(values.map((v) => [v.indicator, v.period, v.disagg, v.value]), [
    ['a', '2022-04', '', 5], ['b', '2022-04', '', 3], ['b', '2022-04', 'channel=online;service_level=l3', 2],
  ]);
});

const VALUE_PROBLEMS: [string, string, RegExp][] = [
  ['bad key', 'orgUnit: u\nperiod: 2022-04\nvalues:\n  b: { "channel online": 2 }\n', /Khóa phân tổ/],
  ['same cell twice', 'orgUnit: u\nperiod: 2022-04\nvalues:\n  b: { total: 1, "": 2 }\n', /hai lần/],
  ['bad period', 'orgUnit: u\nperiod: 2022-13\nvalues: {}\n', /Kỳ báo cáo không hợp lệ/],
  ['not a number', 'orgUnit: u\nperiod: 2022-04\nvalues:\n  a: nhiều\n', /Không khớp|Phải là/],
];
for (const [name, text, message] of VALUE_PROBLEMS) {
  test(`a values file with ${name} gives a problem, not a throw`, () => {
    const { problems } = parseValuesFile(text);
    assert.ok(problems.some((p) => message.test(p.message)), JSON.stringify(problems));
  });
}

/** The header every report file needs. */
const REPORT_HEADER = `template: t
orgUnit: u
period: 2022-12
number: null
date: null
place: Trà Vinh
governingBody: UBND
issuingBody: SỞ
symbol: BC-S
signer: { authority: null, title: GIÁM ĐỐC, name: A }
recipients: ['Lưu: VT.']
`;

test('a report file numbers items per section and plans for the next period', () => {
  const { report, problems } = parseReportFile(`${REPORT_HEADER}items:
  i.1: [ 'một', { text: 'hai', marker: '+' } ]
plan: [ 'việc' ]
`);
  assert.deepEqual(problems, []);
  assert.deepEqual(report?.items.map((i) => [i.id, i.order, i.marker]), [['i.1-1', 1, '-'], ['i.1-2', 2, '+']]);
  assert.equal(report?.plan[0]?.forPeriod, '2023-01');
});

test('a report file with an unknown field is reported with its path', () => {
  const { report, problems } = parseReportFile('template: t\nperiod: 2022-04\nnguoiKy: A\n');
  assert.equal(report, null);
  assert.ok(problems.some((p) => p.message.includes('nguoiKy')));
  assert.ok(problems.some((p) => p.path === 'orgUnit'));
});

test('loading a folder with broken files returns problems by file', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'baocao-demo-'));
  mkdirSync(path.join(dir, 'values'));
  writeFileSync(path.join(dir, 'metadata.yaml'), 'orgUnits:\n  - { code: u, name: U, parent: null }\nindicators:\n  - { code: a, name: A, unit: x, kind: flow }\n');
  writeFileSync(path.join(dir, 'values', '2022-04.yaml'), 'orgUnit: u\nperiod: 2022-04\nvalues:\n  a: 1\n  zz: 2\n');
  const demo = loadDemo(dir);
  assert.deepEqual(demo.values.map((v) => v.indicator), ['a']);
  assert.deepEqual(demo.problems.map((p) => [p.file, p.path]), [['values/2022-04.yaml', 'values.zz']]);
});

test('every id of the demo reports is safe in a URL path, and a report file cannot bring an unsafe one', () => {
  const demo = loadDemo();
  assert.deepEqual(demo.problems, []);
  const ids = demo.reports.flatMap((r) => [...r.items, ...r.documents, ...r.plan].map((e) => e.id));
  assert.ok(ids.length > 50);
  assert.deepEqual(ids.filter((id) => !isSafeEntryId(id)), []);
  for (const report of demo.reports) {
    for (const list of [report.items, report.documents, report.plan]) assert.equal(new Set(list.map((e) => e.id)).size, list.length, 'ids are unique in a report');
  }
  const { problems } = parseReportFile(`${REPORT_HEADER}items:
  i.1: [ { id: 'mục#1', text: 'một' } ]
`);
  assert.ok(problems.some((p) => p.path.startsWith('items') && /chữ không dấu/.test(p.message)), JSON.stringify(problems));
});
