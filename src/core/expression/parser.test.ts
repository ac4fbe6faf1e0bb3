import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseExpression, printExpression } from './index.ts';
import type { Expr } from './index.ts';

const ref = (indicator: string, filter: Record<string, string> = {}, offset = 0): Expr => ({ kind: 'ref', indicator, filter, offset });
const num = (value: number): Expr => ({ kind: 'number', value });
const bin = (op: Extract<Expr, { kind: 'binary' }>['op'], left: Expr, right: Expr): Expr => ({ kind: 'binary', op, left, right });

function parsed(source: string): Expr {
  const result = parseExpression(source);
  if (!result.ok) assert.fail(`"${source}" should parse: ${result.error.message}`);
  return result.expr;
}

describe('parseExpression: the grammar', () => {
  const cases: [string, Expr][] = [
    ['12', num(12)],
    ['0.5', num(0.5)],
    ['#{ioffice.docs_issued}', ref('ioffice.docs_issued')],
    ['#{dvc-x_2.y}', ref('dvc-x_2.y')],
    ['#{dvc.dossiers:channel=online}', ref('dvc.dossiers', { channel: 'online' })],
    ['#{dvc.dossiers:channel=online,level=4}', ref('dvc.dossiers', { channel: 'online', level: '4' })],
    ['#{ dvc.dossiers : channel = * }', ref('dvc.dossiers', { channel: '*' })],
    ['#{qr.scans}[-1]', ref('qr.scans', {}, -1)],
    ['#{x}[-12]', ref('x', {}, -12)],
    ['#{x}[+1]', ref('x', {}, 1)],
    ['#{x}[1]', ref('x', {}, 1)],
    ['#{x}[-0]', ref('x')],
    ['1 + 2 * 3', bin('+', num(1), bin('*', num(2), num(3)))],
    ['(1 + 2) * 3', bin('*', bin('+', num(1), num(2)), num(3))],
    ['8 - 4 - 2', bin('-', bin('-', num(8), num(4)), num(2))],
    ['8 / 4 / 2', bin('/', bin('/', num(8), num(4)), num(2))],
    ['-#{a} * 2', bin('*', { kind: 'unary', op: '-', operand: ref('a') }, num(2))],
    ['!1 || 0 && 1', bin('||', { kind: 'unary', op: '!', operand: num(1) }, bin('&&', num(0), num(1)))],
    ['1 + 1 == 2', bin('==', bin('+', num(1), num(1)), num(2))],
    ['1 < 2 == 2 >= 3', bin('==', bin('<', num(1), num(2)), bin('>=', num(2), num(3)))],
    ['1 != 2 && 3 <= 4', bin('&&', bin('!=', num(1), num(2)), bin('<=', num(3), num(4)))],
    ['if(#{a} > 0, #{b} / #{a}, 0)', { kind: 'call', fn: 'if', args: [bin('>', ref('a'), num(0)), bin('/', ref('b'), ref('a')), num(0)] }],
    ['round(#{a}, 2)', { kind: 'call', fn: 'round', args: [ref('a'), num(2)] }],
    ['coalesce(#{a}, #{b}, 0)', { kind: 'call', fn: 'coalesce', args: [ref('a'), ref('b'), num(0)] }],
    ['isNull(#{a})', { kind: 'call', fn: 'isNull', args: [ref('a')] }],
    ['sum(1, 2, 3)', { kind: 'call', fn: 'sum', args: [num(1), num(2), num(3)] }],
  ];
  for (const [source, expected] of cases) {
    it(`reads ${source}`, () => assert.deepEqual(parsed(source), expected));
  }
});

describe('parseExpression: syntax errors in Vietnamese, never thrown', () => {
  const cases: { source: string; position: number; found: string; message: RegExp }[] = [
    { source: '(1 + 2', position: 6, found: 'end of input', message: /^Lỗi cú pháp tại vị trí 7: cần '\)' nhưng gặp 'hết biểu thức'$/ },
    { source: '', position: 0, found: 'end of input', message: /cần số, '#\{', '\(', tên hàm, '-' hoặc '!' nhưng gặp 'hết biểu thức'/ },
    { source: '1 2', position: 2, found: '2', message: /cần toán tử hoặc hết biểu thức nhưng gặp '2'/ },
    { source: 'foo(1)', position: 0, found: 'foo', message: /không có hàm 'foo'/ },
    { source: 'if(1, 2)', position: 0, found: ')', message: /hàm 'if' cần 3 tham số nhưng có 2/ },
    { source: 'abs()', position: 0, found: ')', message: /hàm 'abs' cần 1 tham số nhưng có 0/ },
    { source: '#{x', position: 3, found: 'end of input', message: /cần ':' hoặc '\}'/ },
    { source: '#{x:ch=}', position: 7, found: '}', message: /cần mã lựa chọn hoặc '\*'/ },
    { source: '#{x:ch=a,ch=b}', position: 9, found: 'ch', message: /phân tổ 'ch' được lọc hai lần/ },
    { source: '#{x}[1.5]', position: 5, found: '1.5', message: /cần số nguyên/ },
    { source: '2 # 3', position: 2, found: '#', message: /gặp '#'/ },
    { source: '1 +', position: 3, found: 'end of input', message: /gặp 'hết biểu thức'/ },
    { source: '9'.repeat(400), position: 0, found: '9'.repeat(400), message: /cần số/ },
  ];
  for (const { source, position, found, message } of cases) {
    it(`rejects "${source.slice(0, 20)}"`, () => {
      const result = parseExpression(source);
      assert.equal(result.ok, false);
      if (result.ok) return;
      assert.equal(result.error.kind, 'syntax');
      assert.equal(result.error.position, position);
      assert.equal(result.error.found, found);
      assert.match(result.error.message, message);
    });
  }

  it('turns deep nesting into an error instead of a stack overflow', () => {
    const result = parseExpression('('.repeat(100_000) + '1' + ')'.repeat(100_000));
    assert.equal(result.ok, false);
    if (!result.ok) assert.match(result.error.message, /lồng nhau quá sâu/);
  });
});

describe('printExpression', () => {
  const cases: [string, string][] = [
    ['#{a}/#{b}', '#{a} / #{b}'],
    ['#{x:level=4,channel=online}[1]', '#{x:channel=online,level=4}[+1]'],
    ['((1 + 2)) * 3', '(1 + 2) * 3'],
    ['1 - (2 - 3)', '1 - (2 - 3)'],
    ['(1 - 2) - 3', '1 - 2 - 3'],
    ['-(1 + 2)', '-(1 + 2)'],
    ['- - 1', '--1'],
    ['round( #{a} ,2 )', 'round(#{a}, 2)'],
  ];
  for (const [source, canonical] of cases) {
    it(`prints ${source} as ${canonical}`, () => {
      assert.equal(printExpression(parsed(source)), canonical);
      assert.deepEqual(parsed(canonical), parsed(source));
    });
  }
});
