import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkJsonLimits, describeJsonProblem, isExactNumber } from './json-limits.ts';

test('nesting: the first container past the limit, with its path and place', () => {
  assert.equal(checkJsonLimits('{"a":[[1]]}', 3), null);
  assert.deepEqual(checkJsonLimits('{"a":[[[1]]]}', 3), { kind: 'too_deep', path: ['a', 0, 0], line: 1, column: 8, maxDepth: 3 });
  assert.deepEqual(checkJsonLimits('{"a":1,\n "b":[0, {"c":[[]]}]}', 3), { kind: 'too_deep', path: ['b', 1, 'c'], line: 2, column: 15, maxDepth: 3 });
  // A million levels: no recursion, no stack overflow.
  assert.equal(checkJsonLimits('['.repeat(1_000_000))?.kind, 'too_deep');
});

test('brackets, commas and colons inside strings do not count; escaped quotes end nothing', () => {
  assert.equal(checkJsonLimits('{"a":"[[[[{{{{,::\\\\","b\\"[[[":"]]]"}', 2), null);
  assert.deepEqual(checkJsonLimits('{"k\\"ey":[[1]]}', 2), { kind: 'too_deep', path: ['k"ey', 0], line: 1, column: 11, maxDepth: 2 });
});

test('numbers JSON.parse would round are found with their path', () => {
  const cases: [string, string | null, (string | number)[]][] = [
    ['{"v":9007199254740991}', null, []],
    ['{"v":-9007199254740991}', null, []],
    ['{"v":12.5,"w":0.1}', null, []],
    ['{"v":9007199254740993}', '9007199254740993', ['v']],
    ['{"v":9007199254740992}', '9007199254740992', ['v']],
    ['[1,2,-9007199254740993]', '-9007199254740993', [2]],
    ['{"d":[{"value":1e20}]}', '1e20', ['d', 0, 'value']],
    ['{"v":"9007199254740993"}', null, []],
    ['{"9007199254740993":1}', null, []],
  ];
  for (const [text, literal, path] of cases) {
    const problem = checkJsonLimits(text);
    assert.equal(problem?.literal ?? null, literal, text);
    if (literal) assert.deepEqual(problem?.path, path, text);
  }
});

test('isExactNumber', () => {
  for (const [text, exact] of [['0', true], ['-0.5', true], ['9007199254740991', true], ['9007199254740992', false], ['1e15', true], ['1e16', false], ['1e400', false]] as const) {
    assert.equal(isExactNumber(text), exact, text);
  }
});

test('a problem reads in Vietnamese with its field and place', () => {
  const deep = checkJsonLimits('{"dataValues":[[[1]]]}', 2);
  assert.deepEqual(deep && describeJsonProblem(deep, 'body'), { field: 'body.dataValues.0', message: 'Nội dung JSON lồng quá sâu (quá 2 cấp) ở body.dataValues.0 (dòng 1, cột 16).' });
  const big = checkJsonLimits('{"dataValues":[{"value":9007199254740993}]}');
  assert.deepEqual(big && describeJsonProblem(big, ''), { field: 'dataValues.0.value', message: 'Số 9007199254740993 ở dataValues.0.value (dòng 1, cột 25) vượt quá ±9.007.199.254.740.991 nên không lưu chính xác được.' });
});
