import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import assert from 'node:assert/strict';
import { parseMetadataFile, serializeMetadata } from './metadata-file.ts';

const SAMPLE = `
# comments are allowed
orgUnits:
  - { code: vinhlong, name: Tỉnh Vĩnh Long, parent: null, kind: province, opening: 2025-07-01 }
  - { code: travinh, name: Tỉnh Trà Vinh, parent: null, kind: province, opening: 1992-05-01, closing: 2025-07-01, successor: vinhlong }
  - { code: stttt-travinh, name: Sở Thông tin và Truyền thông, shortName: Sở TT&TT, parent: travinh, kind: department }
disaggregations:
  - code: channel
    name: Kênh
    options: [ { code: direct, name: Trực tiếp }, { code: online, name: Trực tuyến } ]
indicators:
  - code: ioffice.docs_issued
    name: Văn bản điện tử phát hành trên iOffice
    unit: văn bản
    kind: flow
    valueType: integer
  - code: ioffice.docs_signed
    name: Văn bản được ký số
    unit: văn bản
    kind: flow
    valueType: integer
    partOf: ioffice.docs_issued
  - code: ioffice.signed_share
    name: Tỷ lệ văn bản được ký số
    unit: '%'
    kind: derived
    valueType: percent
    expression: '#{ioffice.docs_signed} / #{ioffice.docs_issued} * 100'
  - code: qr.scans_total
    name: Tổng lượt quét QR
    unit: lượt
    kind: stock
    valueType: integer
validationRules:
  - { code: signed-le-issued, name: Ký số không vượt phát hành, left: '#{ioffice.docs_signed}', operator: less_than_or_equal_to, right: '#{ioffice.docs_issued}', severity: error, message: Số văn bản ký số vượt số phát hành. }
templates:
  - code: t1
    name: Mẫu thử
    summary: 'Kết quả {{ ky }}'
    closing: 'Trên đây là báo cáo.'
    sections:
      - id: i
        number: I
        title: CÔNG TÁC QUẢN LÝ NHÀ NƯỚC
        level: 1
        sections:
          - { id: i.1, number: 1, title: Tham mưu, level: 2, owner: stttt-vp, blocks: [ { type: items }, { type: documents, documentType: Công văn } ] }
`;

test('a valid YAML file parses with no problem, dates as strings and defaults from kind', () => {
  const { metadata, problems } = parseMetadataFile(SAMPLE, 'yaml');
  assert.deepEqual(problems, []);
  const travinh = metadata.orgUnits.find((u) => u.code === 'travinh');
  assert.equal(travinh?.openingDate, '1992-05-01');
  assert.equal(travinh?.closingDate, '2025-07-01');
  assert.equal(travinh?.successorCode, 'vinhlong');
  assert.equal(metadata.orgUnits.find((u) => u.code === 'stttt-travinh')?.parentCode, 'travinh');
  const byCode = new Map(metadata.indicators.map((i) => [i.code, i]));
  assert.deepEqual(byCode.get('ioffice.docs_issued')?.aggregation, { time: 'sum', org: 'sum' });
  assert.deepEqual(byCode.get('qr.scans_total')?.aggregation, { time: 'last', org: 'sum' });
  assert.equal(byCode.get('ioffice.docs_issued')?.decimals, 0);
  assert.equal(byCode.get('ioffice.signed_share')?.decimals, 2);
  assert.equal(byCode.get('ioffice.docs_signed')?.partOf, 'ioffice.docs_issued');
  assert.equal(metadata.validationRules[0]?.missing, 'SKIP_IF_ANY_VALUE_MISSING');
  // A section number written as a YAML number still reads as the printed text "1".
  assert.equal(metadata.templates?.[0]?.sections[0]?.sections[0]?.number, '1');
});

for (const format of ['yaml', 'json'] as const) {
  test(`export → import → export is identical (${format})`, () => {
    const first = serializeMetadata(parseMetadataFile(SAMPLE, 'yaml').metadata, format);
    const again = parseMetadataFile(first, format);
    assert.deepEqual(again.problems, []);
    assert.equal(serializeMetadata(again.metadata, format), first);
    // The same objects come back (lists are sorted by code on export).
    const original = parseMetadataFile(SAMPLE, 'yaml').metadata;
    const sorted = <T extends { code: string }>(list: readonly T[]): T[] => [...list].sort((a, b) => a.code.localeCompare(b.code));
    assert.deepEqual(sorted(again.metadata.orgUnits), sorted(original.orgUnits));
    assert.deepEqual(sorted(again.metadata.indicators), sorted(original.indicators));
    assert.deepEqual(again.metadata.templates, original.templates);
  });
}

test('the YAML export keeps dates unquoted-readable and sorted by code', () => {
  const text = serializeMetadata(parseMetadataFile(SAMPLE, 'yaml').metadata, 'yaml');
  assert.match(text, /opening: 1992-05-01/);
  assert.ok(text.indexOf('code: stttt-travinh') < text.indexOf('code: travinh'));
  assert.ok(text.indexOf('code: travinh') < text.indexOf('code: vinhlong'));
});

const BAD_CASES: { name: string; text: string; format: 'yaml' | 'json'; path: string; message: RegExp }[] = [
  { name: 'wrong kind', format: 'yaml', path: 'indicators[0].kind', message: /flow, stock, derived/,
    text: 'indicators:\n  - { code: a, name: A, unit: x, kind: flux }' },
  { name: 'unknown field', format: 'yaml', path: 'indicators[0]', message: /không được hỗ trợ: colour/,
    text: 'indicators:\n  - { code: a, name: A, unit: x, kind: flow, colour: red }' },
  { name: 'missing name', format: 'json', path: 'orgUnits[1].name', message: /Thiếu trường bắt buộc/,
    text: '{"orgUnits":[{"code":"a","name":"A","parent":null},{"code":"b","parent":"a"}]}' },
  { name: 'bad date', format: 'yaml', path: 'orgUnits[0].opening', message: /YYYY-MM-DD/,
    text: 'orgUnits:\n  - { code: a, name: A, parent: null, opening: 1/5/1992 }' },
  { name: 'derived without expression', format: 'yaml', path: 'indicators[0].expression', message: /biểu thức/,
    text: 'indicators:\n  - { code: a, name: A, unit: x, kind: derived }' },
  { name: 'duplicate code', format: 'yaml', path: 'disaggregations[1].code', message: /bị trùng/,
    text: 'disaggregations:\n  - { code: c, name: C, options: [ { code: x, name: X } ] }\n  - { code: c, name: D, options: [ { code: y, name: Y } ] }' },
  { name: 'unknown top-level section', format: 'yaml', path: 'indicatorz', message: /Mục không được hỗ trợ/,
    text: 'indicatorz: []' },
  { name: 'bad block type', format: 'yaml', path: 'templates[0].sections[0].blocks[0].type', message: /text, items|không hợp lệ|Không khớp/,
    text: 'templates:\n  - { code: t, name: T, summary: s, closing: c, sections: [ { id: a, number: I, title: A, level: 1, blocks: [ { type: chart } ] } ] }' },
  { name: 'a date that is not on the calendar', format: 'yaml', path: 'orgUnits[0].opening', message: /Ngày không có thật trên lịch/,
    text: 'orgUnits:\n  - { code: a, name: A, parent: null, opening: 2022-13-01 }' },
  { name: 'February 30th', format: 'json', path: 'orgUnits[0].closing', message: /Ngày không có thật trên lịch/,
    text: '{"orgUnits":[{"code":"a","name":"A","parent":null,"closing":"2023-02-29"}]}' },
  { name: 'YAML syntax error in Vietnamese only', format: 'yaml', path: '', message: /^YAML không hợp lệ tại dòng \d+, cột \d+: [^A-Z]*$/,
    text: 'orgUnits:\n  - { code: a, name: [\n' },
  { name: 'JSON syntax error', format: 'json', path: '', message: /JSON không hợp lệ/, text: '{"orgUnits": [' },
  { name: 'not an object', format: 'yaml', path: '', message: /phải là một đối tượng/, text: '- 1\n- 2' },
];

for (const c of BAD_CASES) {
  test(`bad input gives a Vietnamese problem with its path, not a throw: ${c.name}`, () => {
    const { problems } = parseMetadataFile(c.text, c.format);
    const problem = problems.find((p) => p.path === c.path);
    assert.ok(problem, `no problem at "${c.path}" in ${JSON.stringify(problems)}`);
    assert.match(problem.message, c.message);
  });
}

test('a bad entry does not hide the valid ones', () => {
  const { metadata, problems } = parseMetadataFile(
    'indicators:\n  - { code: a, name: A, unit: x, kind: flux }\n  - { code: b, name: B, unit: x, kind: flow }', 'yaml');
  assert.equal(problems.length, 1);
  assert.deepEqual(metadata.indicators.map((i) => i.code), ['b']);
});

test('DHIS2 identifiers, attribute dimensions, DHIS2 value types and option combinations round-trip', () => {
  const text = `
orgUnits:
  - { code: stttt, name: Sở TT&TT, parent: null, uid: OuStttt0001, dhis2Code: OU_STTTT }
disaggregations:
  - { code: channel, name: Kênh, uid: CatChannel1, options: [ { code: online, name: Trực tuyến, uid: CoOnline001, dhis2Code: ONLINE } ] }
  - { code: mechanism, name: Nguồn vốn, options: [ { code: state, name: Ngân sách } ] }
indicators:
  - { code: dvc.dossiers, name: Hồ sơ, unit: hồ sơ, kind: flow, valueType: INTEGER_ZERO_OR_POSITIVE, disaggregations: [channel], attributes: [mechanism], uid: DeDossier01 }
  - { code: note, name: Ghi chú, unit: '', kind: flow, valueType: TEXT }
optionCombos:
  - { uid: CocOnline01, code: COC_ONLINE, name: Trực tuyến, options: { channel: online } }
`;
  const parsed = parseMetadataFile(text, 'yaml');
  assert.deepEqual(parsed.problems, []);
  const [dossiers, note] = parsed.metadata.indicators;
  assert.deepEqual([dossiers?.uid, dossiers?.attributes, dossiers?.valueType, dossiers?.decimals], ['DeDossier01', ['mechanism'], 'INTEGER_ZERO_OR_POSITIVE', 0]);
  assert.deepEqual([note?.valueType, note?.decimals], ['TEXT', 2]);
  assert.deepEqual(parsed.metadata.orgUnits[0]?.dhis2Code, 'OU_STTTT');
  assert.deepEqual(parsed.metadata.optionCombos, [{ uid: 'CocOnline01', code: 'COC_ONLINE', name: 'Trực tuyến', options: { channel: 'online' } }]);
  const once = serializeMetadata(parsed.metadata, 'yaml');
  assert.equal(serializeMetadata(parseMetadataFile(once, 'yaml').metadata, 'yaml'), once);
  assert.match(once, /attributes:\n {6}- mechanism/);
  assert.match(parseMetadataFile(text.replace('INTEGER_ZERO_OR_POSITIVE', 'COORDINATE'), 'yaml').problems[0]?.message ?? '', /COORDINATE/);
});

test("a DHIS2 metadata export is read: org units, categories, option combinations, data elements (DHIS2's own test payload)", () => {
  const text = readFileSync(new URL('../../test/fixtures/dhis2/metadata/dhis2-core-metadata-import.json', import.meta.url), 'utf8');
  const parsed = parseMetadataFile(text, 'json');
  assert.deepEqual(parsed.problems, []);
  const { orgUnits, disaggregations, indicators, optionCombos } = parsed.metadata;
  assert.deepEqual(orgUnits.map((u) => [u.code, u.uid, u.name, u.openingDate]), [['OrgUnitUid1', 'OrgUnitUid1', 'test org 1', '2023-06-15']]);
  assert.deepEqual(disaggregations.map((d) => [d.code, d.name, d.options.map((o) => o.code)]), [['CategoUid01', 'cat 1', ['CatOptUid01', 'CatOptUid02']], ['CategoUid02', 'cat 2', ['CatOptUid03', 'CatOptUid04']]]);
  assert.deepEqual(indicators.map((i) => [i.code, i.valueType, i.kind, i.disaggregations]), [['DeUid000001', 'TEXT', 'flow', []]]);
  assert.deepEqual(optionCombos?.[0], { uid: 'CocUid00001', name: 'cat opt 1, cat opt 3', options: { CategoUid01: 'CatOptUid01', CategoUid02: 'CatOptUid03' } });
});

test('a DHIS2 export: codes become ours (the uid when a category code cannot name an XML attribute), data sets give attribute categories, the rest is named', () => {
  const parsed = parseMetadataFile(JSON.stringify({
    system: { version: '2.40' }, programs: [{ id: 'x' }],
    categoryOptions: [{ id: 'CoA00000001', code: 'A', name: 'A' }, { id: 'CoM00000001', code: 'PEPFAR', name: 'PEPFAR' }],
    categories: [{ id: 'CatSpace001', code: 'Age 15+', name: 'Age', categoryOptions: [{ id: 'CoA00000001' }] }, { id: 'CatMech0001', code: 'MECH', name: 'Mechanism', categoryOptions: [{ id: 'CoM00000001' }] }],
    categoryCombos: [{ id: 'CcAge000001', name: 'Age', categories: [{ id: 'CatSpace001' }] }, { id: 'CcMech00001', name: 'Mech', categories: [{ id: 'CatMech0001' }] }],
    dataElements: [{ id: 'DeA00000001', code: 'DE_A', name: 'A', valueType: 'INTEGER_ZERO_OR_POSITIVE', aggregationType: 'LAST', categoryCombo: { id: 'CcAge000001' } }],
    dataSets: [{ id: 'DsA00000001', name: 'Form', categoryCombo: { id: 'CcMech00001' }, dataSetElements: [{ dataElement: { id: 'DeA00000001' } }] }],
  }), 'json');
  assert.deepEqual(parsed.problems, []);
  assert.deepEqual(parsed.metadata.disaggregations.map((d) => [d.code, d.dhis2Code ?? null]), [['CatSpace001', 'Age 15+'], ['MECH', null]]);
  assert.deepEqual(parsed.metadata.indicators.map((i) => [i.code, i.kind, i.aggregation.time, i.disaggregations, i.attributes]), [['DE_A', 'stock', 'last', ['CatSpace001'], ['MECH']]]);
  assert.match(parsed.notices?.join(' ') ?? '', /programs/);
});
