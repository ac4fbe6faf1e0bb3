import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkReportInstance, normalizeForComparison } from './report-checks.ts';
import type { ReportInstance } from './report-instance.ts';

const base: ReportInstance = {
  template: 't', orgUnit: 'so', period: '2022-04', number: null, date: null, place: 'Trà Vinh',
  governingBody: 'UBND TỈNH TRÀ VINH', issuingBody: 'SỞ', symbol: 'BC-SO', recipients: [],
  signer: { authority: null, title: 'GIÁM ĐỐC', name: 'A' }, items: [], documents: [], plan: [],
};

describe('normalizeForComparison', () => {
  for (const [a, b] of [
    ['Họp thẩm định “Đề án”.', 'họp  thẩm định "đề án"'],
    ['Lãnh đạo Sở trực Giỗ Tổ;', 'Lãnh đạo Sở trực Giỗ Tổ'],
  ] as const) {
    it(`treats ${JSON.stringify(a)} like ${JSON.stringify(b)}`, () => assert.equal(normalizeForComparison(a), normalizeForComparison(b)));
  }
  it('keeps different texts apart', () => assert.notEqual(normalizeForComparison('Họp lần thứ nhất'), normalizeForComparison('Họp lần thứ hai')));
});

describe('checkReportInstance', () => {
  it('finds an item written twice in the same section, once', () => {
    const item = (id: string, section: string, text: string) => ({ id, section, order: 1, text });
    const findings = checkReportInstance({
      instance: { ...base, items: [item('1', 'ii.1', 'Họp thẩm định lần thứ hai'), item('2', 'ii.1', 'Họp thẩm định lần thứ hai.'), item('3', 'ii.1', 'Họp thẩm định lần thứ hai'), item('4', 'ii.2', 'Họp thẩm định lần thứ hai')] },
    });
    assert.equal(findings.length, 1);
    assert.equal(findings[0]?.rule, 'report:duplicate_item:ii.1');
    assert.match(findings[0]?.message ?? '', /bị lặp lại/);
  });
  it('finds the unit’s own documents dated outside the data window, not others’', () => {
    const doc = (id: string, issuer: string, date: string) => ({ id, type: 'Kế hoạch', number: id, symbol: 'KH-SO', issuer, date, summary: 's' });
    const findings = checkReportInstance({
      instance: { ...base, documents: [doc('1', 'so', '2022-03-15'), doc('2', 'so', '2022-04-14'), doc('3', 'so', '2022-04-15'), doc('4', 'UBND tỉnh', '2021-11-17'), doc('5', 'so-vp', '2022-03-14')] },
      ownIssuers: new Set(['so', 'so-vp']),
    });
    assert.deepEqual(findings.map((f) => f.rule).sort(), ['report:document_outside_window:3', 'report:document_outside_window:5']);
    assert.match(findings[0]?.message ?? '', /15\/03\/2022 - 14\/04\/2022/);
  });
  it('finds a document registered twice and a plan line written twice', () => {
    const findings = checkReportInstance({
      instance: {
        ...base,
        documents: [
          { id: 'a', type: 'Kế hoạch', number: '31', symbol: 'KH-SO', issuer: 'x', summary: 'a' },
          { id: 'b', type: 'Kế hoạch', number: '31', symbol: 'kh-so', issuer: 'x', summary: 'b' },
        ],
        plan: [
          { id: 'p1', order: 1, text: 'Tiếp tục tuyên truyền.', forPeriod: '2022-05' },
          { id: 'p2', order: 2, text: 'Tiếp tục tuyên truyền', forPeriod: '2022-05' },
        ],
      },
    });
    assert.deepEqual(findings.map((f) => f.rule), ['report:duplicate_document:31/KH-SO', 'report:duplicate_plan_item:p2']);
  });
  it('finds nothing in a clean report', () => assert.deepEqual(checkReportInstance({ instance: base }), []));
});
