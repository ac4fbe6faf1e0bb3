// Fuzzing the values importers (issue 7 §4): whatever bytes arrive, reading a values
// file gives rows and conflicts (or a whole-file problem), never an exception.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { DataValue } from '../core/data-value.ts';
import { parsePeriod } from '../core/period.ts';
import { sampleCatalogue, SAMPLE_UNITS } from './testing/sample-store.ts';
import { parseValuesFile, readValuesFile, serializeValues, unreadableValuesFile } from './values-file.ts';
import { writeValuesForm } from './xlsx-form.ts';

const VALUES: DataValue[] = [
  { indicator: 'ioffice.docs_issued', orgUnit: 'stttt-travinh', period: '2022-04', disagg: '', value: 20601, comment: 'iOffice' },
  { indicator: 'dvc.dossiers', orgUnit: 'stttt-travinh', period: '2022-04', disagg: 'channel=online', value: 2312 },
];

/** Flips, drops or inserts bytes at random places. */
const mutation = fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 }), fc.constantFrom('flip', 'drop', 'insert')), { minLength: 1, maxLength: 8 });

function mutate(bytes: Uint8Array, edits: [number, number, string][]): Uint8Array {
  const out = Array.from(bytes);
  for (const [at, byte, kind] of edits) {
    const i = out.length === 0 ? 0 : at % out.length;
    if (kind === 'flip') out[i] = byte;
    else if (kind === 'drop') out.splice(i, 1);
    else out.splice(i, 0, byte);
  }
  return Uint8Array.from(out);
}

/** What a caller does with bytes: refuse unreadable files, else read them. */
async function readAsCallerWould(bytes: Uint8Array): Promise<void> {
  if (unreadableValuesFile(bytes) !== null) return;
  const parsed = await readValuesFile(bytes);
  assert.ok(Array.isArray(parsed.rows) && Array.isArray(parsed.conflicts));
}

describe('values importers under fuzzing', () => {
  it('any text parses to rows and conflicts, never throws', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (text) => {
      const parsed = parseValuesFile(text);
      assert.ok(Array.isArray(parsed.rows) && Array.isArray(parsed.conflicts));
    }), { numRuns: 500 });
  });

  for (const format of ['json', 'csv', 'adx'] as const) {
    it(`mutated ${format} files are read or refused, never throw`, async () => {
      const good = new TextEncoder().encode(serializeValues(VALUES, format));
      await fc.assert(fc.asyncProperty(mutation, async (edits) => readAsCallerWould(mutate(good, edits))), { numRuns: 200 });
    });
  }

  it('mutated and truncated XLSX forms are read or refused, never throw', async () => {
    const form = await writeValuesForm({ catalogue: sampleCatalogue(), period: parsePeriod('2022-04'), units: [SAMPLE_UNITS[0]!], values: VALUES, previousValues: [] });
    await fc.assert(fc.asyncProperty(mutation, fc.nat(), async (edits, cut) => {
      await readAsCallerWould(mutate(form, edits));
      await readAsCallerWould(form.subarray(0, cut % form.length));
    }), { numRuns: 60 });
  });
});
