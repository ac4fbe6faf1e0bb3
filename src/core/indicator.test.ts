import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Catalogue, defineIndicator, disaggKey, parseDisaggKey } from './indicator.ts';
import type { Disaggregation, Indicator } from './indicator.ts';

const channel: Disaggregation = {
  code: 'channel', name: 'Kênh', options: [{ code: 'direct', name: 'Trực tiếp' }, { code: 'online', name: 'Trực tuyến' }],
};
const level: Disaggregation = {
  code: 'level', name: 'Mức độ', options: [{ code: '3', name: 'Mức độ 3' }, { code: '4', name: 'Mức độ 4' }],
};

const issued = defineIndicator({ code: 'ioffice.docs_issued', name: 'Văn bản điện tử phát hành', unit: 'văn bản', kind: 'flow' });
const signed = defineIndicator({ code: 'ioffice.docs_signed', name: 'Văn bản ký số', unit: 'văn bản', kind: 'flow', partOf: 'ioffice.docs_issued' });
const dossiers = defineIndicator({ code: 'dvc.dossiers', name: 'Hồ sơ tiếp nhận', unit: 'hồ sơ', kind: 'flow', disaggregations: ['channel', 'level'] });
const scans = defineIndicator({ code: 'qr.scans', name: 'Lượt quét mã QR', unit: 'lượt', kind: 'flow' });
const scansTotal = defineIndicator({ code: 'qr.scans_total', name: 'Tổng lượt quét mã QR', unit: 'lượt', kind: 'stock', accumulates: 'qr.scans' });
const signedRate = defineIndicator({
  code: 'ioffice.signed_rate', name: 'Tỷ lệ văn bản ký số', unit: '%', kind: 'derived', valueType: 'PERCENTAGE', decimals: 2,
  expression: '#{ioffice.docs_signed} / #{ioffice.docs_issued}',
});
const good = [issued, signed, dossiers, scans, scansTotal, signedRate];

describe('disaggKey', () => {
  const table: [Record<string, string>, string][] = [
    [{}, ''],
    [{ channel: 'online' }, 'channel=online'],
    [{ level: '4', channel: 'online' }, 'channel=online;level=4'],
    [{ type: 'org', channel: 'direct', level: '3' }, 'channel=direct;level=3;type=org'],
  ];
  for (const [options, key] of table) {
    it(`${JSON.stringify(options)} ↔ ${JSON.stringify(key)}`, () => {
      assert.equal(disaggKey(options), key);
      assert.deepEqual(parseDisaggKey(key), options);
    });
  }

  it('round-trips any combination of codes, whatever the insertion order', () => {
    const code = fc.stringMatching(/^[a-z0-9_.]{1,8}$/);
    fc.assert(fc.property(fc.dictionary(code, code, { noNullPrototype: true }), (options) => {
      const key = disaggKey(options);
      assert.deepEqual(parseDisaggKey(key), options);
      const reversed = Object.fromEntries(Object.entries(options).reverse());
      assert.equal(disaggKey(reversed), key);
    }));
  });
});

describe('defineIndicator', () => {
  it('fills aggregation from the kind and the other defaults', () => {
    assert.deepEqual(issued.aggregation, { time: 'sum', org: 'sum' });
    assert.deepEqual(scansTotal.aggregation, { time: 'last', org: 'sum' });
    assert.deepEqual(signedRate.aggregation, { time: 'none', org: 'none' });
    assert.equal(issued.valueType, 'NUMBER');
    assert.equal(issued.decimals, 0);
    assert.deepEqual(issued.disaggregations, []);
  });
  it('keeps what the author gave', () => {
    const rate = defineIndicator({ code: 'x', name: 'x', unit: '%', kind: 'flow', aggregation: { time: 'average' }, decimals: 1 });
    assert.deepEqual(rate.aggregation, { time: 'average', org: 'sum' });
    assert.equal(rate.decimals, 1);
  });
});

describe('Catalogue.build', () => {
  it('accepts a sound catalogue and indexes it', () => {
    const { catalogue, problems } = Catalogue.build({ indicators: good, disaggregations: [channel, level] });
    assert.deepEqual(problems, []);
    assert.equal(catalogue.indicator('qr.scans_total')?.accumulates, 'qr.scans');
    assert.equal(catalogue.disaggregation('channel')?.options.length, 2);
    assert.equal(catalogue.indicators().length, good.length);
    assert.equal(catalogue.disaggregations().length, 2);
    assert.equal(catalogue.indicator('nope'), undefined);
  });

  it('accepts derived expressions over options, sums over a dimension and period offsets', () => {
    const share = defineIndicator({
      code: 'dvc.online_share', name: 'Tỷ lệ trực tuyến', unit: '%', kind: 'derived',
      expression: '#{dvc.dossiers:channel=online} / #{dvc.dossiers:channel=*} * 100 + #{qr.scans}[-1] * 0',
    });
    const { problems } = Catalogue.build({ indicators: [...good, share], disaggregations: [channel, level] });
    assert.deepEqual(problems, []);
  });

  const broken: [string, Indicator[], Disaggregation[], string, RegExp][] = [
    ['unknown disaggregation', [defineIndicator({ code: 'a', name: 'A', unit: 'hồ sơ', kind: 'flow', disaggregations: ['sex'] })], [], 'unknown_disaggregation', /phân tổ "sex" chưa được khai báo/],
    ['duplicate indicator', [issued, issued], [], 'duplicate_indicator', /"ioffice.docs_issued" bị khai báo trùng mã/],
    ['duplicate disaggregation', [], [channel, channel], 'duplicate_disaggregation', /Phân tổ "channel" bị khai báo trùng mã/],
    ['duplicate option', [], [{ ...channel, options: [...channel.options, { code: 'online', name: 'x' }] }], 'duplicate_option', /mục "online" bị trùng mã/],
    ['derived without expression', [defineIndicator({ code: 'r', name: 'R', unit: '%', kind: 'derived' })], [], 'missing_expression', /chưa có công thức/],
    ['derived with blank expression', [defineIndicator({ code: 'r', name: 'R', unit: '%', kind: 'derived', expression: '  ' })], [], 'missing_expression', /chưa có công thức/],
    ['stock accumulating an unknown indicator', [defineIndicator({ code: 's', name: 'S', unit: 'lượt', kind: 'stock', accumulates: 'ghost' })], [], 'unknown_accumulates', /"ghost" chưa được khai báo/],
    ['stock accumulating a stock', [scansTotal, defineIndicator({ code: 's2', name: 'S2', unit: 'lượt', kind: 'stock', accumulates: 'qr.scans_total' }), scans], [], 'accumulates_not_flow', /không phải chỉ tiêu phát sinh/],
    ['flow declaring accumulates', [scans, defineIndicator({ code: 'f', name: 'F', unit: 'lượt', kind: 'flow', accumulates: 'qr.scans' })], [], 'accumulates_not_stock', /không phải chỉ tiêu lũy kế/],
    ['partOf unknown', [defineIndicator({ code: 'p', name: 'P', unit: 'văn bản', kind: 'flow', partOf: 'ghost' })], [], 'unknown_part_of', /"ghost" chưa được khai báo/],
    ['derived with a syntax error', [issued, defineIndicator({ code: 'r', name: 'R', unit: '%', kind: 'derived', expression: '#{ioffice.docs_issued} +' })], [], 'invalid_expression', /Chỉ tiêu "r", công thức "#\{ioffice.docs_issued\} \+": Lỗi cú pháp tại vị trí/],
    ['derived naming an unknown indicator', [defineIndicator({ code: 'r', name: 'R', unit: '%', kind: 'derived', expression: '#{ghost} * 100' })], [], 'invalid_expression', /Tham chiếu chỉ tiêu "ghost" chưa được khai báo/],
    ['derived naming a dimension its indicator lacks', [issued, defineIndicator({ code: 'r', name: 'R', unit: '%', kind: 'derived', expression: '#{ioffice.docs_issued:channel=online}' })], [channel], 'invalid_expression', /Chỉ tiêu "ioffice.docs_issued" không có phân tổ "channel"/],
    ['derived naming an option the dimension lacks', [dossiers, defineIndicator({ code: 'r', name: 'R', unit: '%', kind: 'derived', expression: '#{dvc.dossiers:channel=post} / #{dvc.dossiers}' })], [channel, level], 'invalid_expression', /Phân tổ "channel" không có mục "post"/],
    ['negative decimals', [defineIndicator({ code: 'd', name: 'D', unit: '%', kind: 'flow', decimals: -1 })], [], 'invalid_decimals', /không hợp lệ \(-1\)/],
  ];
  for (const [title, indicators, disaggregations, code, message] of broken) {
    it(`reports ${title} without throwing`, () => {
      const { catalogue, problems } = Catalogue.build({ indicators, disaggregations });
      const problem = problems.find((p) => p.code === code);
      assert.ok(problem, `expected ${code} in ${JSON.stringify(problems)}`);
      assert.match(problem.message, message);
      assert.ok(problem.field.length > 0);
      assert.ok(catalogue instanceof Catalogue);
    });
  }

  it('keeps the first definition when a code is duplicated', () => {
    const second = { ...issued, name: 'Bản sau' };
    const { catalogue } = Catalogue.build({ indicators: [issued, second], disaggregations: [] });
    assert.equal(catalogue.indicator(issued.code)?.name, issued.name);
    assert.equal(catalogue.indicators().length, 1);
  });
});

describe('checkDisaggKey', () => {
  const { catalogue } = Catalogue.build({ indicators: good, disaggregations: [channel, level] });
  const table: [string, string, RegExp | null][] = [
    ['dvc.dossiers', '', null],
    ['dvc.dossiers', 'channel=online', null],
    ['dvc.dossiers', 'level=4', null],
    ['dvc.dossiers', 'channel=direct;level=3', null],
    ['ioffice.docs_issued', '', null],
    ['ioffice.docs_issued', 'channel=online', /không có phân tổ "channel"/],
    ['dvc.dossiers', 'sex=f', /không có phân tổ "sex"/],
    ['dvc.dossiers', 'channel=post', /Phân tổ "channel" không có mục "post"/],
    ['dvc.dossiers', 'level=3;channel=direct', /không đúng dạng/],
    ['dvc.dossiers', 'channel', /không đúng dạng/],
    ['ghost', '', /"ghost" chưa được khai báo/],
  ];
  for (const [indicator, key, expected] of table) {
    it(`${indicator} [${key}] → ${expected ?? 'hợp lệ'}`, () => {
      const message = catalogue.checkDisaggKey(indicator, key);
      if (expected === null) assert.equal(message, null);
      else assert.match(message ?? '', expected);
    });
  }
});
