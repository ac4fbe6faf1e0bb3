import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { impliedRules, runValidation } from './validate.ts';
import type { RuleOperator, ValidationRule } from './validate.ts';
import { Aggregator } from './aggregate.ts';
import { Catalogue, defineIndicator } from './indicator.ts';
import { OrgTree } from './org-unit.ts';
import { parsePeriod } from './period.ts';
import type { DataValue } from './data-value.ts';
import type { MissingValueStrategy } from './expression/index.ts';

const { tree } = OrgTree.build([
  { code: 'huyen', name: 'Huyện Càng Long', parentCode: null },
  { code: 'xa-1', name: 'Xã An Trường', parentCode: 'huyen' },
  { code: 'xa-2', name: 'Xã Tân An', parentCode: 'huyen' },
]);

const { catalogue } = Catalogue.build({
  disaggregations: [{ code: 'channel', name: 'Kênh', options: [{ code: 'direct', name: 'Trực tiếp' }, { code: 'online', name: 'Trực tuyến' }] }],
  indicators: [
    defineIndicator({ code: 'ioffice.docs_issued', name: 'Văn bản điện tử phát hành', unit: 'văn bản', kind: 'flow' }),
    defineIndicator({ code: 'ioffice.docs_signed', name: 'Văn bản ký số', unit: 'văn bản', kind: 'flow', partOf: 'ioffice.docs_issued' }),
    defineIndicator({ code: 'dvc.dossiers', name: 'Hồ sơ tiếp nhận', unit: 'hồ sơ', kind: 'flow', disaggregations: ['channel'] }),
    defineIndicator({ code: 'qr.scans', name: 'Lượt quét mã QR', unit: 'lượt', kind: 'flow' }),
    defineIndicator({ code: 'qr.scans_total', name: 'Tổng lượt quét mã QR', unit: 'lượt', kind: 'stock', accumulates: 'qr.scans' }),
    defineIndicator({ code: 'ioffice.signed_rate', name: 'Tỷ lệ ký số', unit: '%', kind: 'derived', expression: '#{ioffice.docs_signed} / #{ioffice.docs_issued}' }),
  ],
});

const v = (indicator: string, orgUnit: string, period: string, value: number, disagg = ''): DataValue => ({ indicator, orgUnit, period, value, disagg });

const values: DataValue[] = [
  v('ioffice.docs_issued', 'xa-1', '2022-04', 20601),
  v('ioffice.docs_signed', 'xa-1', '2022-04', 15904),
  v('ioffice.docs_issued', 'xa-2', '2022-04', 100),
  v('ioffice.docs_signed', 'xa-2', '2022-04', 120), // more signed than issued
  // xa-1: stored total 2.400 but parts 1.000 + 1.390 = 2.390
  v('dvc.dossiers', 'xa-1', '2022-04', 2400),
  v('dvc.dossiers', 'xa-1', '2022-04', 1000, 'channel=direct'),
  v('dvc.dossiers', 'xa-1', '2022-04', 1390, 'channel=online'),
  // xa-2: parts only, and a consistent total in March
  v('dvc.dossiers', 'xa-2', '2022-04', 5, 'channel=direct'),
  v('dvc.dossiers', 'xa-2', '2022-03', 7),
  v('dvc.dossiers', 'xa-2', '2022-03', 3, 'channel=direct'),
  v('dvc.dossiers', 'xa-2', '2022-03', 4, 'channel=online'),
  // xa-1: 2.392 in March + 13 in April should be 2.405, 2.400 was entered
  v('qr.scans_total', 'xa-1', '2022-03', 2392),
  v('qr.scans', 'xa-1', '2022-04', 13),
  v('qr.scans_total', 'xa-1', '2022-04', 2400),
  // xa-2 continues correctly
  v('qr.scans_total', 'xa-2', '2022-03', 100),
  v('qr.scans', 'xa-2', '2022-04', 5),
  v('qr.scans_total', 'xa-2', '2022-04', 105),
];

const source = new Aggregator({ catalogue, tree, values });
const APRIL = parsePeriod('2022-04');

function rule(left: string, operator: RuleOperator, right: string, missing?: MissingValueStrategy): ValidationRule {
  return { code: 'r1', name: 'Quy tắc thử', left, operator, right, severity: 'warning', message: 'Số liệu không khớp.', missing };
}

function findings(rules: ValidationRule[], orgUnit = 'xa-1', period = APRIL) {
  return runValidation({ rules, source, orgUnit, period });
}

describe('runValidation: operators', () => {
  // xa-1 April: issued 20.601, signed 15.904
  const cases: [RuleOperator, string, string, boolean][] = [
    ['equal_to', '#{ioffice.docs_issued}', '20601', false],
    ['equal_to', '#{ioffice.docs_issued}', '20600', true],
    ['equal_to', '0.1 + 0.2', '0.3', false],
    ['not_equal_to', '#{ioffice.docs_issued}', '20601', true],
    ['not_equal_to', '#{ioffice.docs_issued}', '1', false],
    ['greater_than', '#{ioffice.docs_issued}', '#{ioffice.docs_signed}', false],
    ['greater_than', '#{ioffice.docs_issued}', '20601', true],
    ['greater_than_or_equal_to', '#{ioffice.docs_issued}', '20601', false],
    ['greater_than_or_equal_to', '#{ioffice.docs_signed}', '#{ioffice.docs_issued}', true],
    ['less_than', '#{ioffice.docs_signed}', '#{ioffice.docs_issued}', false],
    ['less_than', '#{ioffice.docs_signed}', '15904', true],
    ['less_than_or_equal_to', '#{ioffice.docs_signed}', '15904', false],
    ['less_than_or_equal_to', '#{ioffice.docs_issued}', '#{ioffice.docs_signed}', true],
    ['compulsory_pair', '#{ioffice.docs_issued}', '#{ioffice.docs_signed}', false],
    ['compulsory_pair', '#{qr.scans}[-1]', '#{dvc.dossiers}[-1]', false], // both missing
    ['compulsory_pair', '#{ioffice.docs_issued}', '#{qr.scans}[-1]', true],
    ['exclusive_pair', '#{ioffice.docs_issued}', '#{qr.scans}[-1]', false],
    ['exclusive_pair', '#{ioffice.docs_issued}', '#{ioffice.docs_signed}', true],
  ];
  for (const [operator, left, right, fires] of cases) {
    it(`${left} ${operator} ${right} ${fires ? 'gives a finding' : 'passes'}`, () => {
      assert.equal(findings([rule(left, operator, right)]).length, fires ? 1 : 0);
    });
  }

  it('reports the values the Vietnamese way with the rule, place and period', () => {
    const [finding] = findings([rule('#{ioffice.docs_issued}', 'less_than_or_equal_to', '#{ioffice.docs_signed}')]);
    assert.deepEqual(finding, {
      rule: 'r1', ruleName: 'Quy tắc thử', orgUnit: 'xa-1', period: '2022-04', left: 20601, right: 15904, severity: 'warning',
      indicators: ['ioffice.docs_issued', 'ioffice.docs_signed'],
      message: 'Số liệu không khớp (vế trái: 20.601; vế phải: 15.904; yêu cầu: vế trái ≤ vế phải)',
    });
  });
});

describe('runValidation: missing-value strategies', () => {
  // 'qr.scans' has no value in March at xa-1; issued has.
  const cases: [MissingValueStrategy | undefined, string, boolean][] = [
    ['SKIP_IF_ANY_VALUE_MISSING', '#{qr.scans}[-1] + #{ioffice.docs_issued}', false],
    ['SKIP_IF_ALL_VALUES_MISSING', '#{qr.scans}[-1] + #{ioffice.docs_issued}', true], // missing counts as 0: 20.601 ≠ 0
    [undefined, '#{qr.scans}[-1] + #{ioffice.docs_issued}', true],
    ['SKIP_IF_ALL_VALUES_MISSING', '#{qr.scans}[-1] + #{qr.scans}[-2]', false],
    ['NEVER_SKIP', '#{qr.scans}[-1] + #{qr.scans}[-2]', true], // 0 ≠ 1
  ];
  for (const [missing, left, fires] of cases) {
    it(`${left} == 1 with ${missing ?? 'the default'} ${fires ? 'gives a finding' : 'is skipped'}`, () => {
      assert.equal(findings([rule(left, 'equal_to', '1', missing)]).length, fires ? 1 : 0);
    });
  }

  it('skips a side that divides by zero', () => {
    assert.deepEqual(findings([rule('#{ioffice.docs_issued} / 0', 'equal_to', '1')]), []);
  });
});

describe('runValidation: rules over earlier periods', () => {
  it('compares with the previous month, which DHIS2 cannot', () => {
    const growing = rule('#{qr.scans_total}', 'greater_than_or_equal_to', '#{qr.scans_total}[-1]');
    assert.deepEqual(findings([growing]), []);
    const shrinking = rule('#{qr.scans_total}', 'less_than', '#{qr.scans_total}[-1]');
    const [finding] = findings([shrinking]);
    assert.equal(finding?.left, 2400);
    assert.equal(finding?.right, 2392);
  });
});

describe('runValidation: a broken rule is a finding, never an exception', () => {
  it('reports a rule whose expression does not parse', () => {
    const broken = { ...rule('#{ioffice.docs_issued', 'equal_to', '1'), code: 'broken', name: 'Quy tắc hỏng' };
    const result = findings([broken, rule('#{ioffice.docs_issued}', 'equal_to', '1')]);
    assert.equal(result.length, 2, 'the good rule still runs');
    assert.equal(result[0]?.severity, 'error');
    assert.equal(result[0]?.rule, 'broken');
    assert.match(result[0]?.message ?? '', /^Quy tắc «Quy tắc hỏng» \(broken\) không hợp lệ: vế trái: Lỗi cú pháp tại vị trí 22: cần/);
  });

  it('reports an unknown function and an unknown operator', () => {
    const result = findings([rule('1', 'equal_to', 'sqrt(4)'), rule('1', 'about' as RuleOperator, '1')]);
    assert.equal(result.length, 2);
    assert.match(result[0]?.message ?? '', /vế phải: .*không có hàm 'sqrt'/);
    assert.match(result[1]?.message ?? '', /toán tử 'about' không được hỗ trợ/);
  });

  it('reports a source that fails instead of throwing', () => {
    const failing = { value: () => { throw new Error('mất kết nối'); } };
    const result = runValidation({ rules: [rule('#{a}', 'equal_to', '1')], source: failing, orgUnit: 'xa-1', period: APRIL });
    assert.equal(result[0]?.severity, 'error');
    assert.match(result[0]?.message ?? '', /mất kết nối/);
  });
});

describe('impliedRules', () => {
  const rules = impliedRules(catalogue);

  it('derives one rule per disaggregation, part/whole and stock/flow pair', () => {
    assert.deepEqual(rules.map((r) => [r.code, r.severity]), [
      ['implied:part_of:ioffice.docs_signed', 'error'],
      ['implied:parts_sum:dvc.dossiers:channel', 'error'],
      ['implied:stock_flow:qr.scans_total', 'warning'],
    ]);
  });

  const byCode = (code: string, orgUnit: string, period = APRIL) =>
    findings(rules.filter((r) => r.code === code), orgUnit, period);

  it('catches parts that do not add up to the stored total', () => {
    const [finding] = byCode('implied:parts_sum:dvc.dossiers:channel', 'xa-1');
    assert.equal(finding?.left, 2400);
    assert.equal(finding?.right, 2390);
    assert.match(finding?.message ?? '', /^Tổng số «Hồ sơ tiếp nhận» đã nhập không bằng tổng các phân tổ theo «Kênh» \(vế trái: 2\.400; vế phải: 2\.390/);
  });

  it('is silent for parts without a total, and for a total matching its parts', () => {
    assert.deepEqual(byCode('implied:parts_sum:dvc.dossiers:channel', 'xa-2'), []);
    assert.deepEqual(byCode('implied:parts_sum:dvc.dossiers:channel', 'xa-2', parsePeriod('2022-03')), []);
  });

  it('at the district, compares only units that stored both (no false alarm from xa-2’s parts-only April)', () => {
    const [finding] = byCode('implied:parts_sum:dvc.dossiers:channel', 'huyen');
    assert.equal(finding?.left, 2400);
    assert.equal(finding?.right, 2390);
  });

  it('catches a part exceeding its whole', () => {
    assert.deepEqual(byCode('implied:part_of:ioffice.docs_signed', 'xa-1'), []);
    const [finding] = byCode('implied:part_of:ioffice.docs_signed', 'xa-2');
    assert.equal(finding?.left, 120);
    assert.equal(finding?.right, 100);
    assert.match(finding?.message ?? '', /^«Văn bản ký số» lớn hơn «Văn bản điện tử phát hành»/);
  });

  it('catches a stock that does not continue from last month plus the flow', () => {
    const [finding] = byCode('implied:stock_flow:qr.scans_total', 'xa-1');
    assert.equal(finding?.severity, 'warning');
    assert.equal(finding?.left, 2400);
    assert.equal(finding?.right, 2405);
    assert.deepEqual(finding?.indicators, ['qr.scans_total', 'qr.scans']);
    assert.deepEqual(byCode('implied:stock_flow:qr.scans_total', 'xa-2'), []);
  });

  it('skips stock continuity when last month is missing', () => {
    assert.deepEqual(byCode('implied:stock_flow:qr.scans_total', 'xa-1', parsePeriod('2022-03')), []);
  });
});
