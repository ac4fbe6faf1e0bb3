// Small helpers for comparing Vietnamese text the way a reader does: case and tone
// marks aside ("Uỷ ban" = "Ủy ban", "CỘNG HOÀ" = "Cộng hòa"), words as tokens, and
// the abbreviations reports use for long names (TKCLP, UBND, TT&TT).

/** Each precomposed Latin letter with marks (Vietnamese ones included) to its base letter, lower case. */
const BASE = new Map<string, string>();
for (let code = 0xc0; code <= 0x24f; code += 1) addBase(String.fromCharCode(code));
for (let code = 0x1e00; code <= 0x1eff; code += 1) addBase(String.fromCharCode(code));
BASE.set('đ', 'd').set('Đ', 'd');

function addBase(c: string): void {
  const base = c.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  if (base !== c.toLowerCase() && /^[a-z]$/.test(base)) BASE.set(c, base);
}

/**
 * Lower case, no diacritics, đ → d: "Ủy ban Nhân dân" → "uy ban nhan dan". By table for
 * precomposed letters (normalising every text would cost a report of 5 MB seconds);
 * text with combining marks is composed first.
 */
export function foldVi(text: string): string {
  const composed = /[\u0300-\u036f]/.test(text) ? text.normalize('NFC') : text;
  return composed.replace(/[^ -~\t\n\r]/g, (c) => BASE.get(c) ?? c.replace(/[\u0300-\u036f]/g, '')).toLowerCase();
}

/** Words (letters and digits) of the text, folded. */
export function foldedWords(text: string): string[] {
  return foldVi(text).match(/[\p{L}\d]+/gu) ?? [];
}

/** Words that carry no meaning of their own in a title or a name. */
const FILLER = new Set(['va', 'cua', 'cho', 've', 'cac', 'nhung', 'trong', 'tai', 'voi', 'the', 'la', 'de', 'o', 'theo', 'tren', 'duoc', 'co', 'mot', 'so']);

/** Folded words without fillers ("và", "của", …). */
export function contentWords(text: string): string[] {
  return foldedWords(text).filter((w) => !FILLER.has(w));
}

/**
 * Abbreviations written for an administrative name. Reports write either form; we
 * compare their long forms.
 */
const ABBREVIATIONS: readonly [RegExp, string][] = [
  [/\bubnd\b/g, 'uy ban nhan dan'],
  [/\bhdnd\b/g, 'hoi dong nhan dan'],
  [/\bmttq\b/g, 'mat tran to quoc'],
  [/\btt\s*&\s*tt\b|\bttvtt\b|\btttt\b/g, 'thong tin va truyen thong'],
  [/\bkh\s*&\s*cn\b|\bkhcn\b/g, 'khoa hoc va cong nghe'],
  [/\bvh\s*,?\s*tt\s*&\s*dl\b|\bvhttdl\b/g, 'van hoa the thao va du lich'],
  [/\bvh\s*&\s*tt\b|\bvhtt\b/g, 'van hoa va thong tin'],
  [/\bcntt\b/g, 'cong nghe thong tin'],
  [/\bgd\s*&\s*dt\b|\bgddt\b/g, 'giao duc va dao tao'],
  [/\blđtbxh\b|\bldtbxh\b/g, 'lao dong thuong binh va xa hoi'],
  [/\btn\s*&\s*mt\b|\btnmt\b/g, 'tai nguyen va moi truong'],
  [/\bnn\s*&\s*ptnt\b|\bnnptnt\b/g, 'nong nghiep va phat trien nong thon'],
  [/\bkh\s*&\s*dt\b|\bkhdt\b/g, 'ke hoach va dau tu'],
  [/\btp\.?\s/g, 'thanh pho '],
  [/\btx\.?\s/g, 'thi xa '],
];

/** Folded text with the usual administrative abbreviations spelled out. */
export function expandAbbreviations(folded: string): string {
  let out = folded;
  for (const [pattern, long] of ABBREVIATIONS) out = out.replace(pattern, long);
  return out;
}

/** The first run of words whose initials spell `initials`, tone marks aside ("đ" = "d"), or null. */
export function initialsRun(initials: string, words: readonly string[]): string[] | null {
  const n = initials.length;
  const want = foldVi(initials);
  const firsts = words.map((w) => foldVi(w.slice(0, 1)));
  for (let start = 0; start + n <= words.length; start += 1) {
    let ok = true;
    for (let i = 0; i < n && ok; i += 1) ok = firsts[start + i] === want[i];
    if (ok) return words.slice(start, start + n);
  }
  return null;
}

/** Share of `a`'s distinct words found in `b` (0..1). */
export function containment(a: readonly string[], b: readonly string[]): number {
  const setA = new Set(a);
  if (setA.size === 0) return 0;
  const setB = new Set(b);
  let common = 0;
  for (const w of setA) if (setB.has(w)) common += 1;
  return common / setA.size;
}
