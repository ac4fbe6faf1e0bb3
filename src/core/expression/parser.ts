// Recursive-descent parser for indicator expressions.
// Precedence, loosest first: ||, &&, == !=, < <= > >=, + -, * /, unary - !,
// then numbers, references (with an optional period offset), calls, parentheses.
import type { BinaryOperator, Expr, FunctionName, IndicatorRef } from './ast.ts';
import type { ExpressionSyntaxError, ParseResult } from './index.ts';
import { tokenize } from './lexer.ts';
import type { Token } from './lexer.ts';

/** Allowed argument counts per function: [min, max]. */
export const FUNCTION_ARITY: Readonly<Record<FunctionName, readonly [number, number]>> = {
  sum: [1, Infinity],
  if: [3, 3],
  coalesce: [1, Infinity],
  round: [1, 2],
  min: [1, Infinity],
  max: [1, Infinity],
  abs: [1, 1],
  isNull: [1, 1],
};

const FUNCTION_NAMES = Object.keys(FUNCTION_ARITY) as FunctionName[];

/** Binary operator levels, loosest first. */
const LEVELS: readonly (readonly BinaryOperator[])[] = [
  ['||'],
  ['&&'],
  ['==', '!='],
  ['<', '<=', '>', '>='],
  ['+', '-'],
  ['*', '/'],
];

/** Deep enough for any real rule; guards the call stack against hostile input. */
const MAX_DEPTH = 200;

/** How the parser names things in `expected` / `found`, and how users read them. */
const WORDS: Readonly<Record<string, string>> = {
  'number': 'số',
  'function': 'tên hàm',
  'indicator code': 'mã chỉ tiêu',
  'dimension code': 'mã phân tổ',
  'option code': 'mã lựa chọn',
  'operator': 'toán tử',
  'integer': 'số nguyên',
  'end of input': 'hết biểu thức',
};

class ParseFailure {
  constructor(readonly error: ExpressionSyntaxError) {}
}

export function parseExpression(source: string): ParseResult {
  try {
    const parser = new Parser(tokenize(String(source)));
    return { ok: true, expr: parser.parseAll() };
  } catch (failure) {
    if (failure instanceof ParseFailure) return { ok: false, error: failure.error };
    // Only a stack overflow could get here; it is still bad input, not a crash.
    return { ok: false, error: syntaxError(0, [], 'end of input', 'Lỗi cú pháp tại vị trí 1: biểu thức quá phức tạp') };
  }
}

class Parser {
  private index = 0;
  private depth = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  parseAll(): Expr {
    const expr = this.parseLevel(0);
    const next = this.peek();
    if (next.kind !== 'end') this.fail(['operator', 'end of input']);
    return expr;
  }

  private peek(): Token {
    return this.tokens[this.index] ?? this.tokens[this.tokens.length - 1] as Token;
  }

  private advance(): Token {
    const token = this.peek();
    if (token.kind !== 'end') this.index += 1;
    return token;
  }

  private isPunct(text: string): boolean {
    const token = this.peek();
    return token.kind === 'punct' && token.text === text;
  }

  private expectPunct(text: string): Token {
    if (!this.isPunct(text)) this.fail([text]);
    return this.advance();
  }

  private fail(expected: readonly string[], token: Token = this.peek()): never {
    const found = token.kind === 'end' ? 'end of input' : token.text;
    const message = `Lỗi cú pháp tại vị trí ${token.position + 1}: cần ${describeExpected(expected)} nhưng gặp ${describeWord(found)}`;
    throw new ParseFailure(syntaxError(token.position, expected, found, message));
  }

  private enter(): void {
    this.depth += 1;
    if (this.depth > MAX_DEPTH) {
      const token = this.peek();
      throw new ParseFailure(syntaxError(token.position, [], token.kind === 'end' ? 'end of input' : token.text,
        `Lỗi cú pháp tại vị trí ${token.position + 1}: biểu thức lồng nhau quá sâu (tối đa ${MAX_DEPTH} mức)`));
    }
  }

  private leave(): void {
    this.depth -= 1;
  }

  private parseLevel(level: number): Expr {
    const operators = LEVELS[level];
    if (!operators) return this.parseUnary();
    this.enter();
    let left = this.parseLevel(level + 1);
    for (;;) {
      const token = this.peek();
      const op = operators.find((candidate) => token.kind === 'punct' && token.text === candidate);
      if (!op) break;
      this.advance();
      const right = this.parseLevel(level + 1);
      left = { kind: 'binary', op, left, right };
    }
    this.leave();
    return left;
  }

  private parseUnary(): Expr {
    if (this.isPunct('-') || this.isPunct('!')) {
      const op = this.advance().text as '-' | '!';
      this.enter();
      const operand = this.parseUnary();
      this.leave();
      return { kind: 'unary', op, operand };
    }
    return this.parsePrimary();
  }

  private parsePrimary(): Expr {
    const token = this.peek();
    if (token.kind === 'number') {
      this.advance();
      const value = Number(token.text);
      if (!Number.isFinite(value)) this.fail(['number'], token);
      return { kind: 'number', value };
    }
    if (token.kind === 'punct' && token.text === '#{') return this.parseRef();
    if (token.kind === 'punct' && token.text === '(') {
      this.advance();
      this.enter();
      const inner = this.parseLevel(0);
      this.leave();
      this.expectPunct(')');
      return inner;
    }
    if (token.kind === 'ident') return this.parseCall();
    return this.fail(['number', '#{', '(', 'function', '-', '!']);
  }

  private parseCall(): Expr {
    const nameToken = this.advance();
    const fn = FUNCTION_NAMES.find((name) => name === nameToken.text);
    if (!fn) {
      throw new ParseFailure(syntaxError(nameToken.position, FUNCTION_NAMES, nameToken.text,
        `Lỗi cú pháp tại vị trí ${nameToken.position + 1}: không có hàm '${nameToken.text}' (các hàm: ${FUNCTION_NAMES.join(', ')})`));
    }
    this.expectPunct('(');
    this.enter();
    const args: Expr[] = [];
    if (!this.isPunct(')')) {
      args.push(this.parseLevel(0));
      while (this.isPunct(',')) {
        this.advance();
        args.push(this.parseLevel(0));
      }
    }
    this.leave();
    if (!this.isPunct(')')) this.fail(args.length === 0 ? [')', 'number', '#{', '('] : [',', ')']);
    const [min, max] = FUNCTION_ARITY[fn];
    if (args.length < min || args.length > max) {
      const wanted = min === max ? `${min}` : max === Infinity ? `ít nhất ${min}` : `${min} đến ${max}`;
      throw new ParseFailure(syntaxError(nameToken.position, [], ')',
        `Lỗi cú pháp tại vị trí ${nameToken.position + 1}: hàm '${fn}' cần ${wanted} tham số nhưng có ${args.length}`));
    }
    this.advance();
    return { kind: 'call', fn, args };
  }

  private parseRef(): IndicatorRef {
    this.advance(); // '#{'
    const indicator = this.expectCode('indicator code');
    const filter: Record<string, string> = {};
    if (this.isPunct(':')) {
      this.advance();
      for (;;) {
        const dimToken = this.peek();
        const dim = this.expectCode('dimension code');
        if (Object.hasOwn(filter, dim)) {
          throw new ParseFailure(syntaxError(dimToken.position, ['dimension code'], dim,
            `Lỗi cú pháp tại vị trí ${dimToken.position + 1}: phân tổ '${dim}' được lọc hai lần`));
        }
        this.expectPunct('=');
        let option = '*';
        if (this.isPunct('*')) this.advance();
        else option = this.expectCode('option code', ['option code', '*']);
        // defineProperty, not assignment: a dimension named '__proto__' must stay a plain key.
        Object.defineProperty(filter, dim, { value: option, enumerable: true, writable: true, configurable: true });
        if (!this.isPunct(',')) break;
        this.advance();
      }
    }
    if (!this.isPunct('}')) this.fail(Object.keys(filter).length > 0 ? [',', '}'] : [':', '}']);
    this.advance();
    return { kind: 'ref', indicator, filter, offset: this.parseOffset() };
  }

  private expectCode(what: string, expected: readonly string[] = [what]): string {
    const token = this.peek();
    if (token.kind !== 'code') this.fail(expected);
    return this.advance().text;
  }

  /** `[-1]`, `[+1]`, `[1]`; absent means 0. */
  private parseOffset(): number {
    if (!this.isPunct('[')) return 0;
    this.advance();
    let sign = 1;
    if (this.isPunct('-') || this.isPunct('+')) sign = this.advance().text === '-' ? -1 : 1;
    const token = this.peek();
    const magnitude = token.kind === 'number' && /^[0-9]+$/.test(token.text) ? Number(token.text) : NaN;
    if (!Number.isSafeInteger(magnitude)) this.fail(['integer']);
    this.advance();
    this.expectPunct(']');
    // Normalise -0 so that `[-0]` and no offset give the same AST.
    return magnitude === 0 ? 0 : sign * magnitude;
  }
}

function syntaxError(position: number, expected: readonly string[], found: string, message: string): ExpressionSyntaxError {
  return { kind: 'syntax', position, expected, found, message };
}

function describeWord(word: string): string {
  const translated = WORDS[word];
  return translated ? `'${translated}'` : `'${word}'`;
}

function describeExpected(expected: readonly string[]): string {
  const words = expected.map((word) => WORDS[word] ?? `'${word}'`);
  if (words.length <= 1) return words[0] ?? 'biểu thức';
  return `${words.slice(0, -1).join(', ')} hoặc ${words[words.length - 1]}`;
}
