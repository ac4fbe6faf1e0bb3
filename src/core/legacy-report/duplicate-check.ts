// Finds items written twice in one section, and entries written twice in one list
// ("…: a; b; a"): exactly (same words, case and tone marks aside) or nearly, where an
// abbreviation counts as the words it stands for ("Kế hoạch thực hành TKCLP" = "Kế
// hoạch thực hành tiết kiệm, chống lãng phí"). Candidates come from an index of
// uncommon words, so the work grows with the number of entries, not its square.
import { initialsRun } from './vietnamese-text.ts';

export interface DuplicateEntry {
  readonly text: string;
  readonly paragraph: number;
  /** Section id; entries are compared only within one section. */
  readonly section: string;
  /** An entry of an inline list is never compared with the paragraph it is part of. */
  readonly partOfList?: boolean;
}

export interface Duplicate {
  readonly first: DuplicateEntry;
  readonly second: DuplicateEntry;
  readonly exact: boolean;
}

/** Entries shorter than this are too plain to call duplicates ("Không có."). */
const MIN_WORDS = 5;
/** A word in more entries than this does not pick candidates. */
const COMMON = 12;
/** Entries compared with each one, at most. */
const CANDIDATES = 6;
/** How many of an entry's rarest words pick its candidates. */
const RAREST = 8;
const NEAR = 0.9;

export function findDuplicates(entries: readonly DuplicateEntry[]): Duplicate[] {
  const out: Duplicate[] = [];
  const bySection = new Map<string, Prepared[]>();
  for (const entry of entries) {
    // Lower case is enough here (tone marks are part of the words); no folding, for speed.
    const words = entry.text.toLowerCase().match(WORD) ?? [];
    if (words.length < MIN_WORDS) continue;
    let list = bySection.get(entry.section);
    if (!list) bySection.set(entry.section, (list = []));
    list.push({ entry, words });
  }
  for (const list of bySection.values()) {
    const exact = new Map<string, number>();
    const reported = new Set<number>();
    const frequency = new Map<string, number>();
    // How many entries hold each word (a word twice in one entry counts once), without a set per entry.
    const lastSeen = new Map<string, number>();
    list.forEach(({ words }, i) => {
      for (const w of words) {
        if (lastSeen.get(w) === i) continue;
        lastSeen.set(w, i);
        frequency.set(w, (frequency.get(w) ?? 0) + 1);
      }
    });
    lastSeen.clear();
    const index = new Map<string, number[]>();
    // Reused for every entry: this loop runs once per item and list entry of the report.
    const shared = new Map<number, number>();
    list.forEach(({ entry, words }, i) => {
      const key = words.join(' ');
      const same = exact.get(key);
      if (same !== undefined) {
        const first = list[same];
        if (first) out.push({ first: first.entry, second: entry, exact: true });
        reported.add(i);
        return;
      }
      exact.set(key, i);
      // Near duplicates: the few earlier entries sharing the most of this entry's rarest
      // words (one that shares nine words in ten shares some of them).
      const rare = rarest(words, frequency);
      if (rare.length === 0) return;
      shared.clear();
      for (const w of rare) for (const j of index.get(w) ?? []) shared.set(j, (shared.get(j) ?? 0) + 1);
      let candidates: number[] = [];
      for (const [j, n] of shared) if (n >= Math.min(2, rare.length)) candidates.push(j);
      if (candidates.length > CANDIDATES) candidates = candidates.sort((a, b) => (shared.get(b) ?? 0) - (shared.get(a) ?? 0)).slice(0, CANDIDATES);
      for (const j of candidates) {
        const other = list[j];
        if (!other || reported.has(j)) continue;
        if (other.entry.paragraph === entry.paragraph && Boolean(other.entry.partOfList) !== Boolean(entry.partOfList)) continue;
        if (isNear(list[i] as Prepared, other)) {
          out.push({ first: other.entry, second: entry, exact: false });
          reported.add(i);
          break;
        }
      }
      for (const w of rare) {
        let slot = index.get(w);
        if (!slot) index.set(w, (slot = []));
        slot.push(i);
      }
    });
  }
  return out.sort((a, b) => a.second.paragraph - b.second.paragraph);
}

/**
 * The RAREST words of an entry that are uncommon in its section, rarest first: one pass,
 * keeping only the best few (an entry may be a whole paragraph of megabytes).
 */
function rarest(words: readonly string[], frequency: ReadonlyMap<string, number>): string[] {
  const best: { word: string; n: number }[] = [];
  for (const word of words) {
    const n = frequency.get(word) ?? 0;
    if (n > COMMON) continue;
    if (best.length === RAREST && n >= (best[RAREST - 1]?.n ?? 0)) continue;
    if (best.some((b) => b.word === word)) continue;
    let at = best.length;
    while (at > 0 && (best[at - 1]?.n ?? 0) > n) at -= 1;
    best.splice(at, 0, { word, n });
    if (best.length > RAREST) best.pop();
  }
  return best.map((b) => b.word);
}

interface Prepared {
  readonly entry: DuplicateEntry;
  readonly words: readonly string[];
  /** Its abbreviations and its words as a set, made the first time the entry is compared. */
  abbreviations?: string[];
  set?: ReadonlySet<string>;
}

/** Upper-case tokens that may stand for words ("tkclp" for TKCLP), lower-cased; read only for the few pairs compared. */
function abbreviationsOf(text: string): string[] {
  return HAS_CAPITALS.test(text) ? [...text.matchAll(ABBREVIATIONS)].map((m) => m[0].toLowerCase()) : [];
}

/** Words of lower-cased text: digits and Latin letters with every Vietnamese mark (ranges, not \p{L}, for speed). */
const WORD = /[0-9a-z\u00c0-\u024f\u1e00-\u1eff]+/g;
const HAS_CAPITALS = /\p{Lu}{3}/u;

/** An upper-case token of 3 to 8 letters: an abbreviation to spell out against the other text. */
const ABBREVIATIONS = /(?<![\p{L}])\p{Lu}{3,8}(?![\p{L}])/gu;

/** The words of `a`, an abbreviation the other text spells out replaced by those words. */
function expanded(a: Prepared, other: Prepared): ReadonlySet<string> {
  a.abbreviations ??= abbreviationsOf(a.entry.text);
  a.set ??= new Set(a.words);
  if (a.abbreviations.length === 0) return a.set;
  const own = new Set(a.set);
  const extra = a.abbreviations.filter((t) => !other.words.includes(t)).map((t) => ({ t, run: initialsRun(t, other.words) })).filter((x) => x.run !== null);
  if (extra.length === 0) return own;
  const out = own;
  for (const { t, run } of extra) {
    out.delete(t);
    for (const w of run ?? []) out.add(w);
  }
  return out;
}

function isNear(a: Prepared, b: Prepared): boolean {
  const wa = expanded(a, b);
  const wb = expanded(b, a);
  const [short, long] = wa.size <= wb.size ? [wa, wb] : [wb, wa];
  if (short.size < MIN_WORDS || short.size < long.size * 0.6) return false;
  let common = 0;
  for (const w of short) if (long.has(w)) common += 1;
  return common / short.size >= NEAR;
}

/** The entries of an inline list ("…: a; b; c"): the parts after the first colon, split by ";". */
export function listEntries(text: string): string[] {
  const colon = text.indexOf(':');
  const body = colon >= 0 && colon < 200 ? text.slice(colon + 1) : text;
  const parts = body.split(';').map((p) => p.replace(/[,.…]+\s*$/u, '').trim()).filter((p) => p !== '');
  return parts.length >= 3 ? parts : [];
}
