import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Aggregator, PAIRED_FILTER } from './aggregate.ts';
import { Catalogue, defineIndicator } from './indicator.ts';
import { OrgTree } from './org-unit.ts';
import type { OrgUnitInput } from './org-unit.ts';
import { parsePeriod } from './period.ts';
import type { DataValue } from './data-value.ts';

// tinh (province) → huyen (district) → xa-1, xa-2 (communes)
const { tree } = OrgTree.build([
  { code: 'tinh', name: 'Tỉnh Trà Vinh', parentCode: null },
  { code: 'huyen', name: 'Huyện Càng Long', parentCode: 'tinh' },
  { code: 'xa-1', name: 'Xã An Trường', parentCode: 'huyen' },
  { code: 'xa-2', name: 'Xã Tân An', parentCode: 'huyen' },
]);

const { catalogue } = Catalogue.build({
  disaggregations: [{ code: 'channel', name: 'Kênh', options: [{ code: 'direct', name: 'Trực tiếp' }, { code: 'online', name: 'Trực tuyến' }] }],
  indicators: [
    defineIndicator({ code: 'ioffice.docs_issued', name: 'Văn bản phát hành', unit: 'văn bản', kind: 'flow' }),
    defineIndicator({ code: 'ioffice.docs_signed', name: 'Văn bản ký số', unit: 'văn bản', kind: 'flow', partOf: 'ioffice.docs_issued' }),
    defineIndicator({ code: 'ioffice.signed_rate', name: 'Tỷ lệ ký số', unit: '%', kind: 'derived', expression: '#{ioffice.docs_signed} / #{ioffice.docs_issued} * 100' }),
    defineIndicator({ code: 'qr.scans_total', name: 'Tổng lượt quét', unit: 'lượt', kind: 'stock' }),
    defineIndicator({ code: 'dvc.dossiers', name: 'Hồ sơ', unit: 'hồ sơ', kind: 'flow', disaggregations: ['channel'] }),
    defineIndicator({ code: 'plan.docs', name: 'Kế hoạch văn bản', unit: 'văn bản', kind: 'flow' }),
    defineIndicator({ code: 'net.uptime', name: 'Tỷ lệ hoạt động', unit: '%', kind: 'flow', aggregation: { time: 'average', org: 'average' } }),
    defineIndicator({ code: 'loop', name: 'Vòng lặp', unit: '', kind: 'derived', expression: '#{loop} + 1' }),
  ],
});

const v = (indicator: string, orgUnit: string, period: string, value: number, disagg = ''): DataValue => ({ indicator, orgUnit, period, value, disagg });

const values: DataValue[] = [
  v('ioffice.docs_issued', 'xa-1', '2021-03', 70),
  v('ioffice.docs_issued', 'xa-1', '2022-01', 100),
  v('ioffice.docs_issued', 'xa-1', '2022-02', 80),
  v('ioffice.docs_issued', 'xa-1', '202203', 120), // DHIS2 period code
  v('ioffice.docs_issued', 'xa-2', '2022-01', 10),
  v('ioffice.docs_issued', 'xa-2', '2022-03', 20),
  v('ioffice.docs_issued', 'huyen', '2022-03', 5), // stored on the district itself
  v('ioffice.docs_signed', 'xa-1', '2022-01', 50),
  v('ioffice.docs_signed', 'xa-1', '2022-03', 108), // 90%
  v('ioffice.docs_signed', 'xa-2', '2022-03', 2), // 10%
  v('qr.scans_total', 'xa-1', '2022-01', 1000),
  v('qr.scans_total', 'xa-1', '2022-02', 1100),
  v('qr.scans_total', 'xa-1', '2022-03', 1250),
  v('qr.scans_total', 'xa-2', '2022-01', 50),
  v('qr.scans_total', 'xa-2', '2022-02', 70), // nothing in March
  v('dvc.dossiers', 'xa-1', '2022-03', 50), // stored total disagrees with its parts (45)
  v('dvc.dossiers', 'xa-1', '2022-03', 20, 'channel=direct'),
  v('dvc.dossiers', 'xa-1', '2022-03', 25, 'channel=online'),
  v('dvc.dossiers', 'xa-2', '2022-03', 5, 'channel=direct'), // parts only
  v('dvc.dossiers', 'xa-2', '2022-03', 10, 'channel=online'),
  v('plan.docs', 'xa-1', '2022', 5000), // a yearly value
  v('plan.docs', 'xa-1', '2022-01', 1),
  v('net.uptime', 'xa-1', '2022-03', 99),
  v('net.uptime', 'xa-2', '2022-03', 95),
  v('net.uptime', 'xa-2', '2022-02', 91),
];

const agg = new Aggregator({ catalogue, tree, values });
const P = parsePeriod;

describe('Aggregator.value', () => {
  const cases: { what: string; indicator: string; filter?: Record<string, string>; period: string; orgUnit: string; expected: number | null }[] = [
    { what: 'a commune month as stored (DHIS2 code normalised)', indicator: 'ioffice.docs_issued', period: '2022-03', orgUnit: 'xa-1', expected: 120 },
    { what: 'district month: its own value plus both communes', indicator: 'ioffice.docs_issued', period: '2022-03', orgUnit: 'huyen', expected: 145 },
    { what: 'province = its subtree', indicator: 'ioffice.docs_issued', period: '2022-03', orgUnit: 'tinh', expected: 145 },
    { what: 'flow over a quarter sums the months', indicator: 'ioffice.docs_issued', period: '2022-Q1', orgUnit: 'xa-1', expected: 300 },
    { what: 'flow over a quarter at the district', indicator: 'ioffice.docs_issued', period: '2022-Q1', orgUnit: 'huyen', expected: 335 },
    { what: 'flow over the year', indicator: 'ioffice.docs_issued', period: '2022', orgUnit: 'tinh', expected: 335 },
    { what: 'stock over a quarter takes the last month', indicator: 'qr.scans_total', period: '2022-Q1', orgUnit: 'xa-1', expected: 1250 },
    { what: 'stock at the district: each commune’s last available month, summed', indicator: 'qr.scans_total', period: '2022-Q1', orgUnit: 'huyen', expected: 1320 },
    { what: 'stock in a month with no value', indicator: 'qr.scans_total', period: '2022-03', orgUnit: 'xa-2', expected: null },
    { what: 'a yearly value is used for the year', indicator: 'plan.docs', period: '2022', orgUnit: 'xa-1', expected: 5000 },
    { what: 'average over time and org', indicator: 'net.uptime', period: '2022-Q1', orgUnit: 'huyen', expected: (99 + 93) / 2 },
    { what: 'average over org in a month', indicator: 'net.uptime', period: '2022-03', orgUnit: 'huyen', expected: 97 },
    { what: 'total: stored total where present, else the parts', indicator: 'dvc.dossiers', period: '2022-03', orgUnit: 'huyen', expected: 50 + 15 },
    { what: 'one option across units', indicator: 'dvc.dossiers', filter: { channel: 'online' }, period: '2022-03', orgUnit: 'huyen', expected: 35 },
    { what: 'sum of parts ignores the stored total', indicator: 'dvc.dossiers', filter: { channel: '*' }, period: '2022-03', orgUnit: 'huyen', expected: 60 },
    { what: 'paired cells only: the stored total', indicator: 'dvc.dossiers', filter: { [PAIRED_FILTER]: 'channel' }, period: '2022-03', orgUnit: 'huyen', expected: 50 },
    { what: 'paired cells only: the parts', indicator: 'dvc.dossiers', filter: { channel: '*', [PAIRED_FILTER]: 'channel' }, period: '2022-03', orgUnit: 'huyen', expected: 45 },
    { what: 'paired cells: none at a unit with parts only', indicator: 'dvc.dossiers', filter: { [PAIRED_FILTER]: 'channel' }, period: '2022-03', orgUnit: 'xa-2', expected: null },
    { what: 'an option nobody stored', indicator: 'dvc.dossiers', filter: { channel: 'post' }, period: '2022-03', orgUnit: 'huyen', expected: null },
    { what: 'unknown indicator', indicator: 'nope', period: '2022-03', orgUnit: 'huyen', expected: null },
    { what: 'unit outside the tree, nothing stored', indicator: 'ioffice.docs_issued', period: '2022-03', orgUnit: 'khac', expected: null },
    { what: 'a derived indicator that refers to itself', indicator: 'loop', period: '2022-03', orgUnit: 'huyen', expected: null },
  ];
  for (const { what, indicator, filter = {}, period, orgUnit, expected } of cases) {
    it(what, () => assert.equal(agg.value({ indicator, filter }, P(period), orgUnit), expected));
  }

  it('computes a derived ratio from aggregated sums, not as an average of ratios', () => {
    const rate = agg.value({ indicator: 'ioffice.signed_rate', filter: {} }, P('2022-03'), 'huyen');
    const ofSums = (108 + 2) / (120 + 20 + 5) * 100;
    const averageOfRatios = (90 + 10) / 2;
    assert.equal(rate, ofSums);
    assert.notEqual(Math.round(ofSums), Math.round(averageOfRatios));
  });

  it('computes a derived ratio over a quarter from the quarter sums', () => {
    assert.equal(agg.value({ indicator: 'ioffice.signed_rate', filter: {} }, P('2022-Q1'), 'xa-1'), 158 / 300 * 100);
  });
});

describe('Aggregator.explain', () => {
  it('lists the aggregated parts of a derived indicator', () => {
    const explanation = agg.explain('ioffice.signed_rate', P('2022-03'), 'huyen');
    assert.equal(explanation.value, 110 / 145 * 100);
    assert.deepEqual(explanation.parts, [
      { indicator: 'ioffice.docs_signed', filter: {}, period: '2022-03', value: 110 },
      { indicator: 'ioffice.docs_issued', filter: {}, period: '2022-03', value: 145 },
    ]);
  });

  it('breaks a stored indicator down by its options', () => {
    const explanation = agg.explain('dvc.dossiers', P('2022-03'), 'huyen');
    assert.equal(explanation.value, 65);
    assert.deepEqual(explanation.parts.map((part) => [part.filter, part.value]), [[{ channel: 'direct' }, 25], [{ channel: 'online' }, 35]]);
  });
});

describe('Aggregator.change and yearToDate', () => {
  const changes: { what: string; indicator: string; period: string; orgUnit: string; offset?: number; expected: { current: number | null; previous: number | null; delta: number | null } }[] = [
    { what: 'month over month', indicator: 'ioffice.docs_issued', period: '2022-03', orgUnit: 'xa-1', expected: { current: 120, previous: 80, delta: 40 } },
    { what: 'same month last year', indicator: 'ioffice.docs_issued', period: '2022-03', orgUnit: 'xa-1', offset: -12, expected: { current: 120, previous: 70, delta: 50 } },
    { what: 'a stock growing at the district', indicator: 'qr.scans_total', period: '2022-02', orgUnit: 'huyen', expected: { current: 1170, previous: 1050, delta: 120 } },
    { what: 'no previous value', indicator: 'ioffice.docs_issued', period: '2022-01', orgUnit: 'xa-2', expected: { current: 10, previous: null, delta: null } },
  ];
  for (const { what, indicator, period, orgUnit, offset, expected } of changes) {
    it(`change: ${what}`, () => assert.deepEqual(agg.change(indicator, P(period), orgUnit, offset), expected));
  }

  const ytd: { what: string; indicator: string; period: string; orgUnit: string; expected: number | null }[] = [
    { what: 'a flow cumulates from January', indicator: 'ioffice.docs_issued', period: '2022-03', orgUnit: 'xa-1', expected: 300 },
    { what: 'a flow at the district', indicator: 'ioffice.docs_issued', period: '2022-02', orgUnit: 'huyen', expected: 190 },
    { what: 'a stock takes the last value', indicator: 'qr.scans_total', period: '2022-02', orgUnit: 'xa-1', expected: 1100 },
    { what: 'a stock at the district in March', indicator: 'qr.scans_total', period: '2022-03', orgUnit: 'huyen', expected: 1320 },
    { what: 'a derived ratio of the cumulated sums', indicator: 'ioffice.signed_rate', period: '2022-03', orgUnit: 'xa-1', expected: 158 / 300 * 100 },
    { what: 'a quarter runs from Q1', indicator: 'ioffice.docs_issued', period: '2022-Q2', orgUnit: 'xa-1', expected: 300 },
  ];
  for (const { what, indicator, period, orgUnit, expected } of ytd) {
    it(`yearToDate: ${what}`, () => assert.equal(agg.yearToDate(indicator, P(period), orgUnit), expected));
  }
});

describe('Aggregator at scale', () => {
  it('indexes 100k values and sums a province over a year quickly', () => {
    const units: OrgUnitInput[] = [{ code: 'root', name: 'Tỉnh', parentCode: null }];
    for (let i = 0; i < 1000; i += 1) units.push({ code: `xa-${i}`, name: `Xã ${i}`, parentCode: 'root' });
    const big = OrgTree.build(units).tree;
    const many: DataValue[] = [];
    for (let i = 0; i < 1000; i += 1) {
      for (let month = 1; month <= 12; month += 1) {
        for (const channel of ['direct', 'online']) {
          for (const indicator of ['dvc.dossiers', 'ioffice.docs_issued', 'qr.scans_total', 'net.uptime']) {
            if (indicator !== 'dvc.dossiers' && channel === 'online') continue;
            many.push(v(indicator, `xa-${i}`, `2022-${String(month).padStart(2, '0')}`, 1, indicator === 'dvc.dossiers' ? `channel=${channel}` : ''));
          }
        }
      }
    }
    assert.ok(many.length >= 60_000);
    const started = performance.now();
    const large = new Aggregator({ catalogue, tree: big, values: [...many, ...many.slice(0, 40_000)] });
    assert.equal(large.value({ indicator: 'dvc.dossiers', filter: {} }, P('2022'), 'root'), 24_000);
    assert.equal(large.value({ indicator: 'dvc.dossiers', filter: { channel: 'online' } }, P('2022'), 'root'), 12_000);
    assert.equal(large.value({ indicator: 'qr.scans_total', filter: {} }, P('2022'), 'root'), 1000);
    assert.ok(performance.now() - started < 5000, 'should take well under a few seconds');
  });
});

describe('every period type aggregates into longer periods', () => {
  const { catalogue: periodCatalogue } = Catalogue.build({
    disaggregations: [{ code: 'mechanism', name: 'Nguồn vốn', options: [{ code: 'pepfar', name: 'PEPFAR' }, { code: 'state', name: 'Ngân sách' }] }],
    indicators: [
      defineIndicator({ code: 'cases', name: 'Ca bệnh', unit: 'ca', kind: 'flow', attributes: ['mechanism'] }),
      defineIndicator({ code: 'beds', name: 'Giường', unit: 'giường', kind: 'stock' }),
    ],
  });
  const at = (values: DataValue[]) => new Aggregator({ catalogue: periodCatalogue, tree, values });
  const cases = (period: string, value: number, attr = ''): DataValue => ({ indicator: 'cases', orgUnit: 'xa-1', period, value, disagg: '', attr });
  const total = (aggregator: Aggregator, period: string, filter: Record<string, string> = {}) => aggregator.value({ indicator: 'cases', filter }, parsePeriod(period), 'xa-1');

  it('quarters add up to their year and halves, when no months are stored', () => {
    const aggregator = at([cases('2022-Q1', 10), cases('2022-Q2', 20), cases('2022-Q3', 30), cases('2022-Q4', 40)]);
    assert.equal(total(aggregator, '2022'), 100);
    assert.equal(total(aggregator, '2022-H2'), 70);
    assert.equal(total(aggregator, '2022-04'), null);
  });

  it('a stored quarter and the months of the other quarters are combined without counting twice', () => {
    const aggregator = at([cases('2022-Q1', 10), cases('2022-01', 999), cases('2022-04', 1), cases('2022-05', 2), cases('2022-06', 3)]);
    assert.equal(total(aggregator, '2022-H1'), 16);
  });

  it('weeks count towards the month holding most of their days; days towards their week and month', () => {
    // 2022W5 (31 Jan - 6 Feb) is February's; 2022W9 (28 Feb - 6 Mar) is March's.
    const weekly = at([cases('2022W4', 1), cases('2022W5', 2), cases('2022W6', 4), cases('2022W9', 8)]);
    assert.equal(total(weekly, '2022-01'), 1);
    assert.equal(total(weekly, '2022-02'), 6);
    assert.equal(total(weekly, '2022-03'), 8);
    assert.equal(total(weekly, '2022-Q1'), 15);
    const daily = at([cases('2022-02-01', 1), cases('2022-02-02', 2), cases('2022-02-28', 4), cases('2022-03-01', 8)]);
    assert.equal(total(daily, '2022W5'), 3);
    assert.equal(total(daily, '2022-02'), 7);
    assert.equal(total(daily, '202201B'), 7);
    assert.equal(total(daily, '2022'), 15);
  });

  it('bi-months, April halves and financial years count towards what contains them', () => {
    const aggregator = at([cases('202201B', 1), cases('202203B', 2), cases('202205B', 4), cases('2022AprilS2', 100)]);
    assert.equal(total(aggregator, '2022-H1'), 7);
    // March-April straddles two quarters: only January-February counts towards Q1.
    assert.equal(total(aggregator, '2022-Q1'), 1);
    const financial = at([cases('2022-04', 1), cases('2022-12', 2), cases('2023-03', 4), cases('2023-04', 8)]);
    assert.equal(total(financial, '2022April'), 7);
    assert.equal(total(financial, '2022AprilS2'), 6);
  });

  it('a stock takes the last stored value in date order, whatever the period type', () => {
    const aggregator = at([
      { indicator: 'beds', orgUnit: 'xa-1', period: '2022W1', value: 10, disagg: '' },
      { indicator: 'beds', orgUnit: 'xa-1', period: '2022W3', value: 12, disagg: '' },
      { indicator: 'beds', orgUnit: 'xa-1', period: '2022W2', value: 11, disagg: '' },
    ]);
    assert.equal(aggregator.value({ indicator: 'beds', filter: {} }, parsePeriod('2022-01'), 'xa-1'), 12);
  });

  it('attribute options are stored apart, summed by default and picked by a filter', () => {
    const aggregator = at([cases('2022-01', 10, 'mechanism=pepfar'), cases('2022-01', 20, 'mechanism=state'), cases('2022-02', 5, 'mechanism=pepfar')]);
    assert.equal(total(aggregator, '2022-01'), 30);
    assert.equal(total(aggregator, '2022-01', { mechanism: 'pepfar' }), 10);
    assert.equal(total(aggregator, '2022-Q1', { mechanism: 'pepfar' }), 15);
    assert.equal(total(aggregator, '2022-Q1'), 35);
    const explained = aggregator.explain('cases', parsePeriod('2022-01'), 'xa-1');
    assert.deepEqual(explained.parts.map((part) => [part.filter, part.value]), [[{ mechanism: 'pepfar' }, 10], [{ mechanism: 'state' }, 20]]);
  });
});
