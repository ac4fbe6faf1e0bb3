import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkValue, plainNumber, storedValueText, toValueType } from './value-type.ts';
import type { ValueType } from './value-type.ts';

describe('checkValue: what each value type accepts', () => {
  const accepted: [ValueType, string, number | null, string | null][] = [
    ['INTEGER_ZERO_OR_POSITIVE', '0', 0, null],
    ['INTEGER_ZERO_OR_POSITIVE', ' 20601 ', 20601, null],
    ['INTEGER_POSITIVE', '1', 1, null],
    ['INTEGER_NEGATIVE', '-3', -3, null],
    ['INTEGER', '-5', -5, null],
    ['NUMBER', '1e-7', 1e-7, null],
    ['NUMBER', '-0.5', -0.5, null],
    ['PERCENTAGE', '77.2', 77.2, null],
    ['PERCENTAGE', '100', 100, null],
    ['UNIT_INTERVAL', '0.25', 0.25, null],
    ['BOOLEAN', 'True', 1, 'true'],
    ['BOOLEAN', 'f', 0, 'false'],
    ['BOOLEAN', '0', 0, 'false'],
    ['TRUE_ONLY', 'T', 1, 'true'],
    ['TEXT', '  Some text ', null, '  Some text '],
    ['LONG_TEXT', 'x'.repeat(60_000), null, 'x'.repeat(60_000)],
    ['DATE', '2024-02-29', null, '2024-02-29'],
  ];
  for (const [type, raw, value, text] of accepted) {
    it(`${type} takes ${JSON.stringify(raw.slice(0, 20))}`, () => assert.deepEqual(checkValue(type, raw), { ok: true, value, text }));
  }

  const refused: [ValueType, string, RegExp][] = [
    ['INTEGER_ZERO_OR_POSITIVE', '-5', /"-5" là số âm; cần số nguyên không âm/],
    ['INTEGER', '1e20', /"1e20" không phải là số nguyên/],
    ['INTEGER', '5.0', /không phải là số nguyên/],
    ['INTEGER', '99999999999999999999', /quá lớn/],
    ['INTEGER_POSITIVE', '0', /không lớn hơn 0/],
    ['INTEGER_ZERO_OR_POSITIVE', '20.601', /không phải là số nguyên/],
    ['NUMBER', '1,5', /không phải là số/],
    ['NUMBER', '1e999', /quá lớn/],
    ['PERCENTAGE', '100.5', /ngoài khoảng 0–100/],
    ['PERCENTAGE', '-1', /ngoài khoảng 0–100/],
    ['UNIT_INTERVAL', '2', /ngoài khoảng 0–1/],
    ['BOOLEAN', 'yes', /không phải đúng\/sai/],
    ['TRUE_ONLY', 'false', /kiểu này không lưu/],
    ['TEXT', 'x'.repeat(50_001), /quá giới hạn/],
    ['DATE', '2023-02-29', /không có trên lịch/],
    ['DATE', '15/04/2022', /không phải ngày dạng YYYY-MM-DD/],
  ];
  for (const [type, raw, message] of refused) {
    it(`${type} refuses ${JSON.stringify(raw.slice(0, 20))}, saying why`, () => {
      const checked = checkValue(type, raw);
      assert.equal(checked.ok, false);
      if (!checked.ok) assert.match(checked.message, message);
    });
  }

  it('reads DHIS2 names in any case and the first names of baocao', () => {
    assert.equal(toValueType('integer_zero_or_positive'), 'INTEGER_ZERO_OR_POSITIVE');
    assert.equal(toValueType('percent'), 'PERCENTAGE');
    assert.equal(toValueType('integer'), 'INTEGER');
    assert.equal(toValueType('COORDINATE'), undefined);
  });
});

describe('plainNumber: numbers as xs:decimal, never exponent form', () => {
  const table: [number, string][] = [
    [1e-7, '0.0000001'], [1e21, '1000000000000000000000'], [-1.5e-10, '-0.00000000015'], [1.2345e25, '12345000000000000000000000'],
    [20601, '20601'], [0.1, '0.1'], [-0, '0'],
  ];
  for (const [value, text] of table) it(`${value} → ${text}`, () => assert.equal(plainNumber(value), text));

  it('reads back as the same number, with no exponent (property)', () => {
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
      const text = plainNumber(value);
      assert.doesNotMatch(text, /e/i);
      assert.match(text, /^-?\d+(\.\d+)?$/);
      assert.equal(Number(text), value === 0 ? 0 : value);
    }), { numRuns: 1000 });
  });

  it('a stored value is written as its text, else its number', () => {
    assert.equal(storedValueText({ value: 1, text: 'true' }), 'true');
    assert.equal(storedValueText({ value: 1e-7 }), '0.0000001');
    assert.equal(storedValueText({ value: null, text: 'Some text' }), 'Some text');
  });
});
