import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { collectRefs, evaluate, parseExpression } from './index.ts';
import type { MissingValueStrategy, ValueSource } from './index.ts';
import { formatPeriod } from '../period.ts';
import type { Period } from '../period.ts';

const APRIL: Period = { type: 'month', year: 2022, index: 4 };

/** Values by `indicator|filter|period`, filter as `dim=opt` pairs sorted. */
function sourceOf(values: Record<string, number>): ValueSource & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    value(ref, period, orgUnit) {
      const filter = Object.keys(ref.filter).sort().map((dim) => `${dim}=${ref.filter[dim]}`).join(',');
      const key = `${ref.indicator}|${filter}|${formatPeriod(period)}`;
      asked.push(`${key}@${orgUnit}`);
      return values[key] ?? null;
    },
  };
}

function run(source: string, values: Record<string, number>, missing?: MissingValueStrategy) {
  const parsed = parseExpression(source);
  if (!parsed.ok) assert.fail(parsed.error.message);
  return evaluate(parsed.expr, { source: sourceOf(values), period: APRIL, orgUnit: 'stttt', missing });
}

const V = {
  'a||2022-04': 10,
  'b||2022-04': 4,
  'zero||2022-04': 0,
  'a||2022-03': 7,
  'a||2021-04': 2,
  'a|channel=online|2022-04': 6,
};

describe('evaluate: arithmetic, comparison, functions', () => {
  const cases: [string, number | null][] = [
    ['#{a} + #{b} * 2', 18],
    ['(#{a} - #{b}) / 4', 1.5],
    ['-#{a}', -10],
    ['#{a} / #{zero}', null],
    ['coalesce(#{a} / #{zero}, -1)', -1],
    ['#{a}[-1]', 7],
    ['#{a}[-12]', 2],
    ['#{a} - #{a}[-1]', 3],
    ['#{a:channel=online}', 6],
    ['#{a} > #{b}', 1],
    ['#{a} < #{b}', 0],
    ['#{a} >= 10', 1],
    ['#{a} <= 9', 0],
    ['#{a} == 10', 1],
    ['#{a} != 10', 0],
    ['#{a} > 0 && #{b} > 5', 0],
    ['#{a} > 0 || #{b} > 5', 1],
    ['!#{zero}', 1],
    ['!#{a}', 0],
    ['if(#{a} > #{b}, #{a}, #{b})', 10],
    ['if(#{zero}, 1 / #{zero}, 5)', 5],
    ['sum(#{a}, #{b}, 1)', 15],
    ['min(#{a}, #{b})', 4],
    ['max(#{a}, #{b}, 11)', 11],
    ['abs(#{b} - #{a})', 6],
    ['round(#{b} / 3 * 100, 2)', 133.33],
    ['round(2.5)', 3],
    ['round(-2.5)', -3],
    ['round(1.005, 2)', 1.01],
    ['round(77.195, 2)', 77.2],
    ['1e308 * 10', null],
  ];
  for (const [source, expected] of cases) {
    it(`${source} = ${expected}`, () => assert.equal(run(source, V).value, expected));
  }

  it('asks the source for each distinct reference once, at the offset period and the unit', () => {
    const source = sourceOf(V);
    const parsed = parseExpression('#{a} + #{a} + #{a}[-12] + #{a:channel=online}');
    assert.ok(parsed.ok);
    const result = evaluate(parsed.expr, { source, period: APRIL, orgUnit: 'xa-1' });
    assert.deepEqual(source.asked, ['a||2022-04@xa-1', 'a||2021-04@xa-1', 'a|channel=online|2022-04@xa-1']);
    assert.equal(result.value, 28);
    assert.deepEqual(result.parts.map((part) => [part.ref.indicator, formatPeriod(part.period), part.value]), [
      ['a', '2022-04', 10], ['a', '2021-04', 2], ['a', '2022-04', 6],
    ]);
  });
});

describe('evaluate: missing-value strategies', () => {
  // 'm' is never stored.
  const cases: { source: string; missing?: MissingValueStrategy; value: number | null; skipped: boolean }[] = [
    { source: '#{a} + #{m}', missing: 'SKIP_IF_ANY_VALUE_MISSING', value: null, skipped: true },
    { source: '#{a} + #{b}', missing: 'SKIP_IF_ANY_VALUE_MISSING', value: 14, skipped: false },
    { source: '#{a} + #{m}', missing: 'SKIP_IF_ALL_VALUES_MISSING', value: 10, skipped: false },
    { source: '#{m} + #{m}[-1]', missing: 'SKIP_IF_ALL_VALUES_MISSING', value: null, skipped: true },
    { source: '#{a} + #{m}', value: 10, skipped: false },
    { source: '#{m} * 2', value: null, skipped: true },
    { source: '#{m} + #{m}[-1]', missing: 'NEVER_SKIP', value: 0, skipped: false },
    { source: '3', missing: 'SKIP_IF_ALL_VALUES_MISSING', value: 3, skipped: false },
    // coalesce and isNull see the real null, arithmetic around them sees 0.
    { source: 'coalesce(#{m}, #{b}) + #{m}', missing: 'NEVER_SKIP', value: 4, skipped: false },
    { source: 'isNull(#{m})', missing: 'NEVER_SKIP', value: 1, skipped: false },
    { source: 'isNull(#{a})', missing: 'NEVER_SKIP', value: 0, skipped: false },
    { source: 'isNull(#{m} + 1)', missing: 'NEVER_SKIP', value: 1, skipped: false },
    { source: 'coalesce(#{m}, #{m}[-1])', missing: 'NEVER_SKIP', value: null, skipped: false },
  ];
  for (const { source, missing, value, skipped } of cases) {
    it(`${source} with ${missing ?? 'the default'} → ${value}${skipped ? ' (skipped)' : ''}`, () => {
      const result = run(source, V, missing);
      assert.equal(result.value, value);
      assert.equal(result.skipped, skipped);
    });
  }
});

describe('collectRefs', () => {
  it('lists each distinct reference once, in order', () => {
    const parsed = parseExpression('#{b} / #{a} + #{b} + #{b}[-1] + #{b:ch=*}');
    assert.ok(parsed.ok);
    assert.deepEqual(collectRefs(parsed.expr).map((ref) => [ref.indicator, ref.offset, Object.keys(ref.filter).length]), [
      ['b', 0, 0], ['a', 0, 0], ['b', -1, 0], ['b', 0, 1],
    ]);
  });
});
