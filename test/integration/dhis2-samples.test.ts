// DHIS2's own sample files (test/fixtures/dhis2, see SOURCES.md there), each imported
// into matching metadata (a DHIS2 metadata export, read by `metadata import`), imported
// again (nothing changes), exported in its own format and imported into a second
// database: both hold the same values. Every ADX export is checked against the IHE
// schema with xmllint. On SQLite and PostgreSQL.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { importMetadata } from '../../src/app/metadata/import-metadata.ts';
import { loadDemo } from '../../src/app/metadata/load-demo.ts';
import { loadDemo as readDemoFiles } from '../../src/exchange/demo/load-demo.ts';
import type { Store } from '../../src/app/ports.ts';
import { importValues } from '../../src/app/values/import-values.ts';
import type { ImportSummary } from '../../src/app/values/value-import.ts';
import type { DataValue } from '../../src/core/data-value.ts';
import type { IdSchemes } from '../../src/core/dhis2-ids.ts';
import { parseMetadataFile } from '../../src/exchange/metadata-file.ts';
import { exportValuesFile, valueFileOptions } from '../../src/exchange/values-export.ts';
import { parsePeriod } from '../../src/core/period.ts';
import { parseValuesFile, serializeValues } from '../../src/exchange/values-file.ts';
import type { ValuesFormat } from '../../src/exchange/values-file.ts';
import { testDatabases } from '../../src/storage/testing/test-databases.ts';

const DIR = new URL('../fixtures/dhis2/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, DIR), 'utf8');
const SCHEMA = new URL('adx/schema/adx_loose.xsd', DIR).pathname;

interface Sample {
  readonly file: string;
  readonly metadata: string;
  readonly format: ValuesFormat;
  /** The id schemes DHIS2's own test imported it with. */
  readonly idSchemes?: IdSchemes;
  readonly imported: number;
  /** Rows DHIS2's own test expects to be refused (its boolean test), by their messages. */
  readonly conflicts?: readonly RegExp[];
  /** What a user checks after the import: one stored value, as `indicator|unit|period|disagg|attr = value`. */
  readonly spot: string;
}

const SAMPLES: readonly Sample[] = [
  { file: 'json/dataValueSetJ.json', metadata: 'sierra-leone-sample.json', format: 'json', imported: 1, spot: 'f7n9E0hX8qk|DiszpKrYNg8|2012-01|| = 10' },
  { file: 'json/dataValueSetCreateDate.json', metadata: 'sierra-leone-sample.json', format: 'json', imported: 1, spot: 'f7n9E0hX8qk|DiszpKrYNg8|2012-01|| = 20' },
  { file: 'json/docs-mortality-under-5.json', metadata: 'sierra-leone-sample.json', format: 'json', imported: 3, spot: 'eY5ehpbEsB7|DiszpKrYNg8|2014-01|| = 3' },
  { file: 'json/docs-bulk.json', metadata: 'sierra-leone-sample.json', format: 'json', imported: 4, spot: 'f7n9E0hX8qk|Jkhdsf8sdf4|2014-02|| = 18' },
  { file: 'csv/dataValueSetB.csv', metadata: 'sierra-leone-sample.json', format: 'csv', imported: 12, spot: 'eY5ehpbEsB7|BdfsJfj87js|2012-02|| = 10012 (comment)' },
  { file: 'csv/dataValueSetBNoHeader.csv', metadata: 'sierra-leone-sample.json', format: 'csv', imported: 12, spot: 'Ix2HsbDMLea|DiszpKrYNg8|2012-01|| = 10005 (comment)' },
  { file: 'csv/docs-bulk.csv', metadata: 'sierra-leone-sample.json', format: 'csv', imported: 3, spot: 'Ix2HsbDMLea|DiszpKrYNg8|2014-01|| = 2' },
  {
    file: 'csv/dataValueSetBooleanTest.csv', metadata: 'sierra-leone-sample.json', format: 'csv', imported: 14, spot: 'jH26dja2f30|DiszpKrYNg8|2012-04|| = false (comment)',
    conflicts: [/"test" không phải đúng\/sai/, /"not true" không phải đúng\/sai/, /"false" là giá trị sai, kiểu này không lưu/, /"test" không hợp lệ; chỉ tiêu "jH26dja2f31"/],
  },
  { file: 'adx/docs-tb-hiv.adx.xml', metadata: 'tb-hiv-vcct.json', format: 'adx', imported: 20, spot: 'PLHIV_TB_1|OU_559|2015-06|GENDER=MLE;HIV_AGE=AGE15-24| = 10' },
  { file: 'adx/exportA.adx.xml', metadata: 'malaria-adx-export.json', format: 'adx', idSchemes: { dataElementIdScheme: 'NAME' }, imported: 2, spot: 'MalTextA|123|2020-02|| = Some text' },
  {
    file: 'adx/importC.adx.xml', metadata: 'malaria-adx-import.json', format: 'adx', idSchemes: { orgUnitIdScheme: 'NAME', categoryOptionIdScheme: 'NAME' }, imported: 9,
    spot: 'Mal_num|DH|2021-Q1|ageeeeeeeee=under555555;sexxxxxxxxx=MMMMMMMMMMM|mechanismmm=McDonalds = 30',
  },
  { file: 'adx/importDates.adx.xml', metadata: 'malaria-adx-import.json', format: 'adx', imported: 1, spot: 'MalNummmmmm|P1233333333|2020-01|ageeeeeeeee=over5555555;sexxxxxxxxx=MMMMMMMMMMM| = 33 (33333)' },
];

/** What a user compares: every stored value with its key, text and comment. */
async function figures(store: Store): Promise<string[]> {
  return (await store.dataValues.find({})).map(figure).sort();
}

function figure(v: DataValue): string {
  const shown = v.text ?? String(v.value);
  return `${v.indicator}|${v.orgUnit}|${v.period}|${v.disagg}|${v.attr ?? ''} = ${shown}${v.comment ? ` (${v.comment})` : ''}`;
}

async function loadMetadata(store: Store, name: string): Promise<void> {
  const parsed = parseMetadataFile(read(`metadata/${name}`), 'json');
  assert.deepEqual(parsed.problems, [], name);
  const summary = await importMetadata({ store, metadata: parsed.metadata, actor: 'test' });
  assert.deepEqual(summary.problems, [], name);
  assert.equal(summary.status, 'SUCCESS');
}

async function importText(store: Store, text: string, idSchemes: IdSchemes = {}, skipConflicts = false): Promise<ImportSummary> {
  return importValues({ store, parsed: parseValuesFile(text), idSchemes, skipConflicts, actor: 'test' });
}

/** The stored values as a file of `format`, as `values export` writes them; `timeless` leaves out when each was stored. */
async function exportAll(store: Store, format: ValuesFormat, timeless = false): Promise<string> {
  const values = (await store.dataValues.find({})).map((v) => (timeless ? { ...v, updatedAt: null } : v));
  const options = await valueFileOptions({ store, values, format, idSchemes: {}, exported: '2026-12-02T00:00:00.000Z' });
  return serializeValues(values, format, options);
}

function assertValidAdx(text: string): void {
  const dir = mkdtempSync(path.join(tmpdir(), 'baocao-adx-schema-'));
  try {
    const file = path.join(dir, 'export.adx.xml');
    writeFileSync(file, text);
    const result = spawnSync('xmllint', ['--noout', '--nonet', '--schema', SCHEMA, file], { encoding: 'utf8' });
    if (result.error) assert.fail(`xmllint could not run (${result.error.message}): install libxml2-utils (apt-get install libxml2-utils).`);
    assert.equal(result.status, 0, `xmllint: ${result.stderr}\n${text}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

for (const database of testDatabases()) {
  describe(`DHIS2's sample files (${database.name})`, { skip: database.skip }, () => {
    for (const sample of SAMPLES) {
      test(`${sample.file}: imports into matching metadata, again changes nothing, comes back out equal in its own format`, () =>
        database.withStore(async (store) => {
          await loadMetadata(store, sample.metadata);
          const text = read(sample.file);
          const first = await importText(store, text, sample.idSchemes, sample.conflicts !== undefined);
          assert.deepEqual(first.conflicts.map((c) => c.message).filter((m) => !(sample.conflicts ?? []).some((re) => re.test(m))), [], 'no unexpected conflict');
          assert.equal(first.conflicts.length, sample.conflicts?.length ?? 0, first.conflicts.map((c) => c.message).join('\n'));
          assert.equal(first.status, sample.conflicts ? 'WARNING' : 'SUCCESS');
          assert.equal(first.importCount.imported, sample.imported);
          const stored = await figures(store);
          assert.equal(stored.length, sample.imported);
          assert.ok(stored.includes(sample.spot), `${sample.spot} in\n${stored.join('\n')}`);

          const again = await importText(store, text, sample.idSchemes, sample.conflicts !== undefined);
          assert.deepEqual([again.importCount.imported, again.importCount.updated, again.unchanged], [0, 0, sample.imported]);
          assert.deepEqual(await figures(store), stored);

          const exported = await exportAll(store, sample.format);
          if (sample.format === 'adx') assertValidAdx(exported);
          assert.deepEqual((await importText(store, exported)).unchanged, sample.imported, 'our export re-imports as unchanged');
          await database.withStore(async (other) => {
            await loadMetadata(other, sample.metadata);
            const into = await importText(other, exported);
            assert.deepEqual(into.conflicts, []);
            assert.deepEqual(await figures(other), stored, 'the export carries every value, key, text and comment');
            assert.equal(await exportAll(other, sample.format, true), await exportAll(store, sample.format, true), 'export → import → export gives the same file (but for when each value was stored)');
          });
        }));
    }

    test('json/dataValueSetJDeleteNoValue.json deletes what dataValueSetJ.json stored, audited with the value it had', () =>
      database.withStore(async (store) => {
        await loadMetadata(store, 'sierra-leone-sample.json');
        await importText(store, read('json/dataValueSetJ.json'));
        const deletion = await importText(store, read('json/dataValueSetJDeleteNoValue.json'));
        assert.equal(deletion.status, 'SUCCESS');
        assert.deepEqual(deletion.importCount, { imported: 0, updated: 0, ignored: 0, deleted: 1 });
        assert.deepEqual(await figures(store), []);
        const [event] = await store.audit.list({ action: 'data_value.delete' });
        assert.deepEqual((event?.before as { value: number }).value, 10);
        assert.equal(event?.after, null);
        // Deleting again finds nothing: ignored, not deleted twice.
        assert.deepEqual((await importText(store, read('json/dataValueSetJDeleteNoValue.json'))).importCount, { imported: 0, updated: 0, ignored: 1, deleted: 0 });
      }));

    test('the IHE ADX sample of 2014 (another namespace, periods without durations) is refused with a reason, nothing written', () =>
      database.withStore(async (store) => {
        await loadMetadata(store, 'sierra-leone-sample.json');
        const summary = await importText(store, read('adx/adx_data_sample1.xml'));
        assert.equal(summary.status, 'ERROR');
        assert.match(summary.conflicts[0]?.message ?? '', /không gian tên "http:\/\/ihe.net\/quality\/schema\/adx", cần "urn:ihe:qrph:adx:2015"/);
        assert.deepEqual(await figures(store), []);
      }));

    test("DHIS2's own metadata payload imports; the same file again changes nothing", () =>
      database.withStore(async (store) => {
        const metadata = parseMetadataFile(read('metadata/dhis2-core-metadata-import.json'), 'json').metadata;
        const first = await importMetadata({ store, metadata, actor: 'test' });
        assert.deepEqual(first.problems, []);
        assert.deepEqual([first.counts.orgUnits.imported, first.counts.disaggregations.imported, first.counts.indicators.imported, first.counts.optionCombos.imported], [1, 2, 1, 4]);
        const again = await importMetadata({ store, metadata, actor: 'test' });
        assert.deepEqual(Object.values(again.counts).map((c) => c.imported + c.updated), [0, 0, 0, 0, 0, 0]);
      }));

    test('a disaggregation code that cannot name an XML attribute is refused at metadata import, nothing written', () =>
      database.withStore(async (store) => {
        const parsed = parseMetadataFile('disaggregations:\n  - { code: age group, name: Nhóm tuổi, options: [ { code: a, name: A } ] }\n', 'yaml');
        const summary = await importMetadata({ store, metadata: parsed.metadata, actor: 'test' });
        assert.equal(summary.status, 'ERROR');
        assert.match(summary.problems[0]?.message ?? '', /"age group" không dùng được làm tên thuộc tính XML/);
        assert.equal(summary.problems[0]?.path, 'disaggregations[0].code');
        assert.deepEqual(await store.indicators.listDisaggregations(), []);
      }));

    test('every period type goes in and out of every format; a year exports its halves, quarters, months, weeks and days, not the next year', () =>
      database.withStore(async (store) => {
        await loadMetadata(store, 'sierra-leone-sample.json');
        const periods = ['2022', '2022S2', '2022Q4', '202211B', '202212', '2022W52', '2022WedW52', '2022BiW26', '20221231', '2022AprilS1', '2022April', '2023W1', '202301'];
        const csv = ['dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value', ...periods.map((p, i) => `f7n9E0hX8qk,${p},DiszpKrYNg8,,,${i + 1}`)].join('\n');
        const imported = await importText(store, csv);
        assert.deepEqual([imported.status, imported.importCount.imported], ['SUCCESS', periods.length]);
        for (const format of ['json', 'csv', 'adx'] as const) {
          const year = await exportValuesFile({ store, orgUnit: 'DiszpKrYNg8', period: parsePeriod('2022'), format, exported: '2026-12-02T00:00:00.000Z' });
          assert.ok(year.ok);
          if (!year.ok) return;
          // The year, its half, quarter, bi-month, month, weeks, bi-week, day and the April half; not the financial year, nor 2023's.
          assert.equal(year.count, 10, format);
          if (format === 'adx') assertValidAdx(year.text);
          await database.withStore(async (other) => {
            await loadMetadata(other, 'sierra-leone-sample.json');
            assert.deepEqual((await importText(other, year.text)).conflicts, []);
            assert.deepEqual((await figures(other)).length, 10);
            assert.deepEqual(await figures(other), (await figures(store)).filter((f) => !/\|(2022-April|2023-W01|2023-01)\|/.test(f)));
          });
        }
      }));

    test("the demo month as ADX: valid against the IHE schema, groups name the report's form, and its completion once issued", () =>
      database.withStore(async (store) => {
        assert.equal((await loadDemo({ store, demo: readDemoFiles() })).status, 'SUCCESS');
        // April 2022 loads issued: every division's group names the department's form and its completion.
        const issued = await exportValuesFile({ store, orgUnit: 'stttt-travinh', period: parsePeriod('2022-04'), children: true, format: 'adx', exported: '2026-12-02T00:00:00.000Z' });
        assert.ok(issued.ok && issued.count > 50);
        if (!issued.ok) return;
        assertValidAdx(issued.text);
        assert.match(issued.text, /<group orgUnit="stttt-bcvt" period="2022-04-01\/P1M" dataSet="stttt-monthly" completeDate="2022-04-15">/);
        // Not yet issued (returned to approval): the form, no completion.
        const report = await store.reports.find('stttt-travinh', '2022-04');
        assert.ok(report);
        await store.reports.updateState(report.id, report.version, { status: 'approved' });
        const draft = await exportValuesFile({ store, orgUnit: 'stttt-travinh', period: parsePeriod('2022-04'), children: true, format: 'adx', exported: '2026-12-02T00:00:00.000Z' });
        assert.ok(draft.ok);
        if (!draft.ok) return;
        assertValidAdx(draft.text);
        assert.match(draft.text, /<group orgUnit="stttt-bcvt" period="2022-04-01\/P1M" dataSet="stttt-monthly">/);
      }));
  });
}
