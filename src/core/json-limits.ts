// Limits on JSON text, checked before it is parsed: nesting deeper than a request or a
// file ever needs (a deep document overflows the stack of whatever walks it), and
// numbers that JSON.parse would round (beyond ±2^53: 9007199254740993 becomes
// ...992 without a word). One pass over the text, no recursion; it tracks where it is
// (`dataValues.3.value`) so the refusal names the place. It does not validate the
// grammar: JSON.parse does that afterwards. Pure.

export const MAX_JSON_DEPTH = 64;

export interface JsonProblem {
  readonly kind: 'too_deep' | 'inexact_number';
  /** Keys and indexes from the root to the place (`['dataValues', 3, 'value']`). */
  readonly path: readonly (string | number)[];
  /** 1-based, in characters of the text. */
  readonly line: number;
  readonly column: number;
  /** The number as written, for inexact_number. */
  readonly literal?: string;
  /** The depth allowed, for too_deep. */
  readonly maxDepth?: number;
}

interface Frame {
  readonly isObject: boolean;
  index: number;
  key: string | null;
  expectsKey: boolean;
}

const NUMBER = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** The first place where `text` breaks a limit, or null. */
export function checkJsonLimits(text: string, maxDepth: number = MAX_JSON_DEPTH): JsonProblem | null {
  const stack: Frame[] = [];
  let line = 1;
  let lineStart = 0;
  const pathHere = (): (string | number)[] => stack.map((f) => (f.isObject ? f.key ?? '' : f.index));
  const at = (offset: number) => ({ line, column: offset - lineStart + 1 });
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) {
      line++;
      lineStart = i + 1;
    } else if (c === 0x7b || c === 0x5b) { // { [
      if (stack.length >= maxDepth) return { kind: 'too_deep', path: pathHere(), ...at(i), maxDepth };
      stack.push({ isObject: c === 0x7b, index: 0, key: null, expectsKey: c === 0x7b });
    } else if (c === 0x7d || c === 0x5d) { // } ]
      stack.pop();
    } else if (c === 0x2c) { // ,
      const top = stack.at(-1);
      if (top?.isObject) top.expectsKey = true;
      else if (top) top.index++;
    } else if (c === 0x3a) { // :
      const top = stack.at(-1);
      if (top?.isObject) top.expectsKey = false;
    } else if (c === 0x22) { // a string: skip it whole, keep it when it is a key
      let end = i + 1;
      while (end < text.length && text.charCodeAt(end) !== 0x22) end += text.charCodeAt(end) === 0x5c ? 2 : 1;
      const top = stack.at(-1);
      if (top?.isObject && top.expectsKey) top.key = readKey(text.slice(i, end + 1));
      i = end;
    } else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) { // - or a digit
      NUMBER.lastIndex = i;
      const literal = NUMBER.exec(text)?.[0];
      if (literal) {
        if (!isExactNumber(literal)) return { kind: 'inexact_number', path: pathHere(), ...at(i), literal };
        i += literal.length - 1;
      }
    }
  }
  return null;
}

/**
 * False when JSON.parse would not give this number back as written and it lies beyond
 * the safe integers: an integer past ±(2^53 - 1), or any number that large (1e20).
 */
export function isExactNumber(literal: string): boolean {
  const value = Number(literal);
  if (!Number.isFinite(value)) return false;
  if (Math.abs(value) < Number.MAX_SAFE_INTEGER) return true;
  if (/^-?\d+$/.test(literal)) {
    const exact = BigInt(literal);
    return exact <= BigInt(Number.MAX_SAFE_INTEGER) && exact >= -BigInt(Number.MAX_SAFE_INTEGER);
  }
  return false;
}

function readKey(quoted: string): string {
  try {
    return String(JSON.parse(quoted));
  } catch {
    return quoted.slice(1, -1);
  }
}

/** `dataValues.3.value`, the path as the API names fields (after `body.`). */
export function jsonPathText(path: readonly (string | number)[]): string {
  return path.map(String).join('.');
}

/** ±9.007.199.254.740.991, as users read it. */
const LARGEST = '9.007.199.254.740.991';

/** The Vietnamese refusal of a problem; `prefix` names the root (`body` for a request, '' for a file). */
export function describeJsonProblem(problem: JsonProblem, prefix: string): { field: string; message: string } {
  const field = [prefix, ...problem.path.map(String)].filter((part) => part !== '').join('.') || prefix || 'json';
  const place = `${problem.path.length > 0 || prefix ? `ở ${field} ` : ''}(dòng ${problem.line}, cột ${problem.column})`;
  const message = problem.kind === 'too_deep'
    ? `Nội dung JSON lồng quá sâu (quá ${problem.maxDepth ?? MAX_JSON_DEPTH} cấp) ${place}.`
    : `Số ${problem.literal ?? ''} ${place} vượt quá ±${LARGEST} nên không lưu chính xác được.`;
  return { field, message };
}

/** For a value written as text: the same refusal as for a JSON number. */
export function inexactNumberMessage(text: string): string {
  return `Giá trị "${text}" vượt quá ±${LARGEST} nên không lưu chính xác được.`;
}
