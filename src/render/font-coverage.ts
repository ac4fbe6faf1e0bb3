// Does a TrueType/OpenType font have a glyph for every character of a text? Read
// straight from the font's cmap table, because a family name is not enough: the
// Liberation Serif 1.x that many distributions still ship under
// /usr/share/fonts/truetype/liberation has no glyphs for "ệ", "ỉ", "ữ" ... and a PDF
// set in it silently loses those letters.
import { readFileSync } from 'node:fs';

type CodePointLookup = (codePoint: number) => number;

function format4(view: DataView, at: number): CodePointLookup {
  const segCount = view.getUint16(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + segCount * 2 + 2;
  const deltas = starts + segCount * 2;
  const rangeOffsets = deltas + segCount * 2;
  return (cp) => {
    if (cp > 0xffff) return 0;
    for (let i = 0; i < segCount; i++) {
      if (cp > view.getUint16(ends + i * 2)) continue;
      const start = view.getUint16(starts + i * 2);
      if (cp < start) return 0;
      const delta = view.getInt16(deltas + i * 2);
      const rangeOffsetAt = rangeOffsets + i * 2;
      const rangeOffset = view.getUint16(rangeOffsetAt);
      if (rangeOffset === 0) return (cp + delta) & 0xffff;
      const glyph = view.getUint16(rangeOffsetAt + rangeOffset + (cp - start) * 2);
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };
}

function format12(view: DataView, at: number): CodePointLookup {
  const groups = view.getUint32(at + 12);
  return (cp) => {
    for (let i = 0; i < groups; i++) {
      const g = at + 16 + i * 12;
      const startChar = view.getUint32(g);
      const endChar = view.getUint32(g + 4);
      if (cp >= startChar && cp <= endChar) return view.getUint32(g + 8) + (cp - startChar);
    }
    return 0;
  };
}

/** The font's Unicode character-to-glyph lookup, or null when it has no usable cmap. */
export function readCmap(font: Uint8Array): CodePointLookup | null {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const numTables = view.getUint16(4);
  let cmap = -1;
  for (let i = 0; i < numTables; i++) {
    const rec = 12 + i * 16;
    const tag = String.fromCharCode(view.getUint8(rec), view.getUint8(rec + 1), view.getUint8(rec + 2), view.getUint8(rec + 3));
    if (tag === 'cmap') cmap = view.getUint32(rec + 8);
  }
  if (cmap < 0) return null;
  const subtables = view.getUint16(cmap + 2);
  let best: CodePointLookup | null = null;
  for (let i = 0; i < subtables; i++) {
    const rec = cmap + 4 + i * 8;
    const platform = view.getUint16(rec);
    const encoding = view.getUint16(rec + 2);
    const at = cmap + view.getUint32(rec + 4);
    const format = view.getUint16(at);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode) continue;
    if (format === 12) return format12(view, at); // full Unicode: the best there is
    if (format === 4) best = format4(view, at);
  }
  return best;
}

/** Characters of `text` (whitespace aside) the font has no glyph for. */
export function missingGlyphs(font: Uint8Array, text: string): string[] {
  const lookup = readCmap(font);
  const chars = [...new Set(text.normalize('NFC'))].filter((c) => c.trim() !== '');
  if (!lookup) return chars;
  return chars.filter((c) => lookup(c.codePointAt(0) ?? 0) === 0);
}

export function fontFileCovers(file: string, text: string): boolean {
  try {
    return missingGlyphs(readFileSync(file), text).length === 0;
  } catch {
    return false; // unreadable or not a font we can parse: do not use it
  }
}
