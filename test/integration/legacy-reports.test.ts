// The reports written for these tests (test/fixtures/legacy/*.md, invented content in
// the shapes Vietnamese agencies use) and their Word variants (made from HTML by
// LibreOffice and by the `docx` package, see build-docx.ts): each reads as the
// expected file beside it says (sections, references, plan, signer, every finding and
// no other), and imports on both databases as it says (the unit, the layout, the
// figures written as values, nothing lost); then the rules of saving: a wrong unit or
// no unit is refused, a disagreeing figure is a conflict, a lossy save is refused
// unless allowed (and then audited), a dry run writes nothing.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { importLegacyReport } from '../../src/app/legacy-import/import-legacy-report.ts';
import type { LegacyImportResult } from '../../src/app/legacy-import/import-legacy-report.ts';
import { importMetadata } from '../../src/app/metadata/import-metadata.ts';
import { loadDemo } from '../../src/app/metadata/load-demo.ts';
import { renderReport } from '../../src/app/reports/render-report.ts';
import type { Store } from '../../src/app/ports.ts';
import type { Principal } from '../../src/app/accounts/principal.ts';
import { runWorkflowAction } from '../../src/app/reports/run-workflow-action.ts';
import type { LegacyReport, LegacySection } from '../../src/core/legacy-report/legacy-report.ts';
import { parseLegacyReport } from '../../src/core/legacy-report/parse-legacy-report.ts';
import { loadDemo as readDemoFiles } from '../../src/exchange/demo/load-demo.ts';
import { readLegacyFile } from '../../src/exchange/legacy-report/read-legacy-file.ts';
import { parseMetadataFile } from '../../src/exchange/metadata-file.ts';
import { renderInFormat as RENDERERS } from '../../src/render/render-in-format.ts';
import { testDatabases } from '../../src/storage/testing/test-databases.ts';

const DIR = path.resolve(import.meta.dirname, '../fixtures/legacy');
const SEED = readFileSync(path.resolve(import.meta.dirname, '../fixtures/seed-stttt-travinh-2022-04.md'));
const REPORTS = readdirSync(DIR).filter((f) => f.endsWith('.expected.json')).map((f) => f.replace(/\.expected\.json$/, '')).sort();
const VARIANTS = ['md', 'soffice.docx', 'docxjs.docx'] as const;

interface Expected {
  issuer: string | null; period: string; cumulative: boolean; title: string | null; summary: string | null; preamble: number;
  sections: string[]; tables: number; plan: { lines: number; forPeriod: string | null };
  references: string[]; citations: number; findings: { rule: string; contains: string }[];
  recipients: number; signer: string | null;
  import: { org?: string; unit: string | null; refusal?: string; layout: string | null; values: string[]; lossless: boolean | null };
}

const expected = (name: string): Expected => JSON.parse(readFileSync(path.join(DIR, `${name}.expected.json`), 'utf8')) as Expected;
const read = (file: string): ReturnType<typeof readLegacyFile> => readLegacyFile(readFileSync(path.join(DIR, file)), file);

function outline(sections: readonly LegacySection[], depth = 0): string[] {
  return sections.flatMap((s) => [
    `${'  '.repeat(depth)}${s.number ? `${s.number}${s.numbering === 'letter' ? ')' : '.'} ` : ''}${s.title}${s.isPlan ? ' [kế hoạch]' : ''}`,
    ...outline(s.sections, depth + 1),
  ]);
}

function tableCount(report: LegacyReport): number {
  const inSections = (list: readonly LegacySection[]): number => list.reduce((n, s) => n + s.items.filter((i) => i.table).length + inSections(s.sections), 0);
  return report.preambleItems.filter((i) => i.table).length + inSections(report.sections);
}

test(`at least 8 reports of different shapes are written for these tests (${REPORTS.length})`, () => {
  assert.ok(REPORTS.length >= 8);
  for (const name of REPORTS) for (const variant of VARIANTS) assert.ok(readdirSync(DIR).includes(`${name}.${variant}`), `${name}.${variant}`);
});

for (const name of REPORTS) {
  for (const variant of VARIANTS) {
    test(`${name}.${variant} reads as its expected file says`, () => {
      const want = expected(name);
      const report = parseLegacyReport(read(`${name}.${variant}`).paragraphs);
      assert.equal(report.issuer?.name ?? null, want.issuer, 'issuing body');
      assert.equal(report.period, want.period);
      assert.equal(report.periodCumulative, want.cumulative);
      assert.equal(report.title, want.title);
      assert.equal(report.summary, want.summary);
      assert.equal(report.preamble.length, want.preamble, 'paragraphs before the first heading');
      assert.deepEqual(outline(report.sections), want.sections);
      assert.equal(tableCount(report), want.tables, 'tables kept as tables');
      assert.deepEqual({ lines: report.plan.length, forPeriod: report.plan[0]?.forPeriod ?? null }, want.plan);
      assert.deepEqual(report.documents.map((d) => `${d.type} ${d.reference}${d.date ? ` ${d.date}` : ''}`), want.references);
      assert.equal(report.documents.reduce((n, d) => n + d.citations.length, 0), want.citations, 'every citation kept');
      // Every expected finding, and no other.
      assert.deepEqual(report.findings.map((f) => f.rule), want.findings.map((f) => f.rule), JSON.stringify(report.findings.map((f) => f.message)));
      report.findings.forEach((f, i) => {
        assert.ok(f.message.includes(want.findings[i]?.contains ?? '\u0000'), `${f.message} ⊅ ${want.findings[i]?.contains}`);
        assert.match(f.message, /đoạn \d+/, 'a finding names its paragraph');
      });
      assert.equal(report.recipients.length, want.recipients);
      assert.equal(report.signer ? [report.signer.authority?.replace(/\n/g, ' / '), report.signer.title, report.signer.name].filter(Boolean).join(' / ') : null, want.signer);
      assert.equal(report.coverage, 1, JSON.stringify(report.unplaced));
    });
  }
}

/** The demo department, then the test reports' units, indicators and the health department's template. */
async function prepare(store: Store): Promise<void> {
  const demo = await loadDemo({ store, demo: readDemoFiles() });
  assert.equal(demo.status, 'SUCCESS');
  const parsed = parseMetadataFile(readFileSync(path.join(DIR, 'don-vi-thu.yaml'), 'utf8'), 'yaml');
  assert.deepEqual(parsed.problems, []);
  const m = parsed.metadata;
  const summary = await importMetadata({ store, metadata: { orgUnits: m.orgUnits, disaggregations: m.disaggregations, indicators: m.indicators, validationRules: m.validationRules, templates: m.templates }, actor: 'test' });
  assert.equal(summary.status, 'SUCCESS', JSON.stringify(summary.problems));
}

/** The demo's April 2022 loads issued: an admin reopens it, with a reason, before it can be imported over. */
async function reopenApril(store: Store): Promise<void> {
  const admin: Principal = { userId: 0, username: 'quantri', displayName: 'Quản trị', via: 'session', grants: [{ role: 'admin', orgUnit: 'travinh', path: '/travinh' }] };
  await runWorkflowAction({ store, principal: admin, orgUnit: 'stttt-travinh', period: '2022-04', action: 'reopen', reason: 'Nhập lại báo cáo gốc' });
}

const importFile = (store: Store, file: string, options: Partial<Parameters<typeof importLegacyReport>[0]> = {}): Promise<LegacyImportResult> =>
  importLegacyReport({ store, paragraphs: read(file).paragraphs, fileName: file, dryRun: false, actor: 'test', now: new Date('2024-01-01T00:00:00Z'), ...options });

async function counts(store: Store): Promise<{ reports: number; values: number; audit: number }> {
  return {
    reports: (await store.reports.list()).length,
    values: (await store.dataValues.find({})).length,
    audit: (await store.audit.list({ limit: 100_000 })).length,
  };
}

for (const database of testDatabases()) {
  describe(database.name, { skip: database.skip }, () => {
    test('every report imports as its expected file says: unit, layout, values with provenance, nothing lost; tables come back as tables', () =>
      database.withStore(async (store) => {
        await prepare(store);
        for (const name of REPORTS) {
          const want = expected(name).import;
          const result = await importFile(store, `${name}.md`, { orgUnit: want.org ?? null });
          assert.equal(result.orgUnit, want.unit, `${name}: ${JSON.stringify(result.findings.filter((f) => f.severity === 'error'))}`);
          if (want.refusal) {
            assert.equal(result.status, 'ERROR');
            assert.ok(result.findings.some((f) => f.rule === want.refusal), name);
            assert.equal(result.saved, null);
            continue;
          }
          assert.notEqual(result.status, 'ERROR', `${name}: ${JSON.stringify(result.findings.filter((f) => f.severity === 'error'))}`);
          assert.equal(result.layout?.derived ? 'own' : result.layout?.template, want.layout, name);
          assert.deepEqual(result.figures.filter((f) => f.sure).map((f) => `${f.text} ${f.indicator}${f.filter ? ` ${f.filter}` : ''}`), want.values, name);
          assert.deepEqual(result.loss?.missing, [], `${name}: the saved report lacks nothing`);
          assert.ok(result.saved, name);
          const unit = want.unit ?? '';
          const period = result.period ?? '';
          // The figures are the indicators' values now, with the file and paragraph they came from.
          const stored = await store.dataValues.find({ orgUnits: [unit], periods: [period] });
          const sources = await store.valueSources.find({ orgUnit: unit, period });
          for (const f of result.figures.filter((x) => x.sure)) {
            assert.ok(stored.some((v) => v.indicator === f.indicator && v.disagg === (f.filter ?? '') && v.value === f.value), `${name}: ${f.text} stored`);
            assert.ok(sources.some((s) => s.indicator === f.indicator && s.source === `${name}.md` && s.paragraph === f.paragraph + 1 && s.excerpt === f.text), `${name}: ${f.text} has its provenance`);
          }
          // Rendered from what is stored: every table is a table again, the signer's lines are there.
          const md = (await renderReport({ store, renderers: RENDERERS, orgUnit: unit, period, format: 'md' })).body as string;
          const again = parseLegacyReport(readLegacyFile(new TextEncoder().encode(md), 'x.md').paragraphs);
          assert.equal(tableCount(again), expected(name).tables, `${name}: tables rendered back as tables`);
          assert.deepEqual(outline(again.sections).map((s) => s.toLocaleLowerCase('vi')), expected(name).sections.map((s) => s.toLocaleLowerCase('vi')), `${name}: the outline survives a render`);
          // The same file again changes nothing, in the same layout.
          const twice = await importFile(store, `${name}.md`, { orgUnit: want.org ?? null });
          assert.equal(twice.layout?.template, result.layout?.template, name);
          assert.deepEqual(twice.saved, { imported: 0, updated: 0, unchanged: 1 }, name);
        }
      }));

    test('the Word variants import with nothing lost too', () =>
      database.withStore(async (store) => {
        await prepare(store);
        for (const name of REPORTS) {
          const want = expected(name).import;
          if (want.refusal) continue;
          for (const variant of ['soffice.docx', 'docxjs.docx']) {
            const result = await importFile(store, `${name}.${variant}`, { orgUnit: want.org ?? null, dryRun: true });
            assert.equal(result.orgUnit, want.unit, `${name}.${variant}`);
            assert.deepEqual(result.loss?.missing, [], `${name}.${variant}`);
          }
        }
      }));

    test('a report of another unit is refused: the district committee\'s report under --org stttt-travinh writes nothing and names the closest units', () =>
      database.withStore(async (store) => {
        await prepare(store);
        const before = await counts(store);
        const result = await importFile(store, 'ubnd-huyen-cau-ke-6-thang-2022.md', { orgUnit: 'stttt-travinh' });
        assert.equal(result.status, 'ERROR');
        const refusal = result.findings.find((f) => f.rule === 'legacy:unit_mismatch');
        assert.ok(refusal, JSON.stringify(result.findings));
        assert.match(refusal.message, /ỦY BAN NHÂN DÂN HUYỆN CẦU KÈ.*Huyện Cầu Kè \(tv-cauke\).*không phải đơn vị đã chọn "stttt-travinh"/u);
        assert.equal(result.unit.closest[0]?.code, 'tv-cauke');
        assert.equal(result.saved, null);
        assert.deepEqual(await counts(store), before, 'nothing written');
      }));

    test('a unit no org unit matches is refused with the closest units listed', () =>
      database.withStore(async (store) => {
        await prepare(store);
        const result = await importFile(store, 'ubnd-xa-long-duc-quy-1-2023.md', { orgUnit: 'tv-tp-travinh' });
        assert.equal(result.status, 'ERROR');
        const refusal = result.findings.find((f) => f.rule === 'legacy:unit_unknown');
        assert.match(refusal?.message ?? '', /Không đơn vị nào khớp với cơ quan ban hành ".*XÃ LONG ĐỨC".*Các đơn vị gần nhất: .+\(.+\)/u);
        assert.ok(result.unit.closest.length > 0);
      }));

    test('the reference report imports onto its stored report with its known findings flagged and nothing lost', () =>
      database.withStore(async (store) => {
        await prepare(store);
        await reopenApril(store);
        const result = await importLegacyReport({ store, paragraphs: readLegacyFile(SEED, 'seed.md').paragraphs, fileName: 'seed.md', orgUnit: 'stttt-travinh', dryRun: false, actor: 'test' });
        assert.equal(result.status, 'WARNING', JSON.stringify(result.findings.filter((f) => f.severity === 'error')));
        assert.equal(result.layout?.template, 'stttt-monthly');
        assert.deepEqual(result.loss?.missing, []);
        const messages = result.findings.map((f) => f.message).join('\n');
        for (const known of ['168 ≠ 54 + 112 = 166', 'Nội dung lặp lại: "Họp thẩm định lần thứ hai', 'Tỷ lệ 1,28%', 'Tỷ lệ 15,43%']) assert.ok(messages.includes(known), known);
        // Its figures agree with the demo's values: written as they are, no conflict.
        assert.ok(result.figures.some((f) => f.sure && f.indicator === 'ioffice.docs_issued' && f.value === 20601));
        assert.equal(result.values.imported + result.values.updated, 0);
      }));

    test('a sure figure that disagrees with a stored value is a conflict shown before anything is saved', () =>
      database.withStore(async (store) => {
        await prepare(store);
        await reopenApril(store);
        // Stored where the figure lives: on the division that reports it.
        await store.dataValues.upsertMany([{ indicator: 'ioffice.docs_issued', orgUnit: 'stttt-bcvt', period: '2022-04', disagg: '', value: 20000 }]);
        const report = await store.reports.loadInstance('stttt-travinh', '2022-04');
        const before = await counts(store);
        const result = await importLegacyReport({ store, paragraphs: readLegacyFile(SEED, 'seed.md').paragraphs, fileName: 'seed.md', orgUnit: 'stttt-travinh', dryRun: false, actor: 'test' });
        assert.equal(result.status, 'ERROR');
        const conflict = result.findings.find((f) => f.rule === 'legacy:value_conflict');
        assert.match(conflict?.message ?? '', /20\.601 \(đoạn 19\) của chỉ tiêu ioffice\.docs_issued khác số đã lưu 20\.000/u);
        assert.deepEqual(await counts(store), before);
        assert.deepEqual(await store.reports.loadInstance('stttt-travinh', '2022-04'), report, 'the report is as it was');
      }));

    test('a save that would lose a paragraph is refused; with allowLoss it is saved and the loss audited', () =>
      database.withStore(async (store) => {
        await prepare(store);
        // The health report laid on the department's monthly template: its sections have no place there.
        const refused = await importFile(store, 'so-yte-quy-3-2022.md', { template: 'stttt-monthly' });
        assert.equal(refused.status, 'ERROR');
        assert.ok((refused.loss?.missing.length ?? 0) > 0);
        assert.match(refused.findings.find((f) => f.rule === 'legacy:loss')?.message ?? '', /Báo cáo lưu sẽ thiếu \d+ đoạn so với tệp: đoạn \d+ ".*Không ghi gì/u);
        assert.equal(await store.reports.find('soyte-travinh', '2022-Q3'), undefined);

        const allowed = await importFile(store, 'so-yte-quy-3-2022.md', { template: 'stttt-monthly', allowLoss: true });
        assert.equal(allowed.status, 'WARNING');
        assert.ok(allowed.saved);
        const [event] = await store.audit.list({ action: 'report.import_loss', orgUnit: 'soyte-travinh' });
        const missing = (event?.after as { missing: { paragraph: number; text: string }[] } | undefined)?.missing ?? [];
        assert.deepEqual(missing.map((m) => m.text), allowed.loss?.missing.map((m) => m.text));
      }));

    test('a dry run runs the whole import and writes nothing', () =>
      database.withStore(async (store) => {
        await prepare(store);
        const before = await counts(store);
        const result = await importFile(store, 'so-yte-quy-3-2022.md', { dryRun: true });
        assert.equal(result.layout?.template, 'soyte-quarterly');
        assert.equal(result.values.imported, 5, 'what a save would write');
        assert.equal(result.saved, null);
        assert.deepEqual(await counts(store), before);
        assert.deepEqual(await store.valueSources.find({ orgUnit: 'soyte-travinh', period: '2022-Q3' }), []);
      }));
  });
}
