import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import type { DataValue } from '../core/data-value.ts';
import { formatPeriod, parsePeriod } from '../core/period.ts';
import { adxPeriod, parseAdx, parseAdxPeriod, serializeAdx } from './adx.ts';
import { detectValuesFormat, readValuesFile, serializeValues } from './values-file.ts';

const FIXTURE = readFileSync(new URL('../../test/fixtures/exchange/dhis2-shaped.adx.xml', import.meta.url), 'utf8');

describe('ADX periods (ISO 8601 start/duration)', () => {
  const both: [string, string][] = [
    ['2022-04', '2022-04-01/P1M'],
    ['2022-Q2', '2022-04-01/P3M'],
    ['2022-H2', '2022-07-01/P6M'],
    ['2022', '2022-01-01/P1Y'],
  ];
  for (const [code, adx] of both) {
    it(`${code} ↔ ${adx}`, () => {
      assert.equal(adxPeriod(parsePeriod(code)), adx);
      const back = parseAdxPeriod(adx);
      assert.ok(back.ok);
      if (back.ok) assert.equal(formatPeriod(back.period), code);
    });
  }
  it('reads P12M as a year', () => {
    const read = parseAdxPeriod('2021-01-01/P12M');
    assert.ok(read.ok && formatPeriod(read.period) === '2021');
  });
  for (const bad of ['2022-04-02/P1M', '2022-02-01/P3M', '2022-04-01/P2M', '202204', '2022-04-01', '2022-03-01/P6M']) {
    it(`refuses ${bad}`, () => assert.equal(parseAdxPeriod(bad).ok, false));
  }
});

describe('parseAdx', () => {
  it('reads a file shaped like the DHIS2 documentation example', () => {
    const parsed = parseAdx(FIXTURE);
    assert.equal(parsed.format, 'adx');
    assert.equal(parsed.fatal, false);
    assert.deepEqual(parsed.conflicts, []);
    assert.deepEqual(parsed.rows.map((r) => [r.index, r.indicator, r.orgUnit, r.period, r.disagg, r.value, r.comment]), [
      [1, 'ioffice.docs_issued', 'stttt-travinh', '2022-04', '', '20601', null],
      [2, 'dvc.dossiers', 'stttt-travinh', '2022-04', 'channel=online;service_level=l4', '2217', null],
      [3, 'dvc.dossiers', 'stttt-travinh', '2022-04', 'channel=direct', '20655', 'Số liệu "trực tiếp" từ Cổng DVC & một cửa'],
      [4, 'attt.alerts', 'stttt-travinh', '2022-Q1', '', '12', null],
    ]);
    assert.match(parsed.places?.get(3) ?? '', /^Nhóm 1 \(dòng 7\), dataValue 3 \(dòng 10\)$/);
  });

  const bad: { name: string; input: string; fatal: boolean; message: RegExp; indexes?: number[] }[] = [
    { name: 'a DOCTYPE (entity expansion)', input: '<?xml version="1.0"?><!DOCTYPE adx [<!ENTITY a "aaaa">]><adx/>', fatal: true, message: /DOCTYPE\/ENTITY/ },
    { name: 'broken XML, with line and column', input: '<adx xmlns="urn:ihe:qrph:adx:2015">\n  <group orgUnit="u" period="2022-04-01/P1M">\n</adx>', fatal: true, message: /không khớp.*dòng 3, cột/ },
    { name: 'an unknown entity', input: '<adx><group orgUnit="&nbsp;" period="2022-04-01/P1M"/></adx>', fatal: true, message: /&nbsp;/ },
    { name: 'another root element', input: '<dataValueSet/>', fatal: true, message: /phải là <adx>/ },
    { name: 'a foreign namespace', input: '<adx xmlns="urn:other"><group/></adx>', fatal: true, message: /không gian tên/ },
    { name: 'no group', input: '<adx xmlns="urn:ihe:qrph:adx:2015"></adx>', fatal: true, message: /không có nhóm/ },
    { name: 'a group without orgUnit', input: '<adx><group period="2022-04-01/P1M"><dataValue dataElement="a" value="1"/></group></adx>', fatal: false, message: /^Nhóm 1 \(dòng 1\): thiếu thuộc tính orgUnit/, indexes: [1] },
    { name: 'a group with a bad period', input: '<adx><group orgUnit="u" period="2022-04-15/P1M"><dataValue dataElement="a" value="1"/><dataValue dataElement="b" value="2"/></group></adx>', fatal: false, message: /Kỳ ADX "2022-04-15\/P1M" không hợp lệ/, indexes: [1, 2] },
    { name: 'an attribute option combo on the group', input: '<adx><group orgUnit="u" period="2022-04-01/P1M" FUNDING="x"><dataValue dataElement="a" value="1"/></group></adx>', fatal: false, message: /"FUNDING".*chưa được hỗ trợ/, indexes: [1] },
    { name: 'a dataValue without value', input: '<adx><group orgUnit="u" period="2022-04-01/P1M"><dataValue dataElement="a" value="1"/>\n<dataValue dataElement="b"/></group></adx>', fatal: false, message: /^Nhóm 1 \(dòng 1\), dataValue 2 \(dòng 2\): thiếu thuộc tính value/, indexes: [2] },
    { name: 'an element ADX does not define', input: '<adx><group orgUnit="u" period="2022-04-01/P1M"><value dataElement="a">1</value></group></adx>', fatal: false, message: /<value> ở dòng 1 không thuộc định dạng ADX/, indexes: [] },
  ];
  for (const c of bad) {
    it(`reports ${c.name}`, () => {
      const parsed = parseAdx(c.input);
      assert.equal(parsed.fatal, c.fatal);
      assert.equal(parsed.conflicts.length, 1);
      assert.match(parsed.conflicts[0]?.message ?? '', c.message);
      if (c.indexes) assert.deepEqual(parsed.conflicts[0]?.indexes, c.indexes);
    });
  }

  it('never throws, whatever the text (fuzz)', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('<', '>', '/', '"', "'", '=', '&', ';', '!', '-', '?', 'a', 'adx', 'group', ' ', '\n', '#', 'x', '1') , maxLength: 80 }), (text) => {
      const parsed = parseAdx(text);
      assert.ok(parsed.fatal || parsed.conflicts.length > 0 || parsed.rows.length >= 0);
    }), { numRuns: 500 });
  });
});

/** Characters XML 1.0 can carry (tab, line breaks, and from space on, minus lone surrogates and U+FFFE/F). */
function xmlChar(c: string): boolean {
  const code = c.codePointAt(0) ?? 0;
  return code === 9 || code === 10 || code === 13 || (code >= 0x20 && !(code >= 0xd800 && code <= 0xdfff) && code !== 0xfffe && code !== 0xffff);
}

describe('serializeAdx', () => {
  const values: DataValue[] = [
    { indicator: 'ioffice.docs_issued', orgUnit: 'stttt-travinh', period: '2022-04', disagg: '', value: 20601 },
    { indicator: 'dvc.dossiers', orgUnit: 'stttt-travinh', period: '2022-04', disagg: 'channel=online;service_level=l4', value: 2217, comment: 'a <b> & "c"\nd' },
    { indicator: 'attt.alerts', orgUnit: 'stttt-vp', period: '2022-Q2', disagg: '', value: 1.5 },
  ];

  it('writes one group per unit and period, disaggregations as attributes', () => {
    const text = serializeAdx(values, { exported: '2022-04-15T08:00:00Z', dataSet: 'stttt-monthly' });
    assert.match(text, /<adx xmlns="urn:ihe:qrph:adx:2015" exported="2022-04-15T08:00:00Z">/);
    assert.match(text, /<group orgUnit="stttt-travinh" period="2022-04-01\/P1M" dataSet="stttt-monthly">/);
    assert.match(text, /<group orgUnit="stttt-vp" period="2022-04-01\/P3M"/);
    assert.match(text, /<dataValue dataElement="dvc.dossiers" channel="online" service_level="l4" value="2217">/);
  });

  it('round-trips through the reader, comments included', () => {
    const parsed = parseAdx(serializeValues(values, 'adx'));
    assert.deepEqual(parsed.conflicts, []);
    assert.deepEqual(parsed.rows.map((r) => [r.indicator, r.orgUnit, r.period, r.disagg, Number(r.value), r.comment ?? undefined]),
      values.map((v) => [v.indicator, v.orgUnit, v.period, v.disagg, v.value, v.comment ?? undefined]));
  });

  it('round-trips any comment and value (property)', () => {
    fc.assert(fc.property(fc.string({ maxLength: 40 }), fc.double({ noNaN: true, noDefaultInfinity: true }), (comment, value) => {
      // XML cannot carry most control characters; a comment is trimmed on reading.
      const clean = [...comment].filter(xmlChar).join('').trim();
      const parsed = parseAdx(serializeAdx([{ indicator: 'x', orgUnit: 'u', period: '2022-04', disagg: '', value, comment: clean }]));
      assert.equal(Number(parsed.rows[0]?.value), value === 0 ? 0 : value);
      assert.equal(parsed.rows[0]?.comment ?? '', clean);
    }), { numRuns: 300 });
  });
});

describe('format detection by content', () => {
  it('a .txt file holding ADX is read as ADX', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'baocao-adx-'));
    try {
      const file = path.join(dir, 'so-lieu.txt');
      writeFileSync(file, FIXTURE);
      assert.equal(detectValuesFormat(FIXTURE), 'adx');
      const parsed = await readValuesFile(new Uint8Array(readFileSync(file)));
      assert.equal(parsed.format, 'adx');
      assert.equal(parsed.rows.length, 4);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
