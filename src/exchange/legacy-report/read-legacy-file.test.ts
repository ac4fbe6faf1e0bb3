import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import fc from 'fast-check';
import { zipSync } from 'fflate';
import { parseLegacyReport } from '../../core/legacy-report/parse-legacy-report.ts';
import type { LegacyReport, LegacySection, SourceParagraph } from '../../core/legacy-report/legacy-report.ts';
import { LegacyImportError } from './legacy-import-error.ts';
import { readLegacyFile } from './read-legacy-file.ts';
import { readMarkdownParagraphs } from './read-markdown.ts';

const SEED = readFileSync(new URL('../../../test/fixtures/seed-stttt-travinh-2022-04.md', import.meta.url));
const fixture = (name: string): Uint8Array => readFileSync(new URL(`../../../test/fixtures/legacy/${name}`, import.meta.url));
const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4];

/** The seed as Word would hold it: headings styled (or only bold, every other one), bullets as text. */
async function seedDocx(): Promise<Uint8Array> {
  const paragraphs = readMarkdownParagraphs(SEED.toString('utf8')).map((p, i) => {
    const text = p.marker ? `${p.marker} ${p.text}` : p.text;
    const depth = p.headingDepth ?? 0;
    if (depth > 0 && i % 2 === 0) return new Paragraph({ heading: HEADINGS[Math.min(depth, 4) - 1] ?? HeadingLevel.HEADING_1, children: [new TextRun({ text, bold: true })] });
    return new Paragraph({ children: [new TextRun({ text, bold: p.bold ?? false })] });
  });
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: paragraphs }] })));
}

function flatten(sections: readonly LegacySection[]): LegacySection[] {
  return sections.flatMap((s) => [s, ...flatten(s.sections)]);
}

function assertSeed(report: LegacyReport): void {
  assert.ok(report.coverage >= 0.95, `coverage ${report.coverage}`);
  assert.equal(report.title, 'BÁO CÁO');
  assert.equal(report.period, '2022-04');
  assert.deepEqual(report.sections.map((s) => `${s.number}. ${s.title}`), ['I. CÔNG TÁC QUẢN LÝ NHÀ NƯỚC', 'II. CÔNG TÁC TỔNG HỢP', 'III. KẾ HOẠCH CÔNG TÁC THÁNG 5 NĂM 2022']);
  const byId = new Map(flatten(report.sections).map((s) => [s.id, s]));
  assert.deepEqual([...byId.keys()].filter((id) => id.startsWith('i.')), ['i.1', 'i.2', 'i.3', 'i.4', 'i.4.a', 'i.4.b', 'i.4.c', 'i.5', 'i.6', 'i.6.1', 'i.6.2', 'i.6.3']);
  assert.equal(byId.get('i.1')?.items.length, 4);
  assert.equal(byId.get('ii.3')?.items.map((i) => i.text)[0], 'Tiếp nhận đơn tố cáo: Không có.');
  // "… 04 báo cáo" / "thống kê; 08 kế hoạch …" is one paragraph broken in two.
  assert.equal(byId.get('i.6.3')?.items.length, 1);
  assert.ok(report.documents.length >= 25, `${report.documents.length} documents`);
  const decision = report.documents.find((d) => d.reference === '695/QĐ-UBND');
  assert.deepEqual(decision && [decision.type, decision.issuer, decision.date, decision.section], ['Quyết định', 'UBND', '2022-04-12', 'i.1']);
  assert.deepEqual(report.plan.map((p) => [p.order, p.forPeriod]), [1, 2, 3, 4, 5, 6, 7, 8].map((n) => [n, '2022-05']));
  assert.match(report.plan[0]?.text ?? '', /chủ trương, đường lời của Đảng/);
  assert.equal(report.recipients.length, 13);
  assert.equal(report.recipients[0], 'Bộ TT&TT (b/c)');
  assert.equal(report.recipients[12], 'Lưu: VT');
  assert.deepEqual(report.signer, { authority: 'KT. GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC', name: 'Nguyễn Văn Chuẩn' });
  // The known faults of the reference report, each with its paragraph and section.
  assert.deepEqual(report.findings.map((f) => f.message), [
    'Nội dung gần trùng: "Xây dựng Kế hoạch thực hành TKCLP giai đoạn 2021-2025" đã có ở cùng đoạn (đoạn 7, mục I.1).',
    'Một văn bản được ghi hai ký hiệu: 09/NQ-TU và 09-NQ/TU (đoạn 6, 8); cần thống nhất.',
    'Tỷ lệ 1,28% không khớp với số liệu: 95/7.386 = 1,29% (đoạn 23, mục I.4.b).',
    'Tỷ lệ 15,43% không khớp với số liệu: 2.217/14.363 = 15,44% (đoạn 23, mục I.4.b).',
    'Các phần không khớp tổng: 168 ≠ 54 + 112 = 166 (đoạn 41, mục I.4.c).',
    'Nêu 14 cảnh báo nhưng liệt kê 6 (đoạn 47, mục I.5).',
    'Nội dung lặp lại: "Họp thẩm định lần thứ hai của “Đề án đầu tư và phát triển Trường Cao đẳng nghề Trà Vinh th…" đã có ở cùng đoạn (đoạn 61, mục II.1).',
  ]);
  assert.deepEqual(report.issuer, { name: 'Sở Thông tin và Truyền thông Trà Vinh', parent: null, source: 'closing' });
  assert.ok(report.numbers.some((n) => n.text === '20.601' && n.after.startsWith('văn bản điện tử')));
}

test('the seed report as Markdown: header, parts, items, documents, plan, recipients, signer, findings', () => {
  const file = readLegacyFile(SEED, 'seed.md');
  assert.equal(file.format, 'markdown');
  assertSeed(parseLegacyReport(file.paragraphs));
});

test('the seed report as a DOCX made from it reads the same', async () => {
  const file = readLegacyFile(await seedDocx(), 'seed.docx');
  assert.equal(file.format, 'docx');
  assertSeed(parseLegacyReport(file.paragraphs));
});

test('another district: header table, "Phần I" and "1.1" numbering, plain paragraphs, a quarterly report', () => {
  const report = parseLegacyReport(readLegacyFile(fixture('phong-vhtt-quy-2-2023.md'), 'x.md').paragraphs);
  assert.deepEqual(report.header, {
    governingBody: 'UBND HUYỆN CÀNG LONG', issuingBody: 'PHÒNG VĂN HÓA VÀ THÔNG TIN', numberAndSymbol: '12/BC-VHTT', number: 12, symbol: 'BC-VHTT', place: 'Càng Long', date: '2023-06-28',
  });
  assert.equal(report.period, '2023-Q2');
  assert.deepEqual(flatten(report.sections).map((s) => [s.id, s.level]), [['phan-i', 1], ['phan-i.1', 2], ['phan-i.1.1', 3], ['phan-i.1.2', 3], ['phan-i.2', 2], ['phan-ii', 1]]);
  assert.deepEqual(flatten(report.sections).find((s) => s.id === 'phan-i.1.1')?.items.map((i) => i.marker), ['', '']);
  assert.deepEqual(report.plan.map((p) => p.forPeriod), ['2023-Q3', '2023-Q3', '2023-Q3']);
  assert.deepEqual(report.documents.map((d) => d.reference), ['45/KH-UBND', '210/SVHTTDL-QLVH', '07/CT-UBND']);
  assert.deepEqual(report.signer, { authority: null, title: 'TRƯỞNG PHÒNG', name: 'Trần Thị Mai' });
  assert.deepEqual(report.recipients, ['UBND huyện', 'Sở VHTTDL', 'Lưu: VT']);
  assert.equal(report.findings.length, 0);
  assert.equal(report.coverage, 1);
});

test('a report with no header or title, "+" bullets, a half-year period and a wrong percentage', () => {
  const report = parseLegacyReport(readLegacyFile(fixture('so-yte-khong-dau-muc.md'), 'x.md').paragraphs);
  assert.equal(report.title, null);
  assert.equal(report.header.issuingBody, null);
  assert.equal(report.period, '2023-H1');
  // Its first line, "Báo cáo …", stands for the title and the summary.
  assert.equal(report.summary, 'Báo cáo sơ kết công tác chuyển đổi số 6 tháng đầu năm 2023');
  assert.deepEqual(report.preamble, []);
  assert.deepEqual(report.plan.map((p) => [p.text, p.forPeriod]), [
    ['Hoàn thành bệnh án điện tử tại bệnh viện tỉnh.', '2023-H2'],
    ['Triển khai thanh toán không dùng tiền mặt tại 100% bệnh viện.', '2023-H2'],
  ]);
  assert.deepEqual(report.signer, { authority: null, title: 'GIÁM ĐỐC', name: 'Lê Văn Bình' });
  assert.deepEqual(report.findings.map((f) => [f.left, f.right]), [[49.5, 50]]);
  assert.equal(report.coverage, 1);
});

const SMALL_LIMITS = { maxFileBytes: 1024 * 1024, maxZipEntries: 50, maxInflatedBytes: 256 * 1024 };

test('bad files are refused with one Vietnamese error each', () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
  const bomb = zipSync({ 'word/document.xml': new Uint8Array(2 * 1024 * 1024) }, { level: 9 });
  const manyEntries = zipSync(Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`x/${i}.txt`, new Uint8Array([1])])));
  const noDocument = zipSync({ 'hello.txt': new TextEncoder().encode('xin chào') });
  const cut = new Uint8Array(zipSync({ 'word/document.xml': new TextEncoder().encode('<w:p><w:r><w:t>A</w:t></w:r></w:p>'.repeat(200)) }).subarray(0, 120));
  const cases: [string, Uint8Array, string, RegExp][] = [
    ['PNG renamed .docx', png, 'anh.docx', /ảnh PNG/],
    ['text renamed .docx', new TextEncoder().encode('# BÁO CÁO'), 'bao-cao.docx', /không phải tệp DOCX/],
    ['unknown extension', new TextEncoder().encode('abc'), 'bao-cao.xlsx', /chỉ nhận báo cáo Word/],
    ['empty file', new Uint8Array(0), 'rong.md', /rỗng/],
    ['whitespace only', new TextEncoder().encode(' \n\n\t'), 'trang.md', /không có nội dung/],
    ['broken UTF-8', new Uint8Array([0x42, 0xc3, 0x28, 0x41]), 'hong.md', /UTF-8/],
    ['over the size limit', new Uint8Array(SMALL_LIMITS.maxFileBytes + 1).fill(0x41), 'lon.md', /vượt giới hạn 1 MB/],
    ['ZIP bomb', bomb, 'bom.docx', /bom nén/],
    ['too many ZIP entries', manyEntries, 'nhieu.docx', /60 phần/],
    ['ZIP without a Word document', noDocument, 'khong-phai.docx', /word\/document.xml/],
    ['truncated ZIP', cut, 'cut.docx', /bị hỏng/],
  ];
  for (const [name, bytes, file, message] of cases) {
    assert.throws(() => readLegacyFile(bytes, file, SMALL_LIMITS), (error: unknown) => error instanceof LegacyImportError && message.test(error.message), name);
  }
  assert.ok(bomb.length < 16 * 1024, 'the bomb is small on disk');
});

function onlyOwnErrors(read: () => unknown): void {
  try {
    const result = read() as { paragraphs: SourceParagraph[] };
    parseLegacyReport(result.paragraphs);
  } catch (error) {
    if (!(error instanceof LegacyImportError)) throw error;
  }
}

test('fuzz: random text and mutated DOCX bytes never throw anything but LegacyImportError', async () => {
  const docx = await seedDocx();
  fc.assert(fc.property(fc.string({ maxLength: 400 }), (text) => onlyOwnErrors(() => readLegacyFile(new TextEncoder().encode(text), 'x.md'))), { numRuns: 200 });
  fc.assert(fc.property(fc.array(fc.constantFrom('# ', '**', '- ', '\\* ', 'I. ', '1. ', 'a) ', 'Nơi nhận:', 'KT.', 'số 5/QĐ-UBND ngày 1/1/2022', '(tỷ lệ 5,5%)', '20.601', '\n', '\n\n', '|', 'BÁO CÁO', 'tháng 4 năm 2022', 'x')), (parts) => onlyOwnErrors(() => readLegacyFile(new TextEncoder().encode(parts.join('')), 'x.md'))), { numRuns: 300 });
  fc.assert(fc.property(fc.array(fc.tuple(fc.nat(docx.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 20 }), (edits) => {
    const bytes = docx.slice();
    for (const [at, value] of edits) bytes[at] = value;
    onlyOwnErrors(() => readLegacyFile(bytes, 'x.docx', SMALL_LIMITS));
  }), { numRuns: 150 });
  fc.assert(fc.property(fc.nat(docx.length), (length) => onlyOwnErrors(() => readLegacyFile(docx.subarray(0, length), 'x.docx', SMALL_LIMITS))), { numRuns: 100 });
});
