// A report not yet issued prints "DỰ THẢO" and neither number nor date in every
// format; the issued one carries its number and date and no mark. The PDF is read back
// with pdftotext, the DOCX from its XML (and LibreOffice's text when installed).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { strFromU8, unzipSync } from 'fflate';
import { renderDocx } from './docx.ts';
import { renderHtml } from './html.ts';
import { renderMarkdown } from './markdown.ts';
import { renderPdf } from './pdf.ts';
import { pdfToText, skipUnless } from './testing/external-tools.ts';
import { buildSampleReportModel } from './testing/sample-model.ts';

const issued = buildSampleReportModel();
const draft = { ...issued, draft: true, number: null, date: null };
const dir = mkdtempSync(path.join(tmpdir(), 'baocao-draft-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** The words a reader finds in each format. */
const TEXT_OF: Record<string, (model: typeof issued) => Promise<string>> = {
  md: async (model) => renderMarkdown(model),
  html: async (model) => renderHtml(model).replace(/<head>[\s\S]*<\/head>/, '').replace(/<[^>]+>/g, ' '),
  docx: async (model) => {
    const xml = strFromU8(unzipSync(new Uint8Array(await renderDocx(model)))['word/document.xml'] ?? new Uint8Array());
    return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(' ');
  },
};
if (skipUnless('pdftotext', 'poppler-utils') === false) {
  TEXT_OF['pdf'] = async (model) => {
    const file = path.join(dir, `r-${model.draft ? 'draft' : 'issued'}.pdf`);
    writeFileSync(file, await renderPdf(model));
    return pdfToText(file);
  };
}

for (const [format, textOf] of Object.entries(TEXT_OF)) {
  describe(format, () => {
    test('a draft says DỰ THẢO first and has no number or date', async () => {
      const text = await textOf(draft);
      assert.ok(text.trimStart().startsWith('DỰ THẢO') || text.trimStart().startsWith('**DỰ THẢO**'), text.slice(0, 80));
      assert.doesNotMatch(text, /05\/BC-STTTT/);
      assert.doesNotMatch(text, /ngày 15 tháng 4 năm 2022/);
      assert.match(text, /Số:\s+\/BC-STTTT/);
    });
    test('the issued report carries its number and date, no mark', async () => {
      const text = await textOf(issued);
      assert.doesNotMatch(text, /DỰ THẢO/);
      assert.match(text, /Số: 05\/BC-STTTT/);
      assert.match(text, /ngày 15 tháng 4 năm 2022/);
    });
  });
}

test('LibreOffice opens the draft DOCX and reads the mark first', { skip: skipUnless('soffice', 'libreoffice-writer-nogui') || false }, async () => {
  const file = path.join(dir, 'draft.docx');
  writeFileSync(file, await renderDocx(draft));
  const out = spawnSync('soffice', ['--headless', '--convert-to', 'txt:Text', '--outdir', dir, file], { encoding: 'utf8', timeout: 120_000 });
  assert.equal(out.status, 0, out.stderr);
  const text = readFileSync(path.join(dir, 'draft.txt'), 'utf8').replace(/^\uFEFF/, '');
  assert.ok(text.trimStart().startsWith('DỰ THẢO'), text.slice(0, 80));
});
