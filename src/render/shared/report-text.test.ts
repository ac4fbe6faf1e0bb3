import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ReportParagraph } from '../../core/report-model.ts';
import { closingWithFinalMark, headingText, numberLine, placeDateLine, recipientLines, signerHeadLines } from './report-text.ts';

describe('placeDateLine', () => {
  const cases: [string | null, string][] = [
    ['2022-04-15', 'Trà Vinh, ngày 15 tháng 4 năm 2022'],
    ['2022-01-05', 'Trà Vinh, ngày 05 tháng 01 năm 2022'],
    ['2022-02-28', 'Trà Vinh, ngày 28 tháng 02 năm 2022'],
    ['2022-03-09', 'Trà Vinh, ngày 09 tháng 3 năm 2022'],
    ['2022-12-31', 'Trà Vinh, ngày 31 tháng 12 năm 2022'],
    [null, 'Trà Vinh, ngày      tháng      năm      '],
  ];
  for (const [date, expected] of cases) {
    it(`prints ${date} as "${expected}"`, () => assert.equal(placeDateLine({ place: 'Trà Vinh', date }), expected));
  }
});

describe('numberLine', () => {
  it('prints the number after issue', () => assert.equal(numberLine({ number: '05/BC-STTTT', symbol: 'BC-STTTT' }), 'Số: 05/BC-STTTT'));
  it('leaves a blank for the number before issue', () =>
    assert.equal(numberLine({ number: null, symbol: 'BC-STTTT' }), 'Số:      /BC-STTTT'));
});

describe('headingText', () => {
  const cases: [1 | 2 | 3 | 4, string, string, string][] = [
    [1, 'I', 'Công tác quản lý nhà nước', 'I. CÔNG TÁC QUẢN LÝ NHÀ NƯỚC'],
    [2, '1', 'Lĩnh vực bưu chính', '1. Lĩnh vực bưu chính'],
    [3, 'a', 'Ứng dụng CNTT', 'a) Ứng dụng CNTT'],
    [4, '6.1', 'Báo chí, xuất bản', '6.1. Báo chí, xuất bản'],
    // An imported outline: the form follows the number at any depth; no number, no prefix.
    [2, 'a', 'Khám chữa bệnh', 'a) Khám chữa bệnh'],
    [1, 'Phần I', 'Kết quả thực hiện', 'Phần I. KẾT QUẢ THỰC HIỆN'],
    [1, '', 'Kết quả đạt được', 'KẾT QUẢ ĐẠT ĐƯỢC'],
    [3, '', 'Về kinh tế', 'Về kinh tế'],
  ];
  for (const [level, number, title, expected] of cases) {
    it(`level ${level} reads "${expected}"`, () => assert.equal(headingText({ level, number, title }), expected));
  }
});

describe('closingWithFinalMark', () => {
  const para = (...texts: string[]): ReportParagraph => ({ marker: '', runs: texts.map((text) => ({ text })) });
  const lastText = (ps: readonly ReportParagraph[]): string => (ps[ps.length - 1]?.runs ?? []).map((r) => r.text).join('');
  const cases: [string, ReportParagraph[], string][] = [
    ['turns a final full stop into "./."', [para('Trên đây là báo cáo ', 'chỉ đạo.')], 'Trên đây là báo cáo chỉ đạo./.'],
    ['keeps an existing "./."', [para('Trên đây là báo cáo./.')], 'Trên đây là báo cáo./.'],
    ['adds "./." after text without a stop', [para('Trên đây là báo cáo')], 'Trên đây là báo cáo./.'],
    ['writes "./." alone when there is no closing', [], './.'],
  ];
  for (const [name, closing, expected] of cases) {
    it(name, () => assert.equal(lastText(closingWithFinalMark(closing)), expected));
  }
  it('leaves earlier closing paragraphs alone', () => {
    const out = closingWithFinalMark([para('Một.'), para('Hai.')]);
    assert.equal(out[0]?.runs[0]?.text, 'Một.');
  });
});

describe('signature texts', () => {
  it('prefixes recipients with "- "', () => assert.deepEqual(recipientLines(['Bộ TT&TT (b/c);', 'Lưu: VT.']), ['- Bộ TT&TT (b/c);', '- Lưu: VT.']));
  it('puts the authority above the title, upper case', () =>
    assert.deepEqual(signerHeadLines({ authority: 'KT. Giám đốc', title: 'Phó Giám đốc', name: 'Nguyễn Văn Chuẩn' }), ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC']));
  it('prints an authority of two lines as two lines (TM. then KT.)', () =>
    assert.deepEqual(signerHeadLines({ authority: 'TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH', name: 'X' }), ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH']));
  it('prints no empty line for an acting head without a title line ("Q. GIÁM ĐỐC")', () =>
    assert.deepEqual(signerHeadLines({ authority: 'Q. GIÁM ĐỐC', title: '', name: 'X' }), ['Q. GIÁM ĐỐC']));
  it('has only the title when the head signs', () =>
    assert.deepEqual(signerHeadLines({ authority: null, title: 'GIÁM ĐỐC', name: 'X' }), ['GIÁM ĐỐC']));
});
