// Importing an existing report through the API, on both databases: the seed report
// (Markdown, and as a DOCX) previews with its structure, coverage, unit, its known
// findings and the loss check, and writes nothing; dryRun=false saves and audits; a
// report of another unit is refused; a lossy save is refused unless allowLoss (then
// audited); bad files and callers outside the scope are refused with nothing written.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import type { LightMyRequestResponse } from 'fastify';
import { zipSync } from 'fflate';
import { parseTemplateFile } from '../../../exchange/demo/load-demo.ts';
import { readMarkdownParagraphs } from '../../../exchange/legacy-report/read-markdown.ts';
import { testDatabases } from '../../../storage/testing/test-databases.ts';
import { withApi } from '../../testing/api-test-kit.ts';
import type { ApiKit, Caller } from '../../testing/api-test-kit.ts';

const ROOT = path.resolve(import.meta.dirname, '../../../..');
const SEED = readFileSync(path.join(ROOT, 'test/fixtures/seed-stttt-travinh-2022-04.md'));
const TEMPLATE = parseTemplateFile(readFileSync(path.join(ROOT, 'demo/templates/stttt-monthly.yaml'), 'utf8')).template;
const URL = '/api/reports/stttt/2022-04/import';

function upload(kit: ApiKit, caller: Caller | null, url: string, body: Uint8Array, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  return kit.app.inject({
    method: 'POST', url, payload: Buffer.from(body),
    headers: {
      'content-type': 'application/octet-stream',
      ...(caller?.cookie ? { cookie: caller.cookie } : {}),
      ...(caller?.csrfToken ? { 'x-csrf-token': caller.csrfToken } : {}),
      ...headers,
    },
  });
}

async function seedDocx(): Promise<Uint8Array> {
  const paragraphs = readMarkdownParagraphs(SEED.toString('utf8')).map((p) =>
    new Paragraph({ children: [new TextRun({ text: p.marker ? `${p.marker} ${p.text}` : p.text, bold: p.bold ?? (p.headingDepth ?? 0) > 0 })] }));
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: paragraphs }] })));
}

interface Preview {
  status: string; dryRun: boolean; format: string; coverage: number; period: string; orgUnit: string | null;
  summary: string | null;
  sections: unknown[]; documents: { reference: string }[]; plan: unknown[]; recipients: string[];
  signer: { authority: string | null; name: string } | null;
  numbers: { text: string; indicator?: string | null }[];
  findings: { rule: string; message: string; severity: string }[];
  unit: { matched: { code: string } | null; closest: { code: string }[] };
  layout: { template: string; derived: boolean } | null;
  loss: { missing: { paragraph: number; text: string }[] } | null;
  saved: unknown;
}

for (const database of testDatabases()) {
  describe(database.name, { skip: database.skip }, () => {
    test('the seed report previews with its structure, coverage and the two share findings, and writes nothing', () =>
      withApi(database, async (kit) => {
        assert.ok(TEMPLATE);
        await kit.store.templates.upsertMany([TEMPLATE]);
        const office = await kit.login('vanphong');
        for (const [name, bytes, format] of [['bao-cao-thang-4.md', new Uint8Array(SEED), 'markdown'], ['báo cáo tháng 4.docx', await seedDocx(), 'docx']] as const) {
          const response = await upload(kit, office, `${URL}?dryRun=true`, bytes, { 'x-file-name': encodeURIComponent(name) });
          assert.equal(response.statusCode, 200, response.body.slice(0, 500));
          const preview = response.json() as Preview;
          assert.equal(preview.format, format);
          assert.equal(preview.dryRun, true);
          assert.equal(preview.saved, null);
          assert.ok(preview.coverage >= 0.95, `${name}: coverage ${preview.coverage}`);
          assert.equal(preview.period, '2022-04');
          assert.match(preview.summary ?? '', /tháng 4 năm 2022/, 'the trích yếu (the seed copy has no header block)');
          assert.ok(preview.sections.length > 0 && preview.plan.length === 8 && preview.recipients.length > 0, name);
          assert.ok(preview.documents.some((d) => d.reference === '695/QĐ-UBND'), name);
          assert.equal(preview.signer?.authority, 'KT. GIÁM ĐỐC');
          assert.equal(preview.unit.matched?.code, 'stttt', 'the issuing body the closing sentence names');
          assert.deepEqual(preview.loss?.missing, [], 'the saved report would lack nothing');
          const cut = preview.findings.filter((f) => f.rule === 'legacy:percent_mismatch').map((f) => /^Tỷ lệ (\S+)% không khớp/.exec(f.message)?.[1]);
          assert.deepEqual(cut, ['1,28', '15,43'], 'the two cut (not rounded) shares');
          assert.ok(preview.findings.some((f) => f.message.includes('168 ≠ 54 + 112')), 'the parts that do not add up');
          assert.ok(preview.findings.some((f) => f.rule === 'legacy:duplicate'), 'the meeting listed twice');
        }
        // The default is a preview too.
        assert.equal((await upload(kit, office, URL, new Uint8Array(SEED))).json().dryRun, true);
        assert.equal(await kit.store.reports.find('stttt', '2022-04'), undefined, 'a preview saves no report');
      }));

    test('dryRun=false saves the report of the unit and period, with an audit event', () =>
      withApi(database, async (kit) => {
        assert.ok(TEMPLATE);
        await kit.store.templates.upsertMany([TEMPLATE]);
        const office = await kit.login('vanphong');
        const response = await upload(kit, office, `${URL}?dryRun=false&name=bao-cao.md`, new Uint8Array(SEED));
        assert.equal(response.statusCode, 200, response.body.slice(0, 500));
        const result = response.json() as Preview;
        assert.equal(result.status, 'WARNING', JSON.stringify(result.findings.filter((f) => f.severity === 'error')));
        assert.deepEqual(result.saved, { imported: 1, updated: 0, unchanged: 0 });
        const saved = await kit.store.reports.loadInstance('stttt', '2022-04');
        assert.ok(saved);
        // No report and no template of the unit yet: the report keeps its own outline.
        assert.equal(saved.template, 'nhap-stttt-2022-04');
        assert.equal(result.layout?.derived, true);
        assert.equal(saved.plan.length, 8);
        assert.equal(saved.items.filter((i) => i.section === 'iii').length, 9, 'the plan section prints as written');
        assert.ok(saved.documents.some((d) => d.number === '695' && d.symbol === 'QĐ-UBND'));
        const audit = await kit.store.audit.list({ action: 'report.import' });
        assert.equal(audit.length, 1);
        assert.equal(audit[0]?.actor, 'vanphong');
        assert.equal(audit[0]?.orgUnit, 'stttt');
      }));

    test('a report of another unit is refused with the closest units; a lossy save is refused unless allowLoss, then audited', () =>
      withApi(database, async (kit) => {
        assert.ok(TEMPLATE);
        await kit.store.templates.upsertMany([TEMPLATE]);
        const office = await kit.login('vanphong');
        const district = readFileSync(path.join(ROOT, 'test/fixtures/legacy/ubnd-huyen-cau-ke-6-thang-2022.md'));
        const wrong = (await upload(kit, office, '/api/reports/stttt/2022-H1/import?dryRun=false', new Uint8Array(district))).json() as Preview;
        assert.equal(wrong.status, 'ERROR');
        assert.ok(wrong.findings.some((f) => f.rule === 'legacy:unit_unknown' && /Các đơn vị gần nhất/.test(f.message)), JSON.stringify(wrong.findings));
        assert.equal(wrong.saved, null);
        assert.equal(await kit.store.reports.find('stttt', '2022-H1'), undefined);

        // The seed with a part the department's template has no place for.
        const extra = new TextEncoder().encode(SEED.toString('utf8').replace('Trên đây là', '## **IV. KIẾN NGHỊ, ĐỀ XUẤT**\n\n- Đề nghị Bộ hỗ trợ kinh phí nâng cấp Trung tâm dữ liệu.\n\nTrên đây là'));
        const refused = (await upload(kit, office, `${URL}?dryRun=false&template=stttt-monthly`, extra)).json() as Preview;
        assert.equal(refused.status, 'ERROR');
        // The new part, and what the template prints only from indicators this database lacks (I.6.3, II.3).
        const missing = refused.loss?.missing.map((m) => m.text) ?? [];
        for (const text of ['IV. KIẾN NGHỊ, ĐỀ XUẤT', '- Đề nghị Bộ hỗ trợ kinh phí nâng cấp Trung tâm dữ liệu.', '- Tiếp nhận đơn tố cáo: Không có.']) assert.ok(missing.includes(text), text);
        assert.equal(await kit.store.reports.find('stttt', '2022-04'), undefined);
        const allowed = (await upload(kit, office, `${URL}?dryRun=false&template=stttt-monthly&allowLoss=true`, extra)).json() as Preview;
        assert.equal(allowed.status, 'WARNING');
        assert.ok(allowed.saved);
        const [loss] = await kit.store.audit.list({ action: 'report.import_loss' });
        assert.equal(loss?.actor, 'vanphong');
        assert.deepEqual((loss?.after as { missing: { text: string }[] }).missing.map((m) => m.text), refused.loss?.missing.map((m) => m.text));
      }));

    test('bad files are 400 or 413 with the reader\'s Vietnamese message; nothing is written', () =>
      withApi(database, async (kit) => {
        assert.ok(TEMPLATE);
        await kit.store.templates.upsertMany([TEMPLATE]);
        const office = await kit.login('vanphong');
        const bomb = zipSync({ 'word/document.xml': new Uint8Array(60 * 1024 * 1024) }, { level: 9 });
        const cases: [string, Uint8Array, string, number, string, RegExp][] = [
          ['a corrupted zip', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 9, 9, 9, 9, 9, 9]), 'hong.docx', 400, 'corrupt_zip', /bị hỏng/],
          ['a ZIP bomb', bomb, 'bom.docx', 400, 'inflated_too_large', /bom nén/],
          ['broken UTF-8', new Uint8Array([0x42, 0xc3, 0x28, 0x41]), 'hong.md', 400, 'invalid_utf8', /UTF-8/],
          ['an empty file', new Uint8Array(0), 'rong.md', 400, 'empty_file', /rỗng/],
          ['a PNG', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'anh.docx', 400, 'unsupported_type', /ảnh PNG/],
          ['over 20 MB', new Uint8Array(20 * 1024 * 1024 + 1).fill(0x41), 'lon.md', 413, '', /vượt giới hạn 20 MB/],
        ];
        for (const [name, bytes, file, status, reason, message] of cases) {
          const response = await upload(kit, office, `${URL}?dryRun=false&name=${encodeURIComponent(file)}`, bytes);
          assert.equal(response.statusCode, status, `${name}: ${response.body.slice(0, 300)}`);
          const error = response.json() as { message: string; details?: { reason?: string } };
          assert.match(error.message, message, name);
          if (reason) assert.equal(error.details?.reason, reason, name);
        }
        assert.equal(await kit.store.reports.find('stttt', '2022-04'), undefined);
      }));

    test('401 without a session, 403 outside the scope (a division reporter, another province), 404 for an unknown unit', () =>
      withApi(database, async (kit) => {
        assert.equal((await upload(kit, null, URL, new Uint8Array(SEED))).statusCode, 401);
        for (const username of ['bcvt', 'ngoai', 'ubndtinh']) {
          const response = await upload(kit, await kit.login(username), `${URL}?dryRun=false`, new Uint8Array(SEED));
          assert.equal(response.statusCode, 403, `${username}: ${response.body.slice(0, 200)}`);
        }
        assert.equal((await upload(kit, await kit.login('quantri'), '/api/reports/khongco/2022-04/import', new Uint8Array(SEED))).statusCode, 404);
        assert.equal(await kit.store.reports.find('stttt', '2022-04'), undefined);
      }));
  });
}
