import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { strFromU8, unzipSync } from 'fflate';
import { renderDocx } from './docx.ts';
import { escapeHtml } from './html.ts';
import { assertInOrder, readingOrder } from './testing/assert-order.ts';
import { pdfToText, skipUnless } from './testing/external-tools.ts';
import { buildSampleReportModel } from './testing/sample-model.ts';

const model = buildSampleReportModel();
let docx: Buffer;
let files: Record<string, string>;
let documentXml: string;

/** The <w:r> holding exactly `text` (XML-escaped as Word stores it). */
function runWithText(text: string): string {
  const escaped = escapeHtml(text).replace(/&#39;/g, "'").replace(/&quot;/g, '"');
  const run = documentXml
    .split('<w:r>')
    .slice(1)
    .map((r) => r.slice(0, r.indexOf('</w:r>')))
    .find((r) => r.includes(`>${escaped}</w:t>`));
  assert.ok(run, `no run with text "${text}"`);
  return run;
}

const sizeOf = (run: string): number => Number(/<w:sz w:val="(\d+)"/.exec(run)?.[1]);
const isBold = (run: string): boolean => /<w:b\/>|<w:b w:val="(true|1)"\/>/.test(run);
const isItalic = (run: string): boolean => /<w:i\/>|<w:i w:val="(true|1)"\/>/.test(run);

before(async () => {
  docx = await renderDocx(model);
  files = Object.fromEntries(Object.entries(unzipSync(new Uint8Array(docx))).map(([name, data]) => [name, strFromU8(data)]));
  documentXml = files['word/document.xml'] ?? '';
});

describe('renderDocx', () => {
  it('is an A4 portrait page with the decree margins (top 20, bottom 20, left 30, right 15 mm)', () => {
    assert.match(documentXml, /<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"\/>/);
    const margins = /<w:pgMar ([^>]*)\/>/.exec(documentXml)?.[1] ?? '';
    assert.match(margins, /w:top="1134"/);
    assert.match(margins, /w:bottom="1134"/);
    assert.match(margins, /w:left="1701"/);
    assert.match(margins, /w:right="850"/);
  });

  it('gives every line spacing its rule, so LibreOffice does not overlap the header lines', () => {
    // A bare w:line="240" is an exact 12 pt in LibreOffice: 13-14 pt header lines collided.
    const spacings = [...documentXml.matchAll(/<w:spacing ([^>]*)\/>/g)].map((m) => m[1] ?? '').filter((a) => a.includes('w:line='));
    assert.ok(spacings.length > 10);
    for (const attrs of spacings) assert.match(attrs, /w:lineRule="(auto|exact|atLeast)"/, attrs);
  });

  it('sets Times New Roman for every script on every run', () => {
    const fonts = [...documentXml.matchAll(/<w:rFonts ([^>]*)\/>/g)].map((m) => m[1] ?? '');
    assert.ok(fonts.length > 50);
    for (const attrs of fonts) {
      for (const script of ['ascii', 'hAnsi', 'cs', 'eastAsia']) assert.match(attrs, new RegExp(`w:${script}="Times New Roman"`));
    }
  });

  it('sizes the header 13 pt (motto and date 14 pt) and styles it as the decree says', () => {
    const governing = runWithText('UBND TỈNH TRÀ VINH');
    assert.equal(sizeOf(governing), 26);
    assert.equal(isBold(governing), false);
    const issuing = runWithText('SỞ THÔNG TIN VÀ');
    assert.equal(sizeOf(issuing), 26);
    assert.ok(isBold(issuing));
    assert.equal(sizeOf(runWithText('TRUYỀN THÔNG')), 26);
    assert.ok(isBold(runWithText('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')));
    assert.equal(sizeOf(runWithText('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')), 26);
    assert.equal(sizeOf(runWithText('Độc lập - Tự do - Hạnh phúc')), 28);
    assert.equal(sizeOf(runWithText('Số: 05/BC-STTTT')), 26);
    const date = runWithText('Trà Vinh, ngày 15 tháng 4 năm 2022');
    assert.equal(sizeOf(date), 28);
    assert.ok(isItalic(date));
  });

  it('puts the header in a table without borders', () => {
    const table = documentXml.slice(documentXml.indexOf('<w:tbl>'), documentXml.indexOf('</w:tbl>'));
    assert.ok(table.includes('UBND TỈNH TRÀ VINH'));
    const tableBorders = /<w:tblBorders>(.*?)<\/w:tblBorders>/.exec(table)?.[1] ?? '';
    const sides = [...tableBorders.matchAll(/<w:(\w+) w:val="(\w+)"/g)];
    assert.equal(sides.length, 6);
    for (const [, side, val] of sides) assert.equal(val, 'none', `table border ${side}`);
    const cellBorders = [...table.matchAll(/<w:tcBorders>.*?<\/w:tcBorders>/g)].map((m) => m[0]);
    assert.ok(cellBorders.length >= 4);
    for (const borders of cellBorders) assert.doesNotMatch(borders, /w:val="(?!none)/);
  });

  it('sets the title and body in 14 pt, the body justified with a 1 cm first-line indent', () => {
    assert.ok(isBold(runWithText('BÁO CÁO')));
    assert.equal(sizeOf(runWithText('BÁO CÁO')), 28);
    assert.equal(sizeOf(runWithText(model.summary)), 28);
    const bullet = runWithText('Lãnh đạo Sở trực Giỗ Tổ Hùng Vương năm 2022.');
    assert.equal(sizeOf(bullet), 28);
    const paragraph = documentXml.slice(documentXml.lastIndexOf('<w:p>', documentXml.indexOf('Lãnh đạo Sở trực Giỗ Tổ')));
    assert.match(paragraph.slice(0, paragraph.indexOf('</w:pPr>')), /<w:jc w:val="both"\/>/);
    assert.match(paragraph.slice(0, paragraph.indexOf('</w:pPr>')), /<w:ind w:firstLine="567"\/>/);
    assert.match(paragraph.slice(0, paragraph.indexOf('</w:pPr>')), /w:after="120"/);
  });

  it('has every heading and paragraph in order, then "./."', () => {
    const text = [...documentXml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    const xmlText = (s: string): string => escapeHtml(s).replace(/&#39;/g, "'").replace(/&quot;/g, '"');
    assertInOrder(text, [...readingOrder(model).map(xmlText), 'chỉ đạo./.', 'Nơi nhận:']);
    assert.ok(isBold(runWithText('I. CÔNG TÁC QUẢN LÝ NHÀ NƯỚC')));
    assert.ok(isBold(runWithText('6.1. Báo chí, xuất bản, thông tin đối ngoại')));
  });

  it('sets "Nơi nhận:" 12 pt bold italic, recipients 11 pt, the signer bold', () => {
    const label = runWithText('Nơi nhận:');
    assert.equal(sizeOf(label), 24);
    assert.ok(isBold(label) && isItalic(label));
    for (const line of ['- Bộ TT&TT (b/c);', '- Lưu: VT.']) {
      assert.equal(sizeOf(runWithText(line)), 22);
      assert.equal(isBold(runWithText(line)), false);
    }
    for (const line of ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', 'Nguyễn Văn Chuẩn']) assert.ok(isBold(runWithText(line)), line);
    assertInOrder(documentXml, ['Nơi nhận:', 'Lưu: VT.', 'KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', 'Nguyễn Văn Chuẩn']);
  });

  it('numbers pages in the header from page 2: different first page, PAGE field in the default header', () => {
    const sectPr = /<w:sectPr>.*<\/w:sectPr>/s.exec(documentXml)?.[0] ?? '';
    assert.match(sectPr, /<w:titlePg\/>/);
    const rels = files['word/_rels/document.xml.rels'] ?? '';
    const headerFile = (type: string): string => {
      const id = new RegExp(`<w:headerReference w:type="${type}" r:id="(\\w+)"`).exec(sectPr)?.[1];
      const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)?.[1];
      assert.ok(target, `header ${type}`);
      return files[`word/${target}`] ?? '';
    };
    const pageField = /<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>|w:instr="\s*PAGE\s*"/;
    assert.match(headerFile('default'), pageField);
    assert.match(headerFile('default'), /<w:jc w:val="center"\/>/);
    assert.doesNotMatch(headerFile('first'), pageField);
  });
});

describe('renderDocx through LibreOffice', () => {
  const skip = skipUnless('soffice', 'libreoffice-writer-nogui');
  if (skip) console.log(`# bỏ qua: ${skip}`);
  let dir = '';
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'baocao-docx-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('opens and converts to PDF headless, keeping the title and the signer', { skip, timeout: 180_000 }, () => {
    const file = path.join(dir, 'bao-cao.docx');
    writeFileSync(file, docx);
    const result = spawnSync(
      'soffice',
      [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, file],
      { encoding: 'utf8', timeout: 170_000 },
    );
    assert.equal(result.status, 0, result.stderr);
    const pdf = path.join(dir, 'bao-cao.pdf');
    assert.ok(existsSync(pdf), `no PDF: ${result.stdout} ${result.stderr}`);
    const text = pdfToText(pdf);
    assertInOrder(text, ['BÁO CÁO', 'I. CÔNG TÁC QUẢN LÝ NHÀ NƯỚC', 'Nơi nhận:', 'Nguyễn Văn Chuẩn']);
  });
});
