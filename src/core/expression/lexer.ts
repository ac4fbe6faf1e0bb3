// Tokenizer for indicator expressions. It is modal: inside `#{ ... }` codes may
// contain '.', '-' and digits (`ioffice.docs_issued`, `dvc-x`), which outside a
// reference would read as numbers and operators.

export type TokenKind =
  | 'number' // 12, 0.5, 1e+21 (exponents so that any printed double reads back)
  | 'ident' // function names outside references
  | 'code' // indicator, dimension or option codes inside `#{ }`
  | 'punct' // operators and punctuation
  | 'invalid' // a character the grammar has no use for
  | 'end';

export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  /** 0-based offset of the token's first character. */
  readonly position: number;
}

/** Characters of indicator, dimension and option codes. */
const CODE_CHAR = /[\p{L}\p{N}_.-]/u;
const IDENT_START = /[A-Za-z_]/;
const IDENT_CHAR = /[A-Za-z0-9_]/;
const DIGIT = /[0-9]/;
const NUMBER = /^[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/;
const TWO_CHAR = new Set(['#{', '==', '!=', '<=', '>=', '&&', '||']);
const ONE_CHAR = new Set(['+', '-', '*', '/', '<', '>', '!', '(', ')', ',', '[', ']']);
const REF_PUNCT = new Set([':', ',', '=', '*']);

export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let inRef = false;
  let i = 0;
  while (i < source.length) {
    const ch = source[i] as string;
    if (/\s/.test(ch)) {
      i += 1;
      continue;
    }
    if (inRef) {
      if (ch === '}') {
        tokens.push({ kind: 'punct', text: '}', position: i });
        inRef = false;
        i += 1;
      } else if (REF_PUNCT.has(ch)) {
        tokens.push({ kind: 'punct', text: ch, position: i });
        i += 1;
      } else if (CODE_CHAR.test(ch)) {
        const start = i;
        while (i < source.length && CODE_CHAR.test(source[i] as string)) i += 1;
        tokens.push({ kind: 'code', text: source.slice(start, i), position: start });
      } else {
        tokens.push(invalid(source, i));
        i += invalidLength(source, i);
      }
      continue;
    }
    const pair = source.slice(i, i + 2);
    if (TWO_CHAR.has(pair)) {
      tokens.push({ kind: 'punct', text: pair, position: i });
      if (pair === '#{') inRef = true;
      i += 2;
    } else if (DIGIT.test(ch)) {
      const text = NUMBER.exec(source.slice(i))?.[0] ?? ch;
      tokens.push({ kind: 'number', text, position: i });
      i += text.length;
    } else if (IDENT_START.test(ch)) {
      const start = i;
      while (i < source.length && IDENT_CHAR.test(source[i] as string)) i += 1;
      tokens.push({ kind: 'ident', text: source.slice(start, i), position: start });
    } else if (ONE_CHAR.has(ch)) {
      tokens.push({ kind: 'punct', text: ch, position: i });
      i += 1;
    } else {
      tokens.push(invalid(source, i));
      i += invalidLength(source, i);
    }
  }
  tokens.push({ kind: 'end', text: '', position: source.length });
  return tokens;
}

// Keep surrogate pairs whole so the message shows the character the user typed.
function invalidLength(source: string, i: number): number {
  const code = source.codePointAt(i) ?? 0;
  return code > 0xffff ? 2 : 1;
}

function invalid(source: string, i: number): Token {
  return { kind: 'invalid', text: source.slice(i, i + invalidLength(source, i)), position: i };
}
