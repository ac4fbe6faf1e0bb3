import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Catalogue, defineIndicator } from './indicator.ts';
import { OrgTree } from './org-unit.ts';
import { governingReport, indicatorsInLiquid, reportForm, storedInputs } from './reporting-units.ts';
import type { ReportTemplate, TemplateSection } from './report-template.ts';

const { catalogue } = Catalogue.build({
  disaggregations: [],
  indicators: [
    defineIndicator({ code: 'docs.issued', name: 'Văn bản phát hành', unit: 'văn bản', kind: 'flow' }),
    defineIndicator({ code: 'docs.signed', name: 'Văn bản ký số', unit: 'văn bản', kind: 'flow' }),
    defineIndicator({ code: 'docs.share', name: 'Tỷ lệ ký số', unit: '%', kind: 'derived', expression: '#{docs.signed} / #{docs.issued} * 100' }),
    defineIndicator({ code: 'population', name: 'Dân số', unit: 'người', kind: 'stock' }),
    defineIndicator({ code: 'alerts', name: 'Cảnh báo', unit: 'cảnh báo', kind: 'flow' }),
    defineIndicator({ code: 'posts', name: 'Tin bài', unit: 'tin', kind: 'flow' }),
  ],
});

const { tree } = OrgTree.build([
  { code: 'tinh', name: 'Tỉnh', parentCode: null },
  { code: 'so', name: 'Sở', parentCode: 'tinh' },
  { code: 'vp', name: 'Văn phòng', parentCode: 'so' },
  { code: 'bcvt', name: 'Phòng BCVT', parentCode: 'so' },
  { code: 'tt', name: 'Trung tâm', parentCode: 'so' },
  { code: 'huyen', name: 'Huyện', parentCode: 'tinh' },
]);

const section = (id: string, owner: string | null, liquid: string[], sections: TemplateSection[] = []): TemplateSection => ({
  id, number: id, title: `Mục ${id}`, level: 2, owner, blocks: liquid.map((text) => ({ type: 'text' as const, liquid: text })), sections,
});

const TEMPLATE: ReportTemplate = {
  code: 't', name: 'Mẫu', summary: '', closing: '',
  sections: [
    section('i', 'vp', [], [
      section('i.1', 'bcvt', ['Có {{ docs.issued | so }} văn bản, tỷ lệ {{ docs.share | phan_tram }}.']),
      // No owner: inherits the Văn phòng's.
      section('i.2', null, ['{% if posts == 0 %}Không có tin{% endif %}; {{ posts.thay_doi | tang_giam }}']),
      // A string literal that spells a code is not a reference.
      section('i.3', 'tt', ["{{ 'population' }} {{ bien.ngay }} population"]),
    ]),
  ],
  reportingUnits: { alerts: 'tt' },
};

test('indicatorsInLiquid: codes inside tags only, cut to the longest catalogue code', () => {
  const cases: [string, string[]][] = [
    ['{{ docs.issued | so }}', ['docs.issued']],
    ['{{ docs.issued.thay_doi | tang_giam }} và {{ docs.signed.truoc }}', ['docs.issued', 'docs.signed']],
    ["{% assign x = docs.issued | theo: 'population=1' %}{{ x }}", ['docs.issued']],
    ['population là {{ bien.population }}', []],
    ['{% if population > 0 %}có{% endif %}', ['population']],
  ];
  for (const [text, expected] of cases) assert.deepEqual(indicatorsInLiquid(text, catalogue), expected, text);
});

test('storedInputs: a derived indicator stands for the stored ones it is computed from', () => {
  assert.deepEqual(storedInputs('docs.share', catalogue).sort(), ['docs.issued', 'docs.signed']);
  assert.deepEqual(storedInputs('posts', catalogue), ['posts']);
  assert.deepEqual(storedInputs('unknown', catalogue), []);
});

test('reportForm: each stored indicator gets the owner of its section, or the unit the template names', () => {
  const form = reportForm({ template: TEMPLATE, catalogue, tree, reportUnit: 'so' });
  const table = Object.fromEntries([...form.assignments.values()].map((a) => [a.indicator, `${a.reportingUnit}@${a.section ?? '-'}`]));
  assert.deepEqual(table, {
    'docs.issued': 'bcvt@i.1', 'docs.signed': 'bcvt@i.1', posts: 'vp@i.2', alerts: 'tt@-',
  });
  assert.deepEqual(form.conflicts, []);
});

test('reportForm: owners outside the report unit count as the report unit itself (a district fills the form alone)', () => {
  const form = reportForm({ template: TEMPLATE, catalogue, tree, reportUnit: 'huyen' });
  assert.deepEqual([...new Set([...form.assignments.values()].map((a) => a.reportingUnit))], ['huyen']);
});

test('reportForm: one figure quoted in sections of two owners is a conflict unless the template decides', () => {
  const twice: ReportTemplate = { ...TEMPLATE, reportingUnits: null, sections: [section('a', 'bcvt', ['{{ docs.issued }}']), section('b', 'vp', ['{{ docs.share }}'])] };
  const form = reportForm({ template: twice, catalogue, tree, reportUnit: 'so' });
  assert.deepEqual(form.conflicts.map((c) => [c.indicator, c.units, c.sections]), [['docs.issued', ['bcvt', 'vp'], ['a', 'b']]]);
  const decided = reportForm({ template: { ...twice, reportingUnits: { 'docs.issued': 'vp' } }, catalogue, tree, reportUnit: 'so' });
  assert.deepEqual(decided.conflicts, []);
  assert.equal(decided.assignments.get('docs.issued')?.reportingUnit, 'vp');
});

test('governingReport: the nearest unit with a report of the period, else its latest earlier one of the same type', () => {
  const reports = [
    { orgUnit: 'so', period: '2022-03' }, { orgUnit: 'so', period: '2022-04' },
    { orgUnit: 'tinh', period: '2022-05' }, { orgUnit: 'so', period: '2022-Q1' },
  ];
  const cases: [string, string, string | undefined][] = [
    ['bcvt', '2022-04', 'so/2022-04'],
    ['so', '2022-04', 'so/2022-04'],
    // May: the province has a May report, nearer units none → the province's governs.
    ['bcvt', '2022-05', 'tinh/2022-05'],
    // June: nobody has one; the department's latest month lends its form.
    ['bcvt', '2022-06', 'so/2022-04'],
    ['bcvt', '2022-Q2', 'so/2022-Q1'],
    ['huyen', '2022-04', undefined],
    ['bcvt', '2022-02', undefined],
    ['khong-co', '2022-04', undefined],
  ];
  for (const [unit, period, expected] of cases) {
    const found = governingReport(reports, tree, unit, period);
    assert.equal(found ? `${found.orgUnit}/${found.period}` : undefined, expected, `${unit} ${period}`);
  }
});
