// The rules that read a report's text, table by table: periods in every Vietnamese
// form, document references in every form, the checks (percentages in any order and
// form, parts against totals, counts against lists, duplicates), headers and signers.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findDocumentReferences } from './document-references.ts';
import { findDuplicates } from './duplicate-check.ts';
import { agencyBodies, readAuthority } from './front-matter.ts';
import { checkListCounts } from './list-count-check.ts';
import { parseLegacyReport } from './parse-legacy-report.ts';
import { checkPartsInText, checkStatusSplits } from './parts-total-check.ts';
import type { TextUnit } from './parts-total-check.ts';
import { checkStatedPercentages } from './percentage-check.ts';
import { reportPeriodOf } from './period-phrase.ts';
import { isPlanTitle } from './section-heading.ts';
import { findStatedNumbers } from './stated-numbers.ts';

test('the period in every form: title, body, closing sentence, plan heading', () => {
  const cases: [Parameters<typeof reportPeriodOf>[0], string | null, boolean][] = [
    [{ summary: 'Kết quả công tác tháng 11 năm 2022' }, '2022-11', false],
    [{ summary: 'Kết quả công tác tháng 11/2022 và nhiệm vụ tháng 12/2022' }, '2022-11', false],
    [{ summary: 'Kết quả thực hiện nhiệm vụ quý I/2023' }, '2023-Q1', false],
    [{ summary: 'Kết quả thực hiện nhiệm vụ quý II năm 2023 và phương hướng quý III năm 2023' }, '2023-Q2', false],
    [{ summary: 'Sơ kết 6 tháng đầu năm 2022' }, '2022-H1', false],
    [{ summary: 'Tổng kết công tác năm 2022, phương hướng năm 2023' }, '2022', false],
    [{ summary: 'Kết quả công tác dân tộc 9 tháng đầu năm 2022' }, '2022-Q3', true],
    [{ summary: 'Kết quả công tác chuyển đổi số giai đoạn 2021-2025' }, null, false],
    // Only the body says it.
    [{ summary: null, body: ['Trong tháng 9/2022, Trung tâm tiếp tục vận hành các hệ thống.'] }, '2022-09', false],
    // Only the closing sentence says it.
    [{ closing: 'Trên đây là báo cáo quý III năm 2022 của Sở Y tế./.' }, '2022-Q3', false],
    // Only the plan heading: the report is for the period before.
    [{ planHeading: 'KẾ HOẠCH CÔNG TÁC THÁNG 5 NĂM 2022' }, '2022-04', false],
    [{ summary: 'Phương hướng nhiệm vụ quý IV năm 2022' }, '2022-Q3', false],
  ];
  for (const [sources, code, cumulative] of cases) {
    const found = reportPeriodOf(sources);
    assert.equal(found?.code ?? null, code, JSON.stringify(sources));
    if (found) assert.equal(found.cumulative, cumulative, JSON.stringify(sources));
  }
});

test('document references in every form Vietnamese documents use', () => {
  const cases: [string, { type: string; label?: string | null; reference: string; issuer: string; date: string | null }][] = [
    ['ban hành Quyết định số 695/QĐ-UBND ngày 12/4/2022 về việc', { type: 'Quyết định', reference: '695/QĐ-UBND', issuer: 'UBND', date: '2022-04-12' }],
    ['theo Nghị định 47/2020/NĐ-CP về quản lý dữ liệu', { type: 'Nghị định', reference: '47/2020/NĐ-CP', issuer: 'CP', date: null }],
    ['QĐ số 378/QĐ-UBND ngày 15 tháng 3 năm 2022 của UBND tỉnh', { type: 'Quyết định', reference: '378/QĐ-UBND', issuer: 'UBND', date: '2022-03-15' }],
    ['Luật An toàn thông tin mạng số 86/2015/QH13 quy định', { type: 'Luật', label: 'Luật An toàn thông tin mạng', reference: '86/2015/QH13', issuer: 'QH13', date: null }],
    ['Công văn 1049/BYT - QLD ngày 02/3/2022 của Bộ Y tế', { type: 'Công văn', reference: '1049/BYT-QLD', issuer: 'BYT', date: '2022-03-02' }],
    ['thực hiện kế hoạch số 49-KH/TU ngày 27/01/2022', { type: 'Kế hoạch', reference: '49-KH/TU', issuer: 'TU', date: '2022-01-27' }],
    ['Báo cáo tình hình triển khai Quyết định số 1034/QĐ-BTTTT của Bộ', { type: 'Quyết định', reference: '1034/QĐ-BTTTT', issuer: 'BTTTT', date: null }],
    ['KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT SỐ 09-NQ/TU NGÀY 26/01/2022', { type: 'Nghị quyết', reference: '09-NQ/TU', issuer: 'TU', date: '2022-01-26' }],
    ['Kế hoạch phối hợp số 23/KH-STTTT-SME về thực hiện', { type: 'Kế hoạch', label: 'Kế hoạch phối hợp', reference: '23/KH-STTTT-SME', issuer: 'STTTT', date: null }],
    ['theo 2113/QĐ-UBND', { type: 'Quyết định', reference: '2113/QĐ-UBND', issuer: 'UBND', date: null }],
    ['Chỉ thị số 14/CT-UBND ngày 31/2/2021', { type: 'Chỉ thị', reference: '14/CT-UBND', issuer: 'UBND', date: null }],
  ];
  for (const [text, want] of cases) {
    const [found, more] = findDocumentReferences(text);
    assert.ok(found && !more, text);
    assert.deepEqual({ type: found.type, ...(want.label !== undefined ? { label: found.label } : {}), reference: found.reference, issuer: found.issuer, date: found.date }, want, text);
  }
  // Not references: a range of dates, a fraction, a disease, a batch.
  assert.deepEqual(findDocumentReferences('(5/1992-5/2022), đạt 61/64 xã, Covid-19, đợt 5/2022'), []);
});

test('every citation is kept with its paragraph; two dates or two symbols of one document are findings', () => {
  const report = parseLegacyReport([
    { text: 'BÁO CÁO' }, { text: 'Kết quả tháng 6 năm 2022' }, { text: 'I. NỘI DUNG' },
    { text: 'Thực hiện Kế hoạch số 120/KH-UBND ngày 05/6/2022 và Nghị quyết số 09/NQ-TU.', marker: '-' },
    { text: 'Sơ kết Kế hoạch số 120/KH-UBND ngày 15/6/2022 theo Nghị quyết số 09-NQ/TU.', marker: '-' },
  ]);
  const plan = report.documents.find((d) => d.reference === '120/KH-UBND');
  assert.deepEqual(plan?.citations.map((c) => [c.paragraph, c.date]), [[3, '2022-06-05'], [4, '2022-06-15']]);
  assert.deepEqual(report.findings.map((f) => f.rule), ['legacy:document_dates', 'legacy:document_symbols']);
});

test('a stated percentage is checked against its figures in any order and form', () => {
  const cases: [string, string | null][] = [
    ['tiếp nhận 7.386 hồ sơ (7.291 trực tiếp, 95 trực tuyến (tỷ lệ 1,28 %))', '1,29%'],
    ['có 20.601 văn bản, trong đó có 15.905 văn bản được ký số (tỷ lệ 77,20%)', null],
    // Transposed digits, part before whole.
    ['đã tiêm đủ mũi cho 2.570 trẻ trên tổng số 3.000 trẻ thuộc diện, đạt 58,67%', '85,67%'],
    // The whole after the percentage.
    ['Đã kích hoạt 456 tài khoản, đạt 75,00% (tổng số 600 tài khoản được cấp)', '76,00%'],
    // A fraction.
    ['Có 61/64 xã đạt Bộ tiêu chí quốc gia về y tế xã, đạt tỷ lệ 96,88%', '95,31%'],
    ['mũi tiêm thực tế là 2.034.973/2.111.123 đạt 96,39% tổng mũi tiêm', null],
    // A change in points, and a share of something not stated, are not judged.
    ['đạt 20,48% so dân số (tăng 0,03% so với tháng trước)', null],
    ['Thu ngân sách đạt 64,5 tỷ đồng, bằng 52,3% dự toán', null],
  ];
  for (const [text, computed] of cases) {
    const mismatches = checkStatedPercentages(findStatedNumbers(text), text);
    assert.equal(mismatches[0]?.computed ?? null, computed, text);
  }
});

const unit = (text: string, paragraph = 0, marker = '-'): TextUnit => ({ text, numbers: findStatedNumbers(text), paragraph, section: 'i.1', marker });

test('parts against a stated total: brackets, "tổng số … trong đó", a split by status inline or in bullets', () => {
  const cases: [string, [number, number] | null][] = [
    ['triển khai đến 510 cơ quan (cấp tỉnh: 96, cấp huyện: 308, cấp xã: 106)', null],
    ['triển khai đến 510 cơ quan (cấp tỉnh: 96, cấp huyện: 300, cấp xã: 106)', [510, 502]],
    ['Tổng số 1.250 hộ nghèo, trong đó 700 hộ dân tộc Khmer, 500 hộ dân tộc Kinh.', [1250, 1200]],
    // Without "tổng", "trong đó" names a subset: only more than the whole is wrong.
    ['tiếp nhận 22.967 hồ sơ, trong đó 7.386 hồ sơ mức 3, 14.363 hồ sơ mức 4.', null],
    ['tiếp nhận 486 hồ sơ, trong đó 312 hồ sơ trực tuyến; giải quyết đúng hạn 480 hồ sơ.', null],
    ['Tổng đài tiếp nhận 1.340 yêu cầu: đã xử lý 1.298 yêu cầu; đang xử lý 40 yêu cầu.', [1340, 1338]],
    ['cung cấp 1.858 dịch vụ: 571 dịch vụ (chiếm tỷ lệ 30,73%); mức 4: 1057 dịch vụ', null],
  ];
  for (const [text, want] of cases) {
    const found = checkPartsInText(unit(text))[0];
    assert.deepEqual(found ? [found.total.value, found.sum] : null, want, text);
  }
  const split = checkStatusSplits([unit('Từ ngày 3/12/2021 tiếp nhận: 168.', 0), unit('Kết quả giải quyết:', 1), unit('Đã xử lý: 54 phản ánh.', 2, '+'), unit('Đang xử lý: 112.', 3, '+')]);
  assert.deepEqual(split.map((m) => [m.total.value, m.sum, m.paragraph, m.partParagraphs]), [[168, 166, 0, [2, 3]]]);
});

test('a stated count against the list that follows it', () => {
  const cases: [TextUnit[], [number, number] | null][] = [
    [[unit('Ban hành 03 quyết định về: Kiện toàn ban khuyến học; Thành lập tổ kiểm tra; ban hành Quy định.')], null],
    [[unit('Tổ chức 4 hội nghị tuyên truyền: phòng chống tội phạm; an toàn giao thông; bình đẳng giới.')], [4, 3]],
    [[unit('Thẩm định đề án của 6 cơ quan, đơn vị:', 0), unit('Sở Tài chính;', 1, '+'), unit('Sở Xây dựng.', 2, '+')], [6, 2]],
    // Loose counts, incomplete lists, examples: not judged.
    [[unit('Ban hành hơn 14 Kế hoạch: a; b; c.')], null],
    [[unit('Ban hành 17 Công văn: a; b; c;...')], null],
    [[unit('Hỗ trợ 5 đơn vị như: a; b.')], null],
  ];
  for (const [units, want] of cases) {
    const found = checkListCounts(units)[0];
    assert.deepEqual(found ? [found.count.value, found.listed] : null, want, units[0]?.text);
  }
});

test('exact and near duplicates in a section, an abbreviation counting as its words', () => {
  const entry = (text: string, paragraph: number, section = 'i.1') => ({ text, paragraph, section });
  const found = findDuplicates([
    entry('Kế hoạch thực hành tiết kiệm, chống lãng phí giai đoạn 2021-2025', 1),
    entry('Xây dựng Kế hoạch thực hành TKCLP giai đoạn 2021-2025', 1),
    entry('Họp thẩm định lần thứ hai của Đề án Trường Cao đẳng nghề', 2),
    entry('Họp thẩm định lần thứ hai của đề án trường cao đẳng nghề.', 3),
    // The same words in another section, and short lines, are not duplicates.
    entry('Họp thẩm định lần thứ hai của Đề án Trường Cao đẳng nghề', 4, 'ii'),
    entry('Tiếp nhận đơn tố cáo: Không có.', 5),
    entry('Tiếp nhận đơn khiếu nại mới: Không có.', 6),
  ]);
  assert.deepEqual(found.map((d) => [d.first.paragraph, d.second.paragraph, d.exact]), [[1, 1, false], [2, 3, true]]);
});

test('headers: two-line bodies and UBND of every level; signers TM., KT., Q., TL., TUQ.', () => {
  const bodies: [string[], { governingBody: string | null; issuingBody: string | null }][] = [
    [['ỦY BAN NHÂN DÂN', 'HUYỆN MỸ XUYÊN'], { governingBody: null, issuingBody: 'ỦY BAN NHÂN DÂN HUYỆN MỸ XUYÊN' }],
    [['UBND TỈNH TRÀ VINH', 'SỞ Y TẾ'], { governingBody: 'UBND TỈNH TRÀ VINH', issuingBody: 'SỞ Y TẾ' }],
    [['UBND HUYỆN TIỂU CẦN', 'PHÒNG GIÁO DỤC VÀ', 'ĐÀO TẠO'], { governingBody: 'UBND HUYỆN TIỂU CẦN', issuingBody: 'PHÒNG GIÁO DỤC VÀ ĐÀO TẠO' }],
    [['UBND THÀNH PHỐ TRÀ VINH', 'ỦY BAN NHÂN DÂN XÃ LONG ĐỨC'], { governingBody: 'UBND THÀNH PHỐ TRÀ VINH', issuingBody: 'ỦY BAN NHÂN DÂN XÃ LONG ĐỨC' }],
    [['SỞ THÔNG TIN VÀ TRUYỀN THÔNG'], { governingBody: null, issuingBody: 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG' }],
    [['UBND TỈNH TRÀ VINH', 'VĂN PHÒNG'], { governingBody: 'UBND TỈNH TRÀ VINH', issuingBody: 'VĂN PHÒNG' }],
    [['UBND TỈNH TRÀ VINH', 'BAN DÂN TỘC'], { governingBody: 'UBND TỈNH TRÀ VINH', issuingBody: 'BAN DÂN TỘC' }],
    [['UỶ BAN NHÂN DÂN', 'XÃ LONG ĐỨC'], { governingBody: null, issuingBody: 'UỶ BAN NHÂN DÂN XÃ LONG ĐỨC' }],
  ];
  for (const [lines, want] of bodies) assert.deepEqual(agencyBodies(lines), want, lines.join(' / '));
  for (const [line, want] of [['KT.GIÁM ĐỐC', 'KT. GIÁM ĐỐC'], ['TM. ỦY BAN NHÂN DÂN', 'TM. ỦY BAN NHÂN DÂN'], ['Q. TRƯỞNG PHÒNG', 'Q. TRƯỞNG PHÒNG'], ['TL. GIÁM ĐỐC', 'TL. GIÁM ĐỐC'], ['TUQ. CHỦ TỊCH UBND TỈNH', 'TUQ. CHỦ TỊCH UBND TỈNH'], ['Kết quả.', null]] as const) {
    assert.equal(readAuthority(line), want, line);
  }
  const signed = parseLegacyReport([
    { text: 'BÁO CÁO' }, { text: 'tháng 4 năm 2022' }, { text: 'I. NỘI DUNG' }, { text: 'Một việc.', marker: '-' },
    { text: 'TM. ỦY BAN NHÂN DÂN' }, { text: 'KT. CHỦ TỊCH' }, { text: 'PHÓ CHỦ TỊCH' }, { text: '(Đã ký)' }, { text: 'Nguyễn Văn Hùng' },
  ]);
  assert.deepEqual(signed.signer, { authority: 'TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH', name: 'Nguyễn Văn Hùng' });
  assert.deepEqual(signed.unplaced, []);
});

test('plan sections are found by their wording', () => {
  const cases: [string, boolean][] = [
    ['KẾ HOẠCH CÔNG TÁC THÁNG 5 NĂM 2022', true],
    ['PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM 2022', true],
    ['Phương hướng, nhiệm vụ', true],
    ['Nhiệm vụ trọng tâm tháng 12', true],
    ['Kế hoạch công tác thời gian tới', true],
    ['MỘT SỐ NHIỆM VỤ TRỌNG TÂM', true],
    ['KẾT QUẢ THỰC HIỆN NHIỆM VỤ', false],
    ['Kế hoạch đầu tư công', false],
    ['Công tác văn hóa', false],
  ];
  for (const [title, want] of cases) assert.equal(isPlanTitle(title), want, title);
});

test('structure from any shape: capitals and bold lines are headings, text before the first heading is kept, tables stay tables', () => {
  const report = parseLegacyReport([
    { text: 'Thực hiện chỉ đạo của UBND tỉnh, Sở báo cáo tháng 8 năm 2022 như sau:' },
    { text: 'CÔNG TÁC TỔ CHỨC BỘ MÁY' },
    { text: 'Thẩm định đề án vị trí việc làm.', marker: '-' },
    { text: 'Tổng hợp', bold: true },
    { text: '', table: [['Chỉ tiêu', 'Số lượng'], ['Hồ sơ', '12']] },
    { text: 'CÔNG TÁC CÁN BỘ' },
    { text: 'Nâng lương cho 98 người.', marker: '-' },
    { text: 'KẾ HOẠCH THÁNG 9' },
    { text: '1. Tổ chức thi tuyển.' },
  ]);
  assert.equal(report.period, '2022-08');
  assert.deepEqual(report.preamble, ['Thực hiện chỉ đạo của UBND tỉnh, Sở báo cáo tháng 8 năm 2022 như sau:']);
  const outline = (list: typeof report.sections): string[] => list.flatMap((s) => [`${s.level}:${s.title}${s.isPlan ? '*' : ''}`, ...outline(s.sections)]);
  assert.deepEqual(outline(report.sections), ['1:CÔNG TÁC TỔ CHỨC BỘ MÁY', '2:Tổng hợp', '1:CÔNG TÁC CÁN BỘ', '1:KẾ HOẠCH THÁNG 9*']);
  assert.deepEqual(report.sections[0]?.sections[0]?.items.map((i) => i.table), [[['Chỉ tiêu', 'Số lượng'], ['Hồ sơ', '12']]]);
  assert.deepEqual(report.plan.map((p) => [p.text, p.forPeriod]), [['Tổ chức thi tuyển.', '2022-09']]);
  assert.equal(report.coverage, 1);
});
