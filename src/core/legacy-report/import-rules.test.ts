// The rules that decide what an import keeps: which figures are sure enough to become
// values, how text is stored so it prints as written, the unit a header names, and
// the comparison of the file with the report rendered from what was saved.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildReportModel } from '../build-report-model.ts';
import { Catalogue } from '../indicator.ts';
import type { ReportInstance } from '../report-instance.ts';
import { isReportTable, tableToText, textToTable } from '../report-table.ts';
import type { ReportTemplate } from '../report-template.ts';
import { matchIssuer } from './issuer-match.ts';
import type { UnitForMatch } from './issuer-match.ts';
import type { LegacyNumber } from './legacy-report.ts';
import { comparable, findLoss } from './loss-check.ts';
import { matchFigures, templateSlots } from './match-figures.ts';
import { parseLegacyReport } from './parse-legacy-report.ts';
import { buildImportedInstance, deriveTemplate, escapeReportText, textWithFigures } from './report-layout.ts';
import { findStatedNumbers } from './stated-numbers.ts';

const TEMPLATE: ReportTemplate = {
  code: 't', name: 'T', summary: 'Báo cáo {{ ky }}', closing: 'Hết.',
  sections: [{
    id: 'i.4.a', number: 'a', title: 'Ứng dụng CNTT', level: 3, blocks: [{
      type: 'text',
      liquid: 'Trong tháng, có {{ ioffice.docs_issued | so }} văn bản điện tử phát hành trên hệ thống, trong đó có {{ ioffice.docs_signed | so }} văn bản được ký số (tỷ lệ {{ ioffice.docs_signed | ti_le: ioffice.docs_issued }}).',
    }],
    sections: [],
  }],
};
const UNITS: Record<string, { code: string; unit: string; kind: 'flow' | 'stock' | 'derived' }> = {
  'ioffice.docs_issued': { code: 'ioffice.docs_issued', unit: 'văn bản', kind: 'flow' },
  'ioffice.docs_signed': { code: 'ioffice.docs_signed', unit: 'văn bản', kind: 'flow' },
};

function numbersOf(text: string, section = 'i.4.a'): LegacyNumber[] {
  return findStatedNumbers(text).map((n) => ({ ...n, section, paragraph: 7 }));
}

test('a figure becomes a value only when words, unit of measure and section all agree', () => {
  const slots = templateSlots(TEMPLATE);
  const match = (text: string, section = 'i.4.a') => matchFigures({ numbers: numbersOf(text, section), slots, indicator: (c) => UNITS[c], sectionOf: (s) => (s === 'i.4.a' ? 'i.4.a' : null) })
    .map((m) => [m.number.text, m.slot.indicator, m.sure]);
  assert.deepEqual(match('Trong tháng, có 20.601 văn bản điện tử phát hành trên hệ thống, trong đó có 15.905 văn bản được ký số (tỷ lệ 77,20%).'), [
    ['20.601', 'ioffice.docs_issued', true], ['15.905', 'ioffice.docs_signed', true],
  ]);
  // Food safety: the same words before the number, but "cơ sở" is not a count of "văn bản".
  assert.deepEqual(match('Kiểm tra 1.200 cơ sở, trong đó có 1.154 cơ sở đạt yêu cầu.'), [['1.154', 'ioffice.docs_signed', false]]);
  // The right words in another section of the report.
  assert.deepEqual(match('Trong tháng, có 20.601 văn bản điện tử phát hành trên hệ thống.', 'ii.2'), [['20.601', 'ioffice.docs_issued', false]]);
});

test('text is stored so it prints as written: a sure figure becomes Liquid only when it prints the same characters', () => {
  const slots = templateSlots(TEMPLATE);
  const text = 'Trong tháng, có 20.601 văn bản điện tử phát hành trên hệ thống, trong đó có 15905 văn bản được ký số {{x}} *đậm*.';
  const figures = matchFigures({ numbers: numbersOf(text), slots, indicator: (c) => UNITS[c], sectionOf: () => 'i.4.a' });
  assert.equal(textWithFigures(text, figures),
    "Trong tháng, có {{ ioffice.docs_issued | so }} văn bản điện tử phát hành trên hệ thống, trong đó có 15905 văn bản được ký số {{ '{{' }}x}} \\*đậm\\*.");
  assert.equal(escapeReportText('{% raw %} a*b'), "{{ '{%' }} raw %} a\\*b");
});

test('a table round-trips through its stored text, pipes and line breaks in cells included', () => {
  const rows = [['Chỉ tiêu', 'Ghi chú'], ['Hồ sơ | trực tuyến', 'dòng 1\ndòng 2'], ['a\\b', '']];
  const table = textToTable(tableToText(rows));
  assert.ok(isReportTable(table));
  assert.deepEqual(table.rows, rows);
});

const catalogue = Catalogue.build({ indicators: [], disaggregations: [] }).catalogue;
const source = { value: () => null, change: () => ({ current: null, previous: null, delta: null }), yearToDate: () => null };

test('a report in its own outline renders back with nothing lost: preamble, headings, items, tables, plan, closing, signer', () => {
  const paragraphs = [
    { text: 'ỦY BAN NHÂN DÂN' }, { text: 'HUYỆN CẦU KÈ' }, { text: 'Số: 125/BC-UBND' }, { text: 'Cầu Kè, ngày 20 tháng 6 năm 2022' },
    { text: 'BÁO CÁO' }, { text: 'Tình hình 6 tháng đầu năm 2022' },
    { text: 'Thực hiện chỉ đạo của tỉnh, UBND huyện báo cáo như sau:' },
    { text: 'I. KẾT QUẢ' }, { text: '1. Về kinh tế' }, { text: 'Gieo trồng 9.850 ha lúa, đạt *kế hoạch*.', marker: '-' }, { text: 'Đàn heo 42.300 con;', marker: '+' },
    { text: '', table: [['Chỉ tiêu', 'Kết quả'], ['Lúa', '9.850 ha']] },
    { text: 'II. PHƯƠNG HƯỚNG NHIỆM VỤ 6 THÁNG CUỐI NĂM' }, { text: 'Phòng chống hạn mặn.', marker: '-' },
    { text: 'Trên đây là báo cáo của Ủy ban nhân dân huyện Cầu Kè./.' },
    { text: 'Nơi nhận:' }, { text: 'TT Huyện ủy;', marker: '-' },
    { text: 'TM. ỦY BAN NHÂN DÂN' }, { text: 'KT. CHỦ TỊCH' }, { text: 'PHÓ CHỦ TỊCH' }, { text: 'Nguyễn Văn Hùng' },
  ];
  const report = parseLegacyReport(paragraphs);
  const { template, sectionIds } = deriveTemplate(report, 'nhap-x', 'x');
  const instance: ReportInstance = buildImportedInstance({
    report, template, orgUnit: 'u', period: '2022-H1', sectionOf: (id) => sectionIds.get(id) ?? null, figures: new Map(), planAsItems: true, nextPeriod: '2022-H2',
  });
  const model = buildReportModel({ template, instance, catalogue, source });
  const loss = findLoss(paragraphs, model);
  assert.deepEqual(loss.missing, []);
  assert.equal(loss.checked, paragraphs.length + 1, 'every paragraph, a table row by row');
  assert.ok(model.sections[0]?.sections[0]?.paragraphs.some(isReportTable), 'the table is a table in the model');
  assert.deepEqual(instance.plan.map((p) => [p.text, p.forPeriod]), [['Phòng chống hạn mặn.', '2022-H2']]);
});

test('the loss check names what the saved report lacks, case, punctuation, markers and zero-padding aside', () => {
  assert.equal(comparable('- Số: 05/BC-STTTT; ngày 04 tháng 4.'), comparable('Số 5/BC-STTTT, ngày 4 tháng 4'));
  assert.equal(comparable('7.792 hộp thư'), comparable('7792 hộp thư'));
  const paragraphs = [{ text: 'BÁO CÁO' }, { text: 'Kỳ tháng 4 năm 2022' }, { text: 'I. NỘI DUNG' }, { text: 'Việc đã làm.', marker: '-' }, { text: 'Việc bị bỏ sót.', marker: '-' }];
  const report = parseLegacyReport(paragraphs);
  const { template, sectionIds } = deriveTemplate(report, 'nhap-x', 'x');
  const full = buildImportedInstance({ report, template, orgUnit: 'u', period: '2022-04', sectionOf: (id) => sectionIds.get(id) ?? null, figures: new Map(), planAsItems: true, nextPeriod: '2022-05' });
  const lossy = { ...full, items: full.items.filter((i) => !i.text.includes('bỏ sót')) };
  assert.deepEqual(findLoss(paragraphs, buildReportModel({ template, instance: lossy, catalogue, source })).missing, [{ paragraph: 4, text: '- Việc bị bỏ sót.' }]);
});

test('the issuing body is matched with the org units: UBND of a level, abbreviations, the governing body telling provinces apart', () => {
  const units: UnitForMatch[] = [
    { code: 'travinh', name: 'Tỉnh Trà Vinh', kind: 'province', ancestors: [] },
    { code: 'ubnd-travinh', name: 'Ủy ban nhân dân tỉnh Trà Vinh', kind: 'agency', ancestors: ['Tỉnh Trà Vinh'] },
    { code: 'stttt-travinh', name: 'Sở Thông tin và Truyền thông', shortName: 'Sở TT&TT', kind: 'department', ancestors: ['Tỉnh Trà Vinh', 'Trà Vinh'] },
    { code: 'stttt-bentre', name: 'Sở Thông tin và Truyền thông', kind: 'department', ancestors: ['Tỉnh Bến Tre'] },
    { code: 'tv-cauke', name: 'Huyện Cầu Kè', kind: 'district', ancestors: ['Tỉnh Trà Vinh'] },
  ];
  const cases: [{ name: string; parent: string | null }, string | null][] = [
    [{ name: 'ỦY BAN NHÂN DÂN HUYỆN CẦU KÈ', parent: null }, 'tv-cauke'],
    [{ name: 'UBND huyện Cầu Kè', parent: null }, 'tv-cauke'],
    [{ name: 'ỦY BAN NHÂN DÂN TỈNH TRÀ VINH', parent: null }, 'ubnd-travinh'],
    [{ name: 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG', parent: 'UBND TỈNH BẾN TRE' }, 'stttt-bentre'],
    [{ name: 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG', parent: 'UBND TỈNH TRÀ VINH' }, 'stttt-travinh'],
    [{ name: 'Sở TT&TT Trà Vinh', parent: null }, 'stttt-travinh'],
    [{ name: 'ỦY BAN NHÂN DÂN XÃ LONG ĐỨC', parent: 'UBND THÀNH PHỐ TRÀ VINH' }, null],
  ];
  for (const [issuer, want] of cases) assert.equal(matchIssuer(issuer, units).unit?.code ?? null, want, issuer.name);
  // The same name, no governing body to tell them apart: both listed, neither taken.
  assert.deepEqual(matchIssuer({ name: 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG', parent: null }, units).ambiguous.map((u) => u.code), ['stttt-bentre', 'stttt-travinh']);
});
