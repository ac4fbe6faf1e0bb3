// Property tests: the parser never throws, and print/parse is a round trip.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { evaluate, parseExpression, printExpression } from './index.ts';
import type { BinaryOperator, Expr, FunctionName, ValueSource } from './index.ts';

const CODE = fc.oneof(fc.stringMatching(/^[a-zđ0-9_.-]{1,8}$/), fc.constantFrom('__proto__', 'constructor'));
const BINARY: BinaryOperator[] = ['+', '-', '*', '/', '==', '!=', '<', '<=', '>', '>=', '&&', '||'];
const ARITY: Record<FunctionName, [number, number]> = {
  sum: [1, 4], if: [3, 3], coalesce: [1, 4], round: [1, 2], min: [1, 4], max: [1, 4], abs: [1, 1], isNull: [1, 1],
};

const { expr: arbitraryExpr } = fc.letrec<{ expr: Expr }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ kind: fc.constant('number' as const), value: fc.double({ min: 0, noNaN: true, noDefaultInfinity: true }) }),
    fc.record({
      kind: fc.constant('ref' as const),
      indicator: CODE,
      filter: fc.dictionary(CODE, fc.oneof(CODE, fc.constant('*')), { maxKeys: 3 }),
      offset: fc.integer({ min: -24, max: 24 }),
    }).map((ref) => ({ ...ref, filter: { ...ref.filter } })),
    fc.record({ kind: fc.constant('unary' as const), op: fc.constantFrom('-' as const, '!' as const), operand: tie('expr') }),
    fc.record({ kind: fc.constant('binary' as const), op: fc.constantFrom(...BINARY), left: tie('expr'), right: tie('expr') }),
    fc.constantFrom(...(Object.keys(ARITY) as FunctionName[])).chain((fn) => {
      const [min, max] = ARITY[fn];
      return fc.record({ kind: fc.constant('call' as const), fn: fc.constant(fn), args: fc.array(tie('expr'), { minLength: min, maxLength: max }) });
    }),
  ).map((node) => ({ ...node }) as Expr), // fast-check records have a null prototype; the parser builds plain objects
}));

/** A deterministic source: the value depends on the reference and period only; some are missing. */
const hashedSource: ValueSource = {
  value(ref, period) {
    const text = `${ref.indicator}${JSON.stringify(Object.entries(ref.filter).sort())}${period.year}-${period.index}`;
    let hash = 0;
    for (const ch of text) hash = (hash * 31 + ch.charCodeAt(0)) | 0;
    return hash % 5 === 0 ? null : (hash % 1000) / 10;
  },
};

describe('expression properties', () => {
  it('parseExpression returns a result for any string and never throws', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.stringMatching(/^[#{}()[\]:=,*+\-/!<>&|a-z0-9. ]{0,30}$/)), (source) => {
      const result = parseExpression(source);
      if (!result.ok) {
        assert.equal(result.error.kind, 'syntax');
        assert.ok(result.error.position >= 0 && result.error.position <= source.length);
        assert.match(result.error.message, /^Lỗi cú pháp tại vị trí \d+/);
      }
    }), { numRuns: 2000 });
  });

  it('parse(print(ast)) gives the same AST', () => {
    fc.assert(fc.property(arbitraryExpr, (expr) => {
      const printed = printExpression(expr);
      const reparsed = parseExpression(printed);
      assert.ok(reparsed.ok, `${printed}: ${reparsed.ok ? '' : reparsed.error.message}`);
      assert.deepStrictEqual(reparsed.expr, expr);
    }), { numRuns: 1000 });
  });

  it('evaluating the printed-then-parsed AST gives the same result as the original, without throwing', () => {
    const period = { type: 'month' as const, year: 2022, index: 4 };
    fc.assert(fc.property(arbitraryExpr, fc.constantFrom('SKIP_IF_ANY_VALUE_MISSING' as const, 'SKIP_IF_ALL_VALUES_MISSING' as const, 'NEVER_SKIP' as const), (expr, missing) => {
      const reparsed = parseExpression(printExpression(expr));
      assert.ok(reparsed.ok);
      const context = { source: hashedSource, period, orgUnit: 'stttt', missing };
      const original = evaluate(expr, context);
      assert.deepStrictEqual(evaluate(reparsed.expr, context), original);
      assert.ok(original.value === null || Number.isFinite(original.value));
    }), { numRuns: 500 });
  });
});
