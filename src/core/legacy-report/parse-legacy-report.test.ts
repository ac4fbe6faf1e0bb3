import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findDocumentReferences, issuerOf } from './document-references.ts';
import { parseLegacyReport } from './parse-legacy-report.ts';
import { readPeriodPhrase } from './period-phrase.ts';
import { checkStatedPercentages } from './percentage-check.ts';
import { findStatedNumbers } from './stated-numbers.ts';

test('period phrases become canonical periods', () => {
  const cases: [string, string | null][] = [
    ['kết quả công tác tháng 4 năm 2022 và kế hoạch tháng 5 năm 2022', '2022-04'],
    ['Kết quả thực hiện nhiệm vụ quý II năm 2023', '2023-Q2'],
    ['sơ kết 6 tháng đầu năm 2023', '2023-H1'],
    ['6 tháng cuối năm 2021', '2021-H2'],
    ['tổng kết năm 2022', '2022'],
    ['không có kỳ nào', null],
  ];
  for (const [text, expected] of cases) assert.equal(readPeriodPhrase(text), expected, text);
});

test('document references give type, number, symbol, issuer and date', () => {
  const cases: [string, { type: string; number: string; symbol: string; issuer: string; date: string | null }][] = [
    ['ban hành Quyết định số 695/QĐ-UBND ngày 12/4/2022 về việc', { type: 'Quyết định', number: '695', symbol: 'QĐ-UBND', issuer: 'UBND', date: '2022-04-12' }],
    ['Kế hoạch số 31/KH-STTTT-BCVTCNTT ngày 29/3/2022', { type: 'Kế hoạch', number: '31', symbol: 'KH-STTTT-BCVTCNTT', issuer: 'STTTT', date: '2022-03-29' }],
    ['Phổ biến: Công văn số 677/BTTTT-THH ngày 03/3/2022;', { type: 'Công văn', number: '677', symbol: 'BTTTT-THH', issuer: 'BTTTT', date: '2022-03-03' }],
    ['Nghị định số 47/2020/NĐ-CP ngày 09/04/2020 về', { type: 'Nghị định', number: '47', symbol: '2020/NĐ-CP', issuer: 'CP', date: '2020-04-09' }],
    ['thực hiện kế hoạch số 49-KH/TU ngày 27/01/2022', { type: 'Kế hoạch', number: '49', symbol: 'KH/TU', issuer: 'TU', date: '2022-01-27' }],
    ['theo Quyết định số 468/QĐ-TTg.', { type: 'Quyết định', number: '468', symbol: 'QĐ-TTg', issuer: 'TTg', date: null }],
    ['Chỉ thị số 14/CT-UBND ngày 31/2/2021', { type: 'Chỉ thị', number: '14', symbol: 'CT-UBND', issuer: 'UBND', date: null }],
  ];
  for (const [text, expected] of cases) {
    const [found] = findDocumentReferences(text);
    assert.ok(found, text);
    assert.deepEqual({ type: found.type, number: found.number, symbol: found.symbol, issuer: found.issuer, date: found.date }, expected, text);
  }
  assert.equal(issuerOf('-CTr/TU'), 'TU');
});

test('a stated percentage is checked against the nearest numbers whose ratio it approximates', () => {
  const cases: [string, string | null][] = [
    ['tiếp nhận 7.386 hồ sơ (7.291 trực tiếp, 95 trực tuyến (tỷ lệ 1,28 %))', '1,29%'],
    ['14.363 hồ sơ (12.146 trực tiếp, 2.217 trực tuyến (tỷ lệ 15,43%))', '15,44%'],
    ['có 20.601 văn bản, trong đó có 15.905 văn bản được ký số (tỷ lệ 77,20%)', null],
    ['đạt 20,48% so dân số (tăng 0,03% so với tháng trước)', null],
    ['1 trên 8 (tỷ lệ 12,5%)', null],
  ];
  for (const [text, expected] of cases) {
    const mismatches = checkStatedPercentages(findStatedNumbers(text), text);
    assert.equal(mismatches[0]?.computed ?? null, expected, text);
  }
});

test('numbers in dates, symbols and period phrases are not figures', () => {
  const text = 'Quyết định số 695/QĐ-UBND ngày 12/4/2022, tháng 4 năm 2022 có 20.601 văn bản giai đoạn 2021-2025';
  const numbers = findStatedNumbers(text, findDocumentReferences(text));
  assert.deepEqual(numbers.map((n) => n.text), ['20.601']);
});

test('numbering decides the section level, not the heading depth; plain numbered lines in the plan are plan lines', () => {
  const report = parseLegacyReport([
    { text: 'BÁO CÁO', headingDepth: 2, bold: true },
    { text: 'kết quả công tác tháng 4 năm 2022', headingDepth: 3, bold: true },
    { text: 'I. CÔNG TÁC QUẢN LÝ', headingDepth: 4, bold: true },
    { text: '1. Lĩnh vực bưu chính', headingDepth: 1, bold: true },
    { text: 'Có văn bản gửi Vụ Bưu chính.', marker: '-' },
    { text: 'a) Ứng dụng', headingDepth: 5, bold: true },
    { text: 'Một đoạn thường.' },
    { text: 'II. KẾ HOẠCH CÔNG TÁC THÁNG 5 NĂM 2022', bold: true },
    { text: 'Trong tháng 5, tập trung như sau:' },
    { text: '1. Tiếp tục tăng cường công tác, đường' },
    { text: 'lối của Đảng.' },
    { text: '2. Việc thứ hai.' },
  ]);
  assert.equal(report.period, '2022-04');
  assert.deepEqual(report.sections.map((s) => s.id), ['i', 'ii']);
  assert.deepEqual(report.sections[0]?.sections.map((s) => [s.id, s.level]), [['i.1', 2]]);
  assert.deepEqual(report.sections[0]?.sections[0]?.sections.map((s) => [s.id, s.items.map((i) => [i.marker, i.text])]), [['i.1.a', [['', 'Một đoạn thường.']]]]);
  assert.deepEqual(report.plan.map((p) => [p.order, p.text, p.forPeriod]), [
    [1, 'Tiếp tục tăng cường công tác, đường lối của Đảng.', '2022-05'],
    [2, 'Việc thứ hai.', '2022-05'],
  ]);
  assert.equal(report.coverage, 1);
});

test('text that fits no field is listed and lowers the coverage', () => {
  const report = parseLegacyReport([
    { text: 'Ghi chú nháp không thuộc mẫu nào' },
    { text: 'BÁO CÁO' },
    { text: 'tháng 4 năm 2022' },
    { text: 'I. NỘI DUNG' },
    { text: 'Một việc.', marker: '-' },
  ]);
  assert.deepEqual(report.unplaced.map((u) => u.text), ['Ghi chú nháp không thuộc mẫu nào']);
  assert.ok(report.coverage > 0 && report.coverage < 1);
});
