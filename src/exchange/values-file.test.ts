import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseCsv, csvLine } from './csv.ts';
import { detectValuesFormat, parseValuesFile, serializeValues } from './values-file.ts';
import type { DataValue } from '../core/data-value.ts';

const HEADER = 'dataelement,period,orgunit,catoptcombo,attroptcombo,value,storedby,lastupdated,comment,followup';

describe('parseCsv', () => {
  const cases: { name: string; input: string; records: { line: number; fields: string[] }[] }[] = [
    { name: 'plain LF', input: 'a,b\n1,2\n', records: [{ line: 1, fields: ['a', 'b'] }, { line: 2, fields: ['1', '2'] }] },
    { name: 'CRLF and no final newline', input: 'a,b\r\n1,2', records: [{ line: 1, fields: ['a', 'b'] }, { line: 2, fields: ['1', '2'] }] },
    { name: 'BOM dropped', input: '\ufeffa,b\n', records: [{ line: 1, fields: ['a', 'b'] }] },
    { name: 'quoted comma, quote and newline', input: '"x,y","say ""hi""","two\nlines"\nnext,1,2\n', records: [{ line: 1, fields: ['x,y', 'say "hi"', 'two\nlines'] }, { line: 3, fields: ['next', '1', '2'] }] },
    { name: 'empty fields and trailing comma', input: 'a,,\n', records: [{ line: 1, fields: ['a', '', ''] }] },
    { name: 'blank lines skipped, line numbers kept', input: 'a\n\nb\n', records: [{ line: 1, fields: ['a'] }, { line: 3, fields: ['b'] }] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const result = parseCsv(c.input);
      assert.equal(result.ok, true);
      assert.deepEqual(result.records, c.records);
    });
  }
  const bad: { name: string; input: string; line: number }[] = [
    { name: 'unterminated quote', input: 'a,b\n1,"open\n', line: 2 },
    { name: 'stray quote inside a field', input: 'a,b\n1,2\n3,x"y\n', line: 3 },
    { name: 'text after closing quote', input: 'a,b\n"1"x,2\n', line: 2 },
  ];
  for (const c of bad) {
    it(`reports ${c.name} with its line`, () => {
      const result = parseCsv(c.input);
      assert.equal(result.ok, false);
      if (!result.ok) {
        assert.equal(result.line, c.line);
        assert.match(result.message, new RegExp(`dòng ${c.line}`));
      }
    });
  }
  it('writes what it reads', () => {
    const fields = ['plain', 'with,comma', 'with "quote"', 'multi\nline', ''];
    const parsed = parseCsv(csvLine(fields));
    assert.deepEqual(parsed.records[0]?.fields, fields);
  });
});

describe('detectValuesFormat', () => {
  const cases: [string, string, 'json' | 'csv'][] = [
    ['JSON object', '  \n{"dataValues":[]}', 'json'],
    ['JSON after BOM', '\ufeff{"dataValues":[]}', 'json'],
    ['CSV header', `${HEADER}\n`, 'csv'],
  ];
  for (const [name, input, format] of cases) it(name, () => assert.equal(detectValuesFormat(input), format));
});

describe('parseValuesFile: DHIS2 JSON', () => {
  it('applies top-level defaults and per-value overrides', () => {
    const parsed = parseValuesFile(JSON.stringify({
      dataSet: 'stttt-monthly', period: '202204', orgUnit: 'stttt-travinh', completeDate: '2022-04-15',
      dataValues: [
        { dataElement: 'ioffice.docs_issued', categoryOptionCombo: 'default', value: '20601', comment: '' },
        { dataElement: 'dvc.dossiers', categoryOptionCombo: 'channel=online', value: 2312, orgUnit: 'other', period: '2022-03', comment: 'ghi chú' },
        { dataElement: 'x', value: '1' },
      ],
    }));
    assert.equal(parsed.format, 'json');
    assert.equal(parsed.fatal, false);
    assert.deepEqual(parsed.conflicts, []);
    assert.deepEqual(parsed.rows, [
      { index: 1, indicator: 'ioffice.docs_issued', period: '202204', orgUnit: 'stttt-travinh', disagg: 'default', attr: '', value: '20601', comment: null, storedBy: null },
      { index: 2, indicator: 'dvc.dossiers', period: '2022-03', orgUnit: 'other', disagg: 'channel=online', attr: '', value: '2312', comment: 'ghi chú', storedBy: null },
      { index: 3, indicator: 'x', period: '202204', orgUnit: 'stttt-travinh', disagg: '', attr: '', value: '1', comment: null, storedBy: null },
    ]);
    // dataSet and completeDate are not kept, and the import says so.
    assert.match(parsed.notices?.[0] ?? '', /dataSet.*stttt-monthly.*completeDate/);
  });

  it('reads DHIS2\'s deletions, follow-up marks, attribute option combos and id schemes', () => {
    const parsed = parseValuesFile(JSON.stringify({
      orgUnit: 'u', period: '202204', attributeOptionCombo: 'aoc', dataElementIdScheme: 'code',
      dataValues: [
        { dataElement: 'a' }, { dataElement: 'b', value: '' }, { dataElement: 'c', value: null }, { dataElement: 'd', value: '5', deleted: true },
        { dataElement: 'e', value: '6', followup: true, attributeOptionCombo: 'other', created: '2012-01-01', lastUpdated: '2012-01-02', comment: null },
        { dataElement: 'f', value: ' text with spaces ', mystery: 1 },
      ],
    }));
    assert.deepEqual(parsed.conflicts, []);
    assert.deepEqual(parsed.rows.map((r) => [r.indicator, r.value, r.deleted ?? false, r.followup ?? false, r.attr]), [
      ['a', '', false, false, 'aoc'], ['b', '', false, false, 'aoc'], ['c', '', false, false, 'aoc'], ['d', '5', true, false, 'aoc'],
      ['e', '6', false, true, 'other'], ['f', ' text with spaces ', false, false, 'aoc'],
    ]);
    assert.deepEqual(parsed.idSchemes, { dataElementIdScheme: 'CODE' });
    assert.match(parsed.notices?.join(' ') ?? '', /mystery/);
  });

  const bad: { name: string; input: string; fatal: boolean; indexes: number[]; message: RegExp }[] = [
    { name: 'malformed JSON names line and column', input: '{\n  "dataValues": [\n    {"dataElement": "a",}\n  ]\n}', fatal: true, indexes: [], message: /JSON sai cú pháp ở dòng 3, cột \d+/ },
    { name: 'no dataValues array', input: '{"period":"202204"}', fatal: true, indexes: [], message: /"dataValues"/ },
    { name: 'a value that is not an object', input: '{"dataValues":[1]}', fatal: false, indexes: [1], message: /không phải là một đối tượng/ },
    { name: 'missing period with no default', input: '{"orgUnit":"u","dataValues":[{"dataElement":"a","value":"1"}]}', fatal: false, indexes: [1], message: /Thiếu kỳ báo cáo/ },
    { name: 'an id scheme baocao cannot follow', input: '{"idScheme":"attribute:abc","dataValues":[]}', fatal: true, indexes: [], message: /attribute/ },
  ];
  for (const c of bad) {
    it(c.name, () => {
      const parsed = parseValuesFile(c.input);
      assert.equal(parsed.fatal, c.fatal);
      assert.ok(parsed.conflicts.length >= 1);
      assert.deepEqual(parsed.conflicts[0]?.indexes, c.indexes);
      assert.match(parsed.conflicts[0]?.message ?? '', c.message);
    });
  }
});

describe('parseValuesFile: DHIS2 CSV', () => {
  it('reads columns by header name, in any order, with line numbers', () => {
    const parsed = parseValuesFile(`\ufeffvalue,orgunit,period,dataelement,catoptcombo,comment\r\n20601,stttt-travinh,202204,ioffice.docs_issued,default,\r\n"2312",stttt-travinh,2022-04,dvc.dossiers,channel=online,"có, dấu phẩy"\r\n`);
    assert.equal(parsed.format, 'csv');
    assert.deepEqual(parsed.conflicts, []);
    assert.deepEqual(parsed.rows, [
      { index: 2, indicator: 'ioffice.docs_issued', period: '202204', orgUnit: 'stttt-travinh', disagg: 'default', attr: '', value: '20601', comment: null, storedBy: null },
      { index: 3, indicator: 'dvc.dossiers', period: '2022-04', orgUnit: 'stttt-travinh', disagg: 'channel=online', attr: '', value: '2312', comment: 'có, dấu phẩy', storedBy: null },
    ]);
  });

  it('reads DHIS2\'s files by position: its header names in both spellings, a typo, or no header at all', () => {
    const row = '"f7n9E0hX8qk","201201","DiszpKrYNg8","bRowv6yZOF2","aoc","10001","john","2012-01-01","comment","true","false"';
    for (const header of [
      '"dataelement","period","orgunit","categoryoptioncombo","attributeoptioncombo","value","storedby","timestamp","comment","followup","deleted"\n',
      '"dataelement","period","orgunit","catoptcombo","attroptcombo","value","strby","lstupd","cmt"\n',
      '"dataelelement","period","orgunit","categoryoptioncombo","attributeoptioncombo","value","storedby","timestamp","comment","followup","deleted","pBOMPrpg1QX"\n',
      '',
    ]) {
      const parsed = parseValuesFile(`${header}${row}\n"Ix2HsbDMLea","201201","DiszpKrYNg8","","","","","","","",""\n`);
      assert.deepEqual(parsed.conflicts, [], header);
      assert.deepEqual(parsed.rows.map((r) => [r.indicator, r.disagg, r.attr, r.value, r.storedBy, r.comment, r.followup ?? false]), [
        ['f7n9E0hX8qk', 'bRowv6yZOF2', 'aoc', '10001', 'john', 'comment', true],
        ['Ix2HsbDMLea', '', '', '', null, null, false],
      ], header);
    }
  });

  const bad: { name: string; input: string; fatal: boolean; indexes: number[]; message: RegExp }[] = [
    { name: 'a header in another order without required columns', input: 'period,dataelement,x\n1,2,3\n', fatal: true, indexes: [1], message: /thiếu cột orgunit, value/ },
    { name: 'empty file', input: '', fatal: true, indexes: [], message: /trống/ },
    { name: 'unterminated quote', input: `${HEADER}\na,202204,u,default,,"1\n`, fatal: true, indexes: [2], message: /CSV sai cú pháp ở dòng 2/ },
    { name: 'row without org unit', input: `${HEADER}\na,202204,u,default,,1\nb,202204,,default,,2\n`, fatal: false, indexes: [3], message: /Thiếu mã đơn vị/ },
  ];
  for (const c of bad) {
    it(c.name, () => {
      const parsed = parseValuesFile(c.input);
      assert.equal(parsed.fatal, c.fatal);
      assert.deepEqual(parsed.conflicts[0]?.indexes, c.indexes);
      assert.match(parsed.conflicts[0]?.message ?? '', c.message);
    });
  }
});

describe('serializeValues', () => {
  const values: DataValue[] = [
    { indicator: 'ioffice.docs_issued', orgUnit: 'stttt-travinh', period: '2022-04', disagg: '', value: 20601 },
    { indicator: 'dvc.dossiers', orgUnit: 'stttt-travinh', period: '2022-04', disagg: 'channel=online', value: 2312, comment: 'a "quoted", comment' },
  ];
  for (const format of ['json', 'csv'] as const) {
    it(`${format} round-trips through the parser with DHIS2 periods`, () => {
      const text = serializeValues(values, format);
      assert.equal(detectValuesFormat(text), format);
      const parsed = parseValuesFile(text);
      assert.deepEqual(parsed.conflicts, []);
      assert.deepEqual(parsed.rows.map((r) => [r.indicator, r.period, r.orgUnit, r.disagg, r.value, r.comment]), [
        ['ioffice.docs_issued', '202204', 'stttt-travinh', 'default', '20601', null],
        ['dvc.dossiers', '202204', 'stttt-travinh', 'channel=online', '2312', 'a "quoted", comment'],
      ]);
    });
  }
  it('json puts the shared period and org unit at the top level', () => {
    const document = JSON.parse(serializeValues(values, 'json')) as Record<string, unknown>;
    assert.equal(document.period, '202204');
    assert.equal(document.orgUnit, 'stttt-travinh');
  });
});
