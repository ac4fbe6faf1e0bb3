import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { bundledDejaVuSerif, resolveSerifFont } from './fonts.ts';
import { renderPdf } from './pdf.ts';
import { assertInOrder } from './testing/assert-order.ts';
import { pdfToText, skipUnless } from './testing/external-tools.ts';
import { VIETNAMESE_LETTERS, buildSampleReportModel } from './testing/sample-model.ts';

const model = buildSampleReportModel();
const skip = skipUnless('pdftotext', 'poppler-utils');
if (skip) console.log(`# bỏ qua: ${skip}`);

let dir = '';
before(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'baocao-pdf-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** Media boxes of the pages, read from the PDF itself. */
function mediaBoxes(pdf: Buffer): number[][] {
  return [...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[([^\]]+)\]/g)].map((m) => (m[1] ?? '').trim().split(/\s+/).map(Number));
}

// Rendered with the font this machine resolves and with the bundled fallback, which
// is what a server without Times New Roman or Liberation Serif 2 produces.
for (const [name, font] of [
  [`${resolveSerifFont().family} (font của máy)`, resolveSerifFont()],
  ['DejaVu Serif (font dự phòng đi kèm)', bundledDejaVuSerif()],
] as const) {
  describe(`renderPdf with ${name}`, () => {
    let pdf: Buffer;
    let file = '';
    before(async () => {
      pdf = await renderPdf(model, { font });
      file = path.join(dir, `${font.family.replace(/\s/g, '-')}.pdf`);
      writeFileSync(file, pdf);
    });

    it('is a PDF of A4 pages (595.28 × 841.89 pt), more than one', () => {
      assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
      const boxes = mediaBoxes(pdf);
      assert.ok(boxes.length >= 2, `pages: ${boxes.length}`);
      for (const box of boxes) assert.deepEqual(box, [0, 0, 595.28, 841.89]);
    });

    it('carries every Vietnamese letter of the report exactly (NFC)', { skip }, () => {
      const text = pdfToText(file);
      assert.equal(text, text.normalize('NFC'));
      const wanted = [...new Set(VIETNAMESE_LETTERS)];
      const missing = wanted.filter((c) => !text.includes(c));
      assert.deepEqual(missing, []);
      for (const phrase of ['Kết quả công tác thông tin và truyền thông tháng 4 năm 2022', 'Ứng dụng CNTT phục vụ người dân, doanh nghiệp', 'Nguyễn Văn Chuẩn']) {
        assert.ok(text.replace(/\s+/g, ' ').includes(phrase), phrase);
      }
    });

    it('reads in order: header, title, headings, "./.", Nơi nhận, signer', { skip }, () => {
      const text = pdfToText(file).replace(/\s+/g, ' ');
      assertInOrder(text, [
        'UBND TỈNH TRÀ VINH',
        'Số: 05/BC-STTTT',
        'Trà Vinh, ngày 15 tháng 4 năm 2022',
        'BÁO CÁO',
        'I. CÔNG TÁC QUẢN LÝ NHÀ NƯỚC',
        'a) Ứng dụng CNTT',
        '6.1. Báo chí',
        'II. CÔNG TÁC TỔNG HỢP',
        'III. KẾ HOẠCH CÔNG TÁC THÁNG 5 NĂM 2022',
        'chỉ đạo./.',
        'Nơi nhận:',
      ]);
      // The two signature columns share lines in the extracted text: check each column's order.
      const tail = text.slice(text.indexOf('Nơi nhận:'));
      assertInOrder(tail, ['Nơi nhận:', '- Bộ TT&TT (b/c);', '- Lưu: VT.']);
      assertInOrder(tail, ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', 'Nguyễn Văn Chuẩn']);
    });

    it('keeps "695/QĐ-UBND" whole in justified lines: no gap opened after "/" or "-"', { skip }, () => {
      // Raw pdftotext turns a justification gap into a space: "19- CTr/ TU" was the bug.
      const out = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).stdout;
      assert.deepEqual(out.match(/[\p{L}\d][/-] [\p{L}\d]/gu) ?? [], []);
      for (const reference of ['695/QĐ-UBND', '31/KH-STTTT-BCVTCNTT', '27/KH-STTTT-TTr']) assert.ok(out.includes(reference), reference);
    });

    it('numbers pages from 2 on, centred at the top; page 1 has no number', { skip }, () => {
      const firstLine = (page: number): string => pdfToText(file, { first: page, last: page }).split('\n').find((l) => l.trim() !== '') ?? '';
      assert.match(firstLine(1), /UBND TỈNH TRÀ VINH/);
      const page1 = pdfToText(file, { first: 1, last: 1 });
      assert.ok(!page1.split('\n').some((l) => l.trim() === '1'), 'page 1 shows no page number');
      const line2 = firstLine(2);
      assert.equal(line2.trim(), '2');
      // Centred: as much blank before the number as the page is wide after it, roughly.
      const indent = line2.length - line2.trimStart().length;
      assert.ok(indent > 20, `page number indent ${indent}`);
    });
  });
}
