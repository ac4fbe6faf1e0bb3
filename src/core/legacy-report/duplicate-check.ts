// Finds items written twice in one section, and entries written twice in one list
// ("…: a; b; a"): exactly (same words, case and tone marks aside) or nearly, where an
// abbreviation counts as the words it stands for ("Kế hoạch thực hành TKCLP" = "Kế
// hoạch thực hành tiết kiệm, chống lãng phí"). Candidates come from an index of
// uncommon words, so the work grows with the number of entries, not its square.
import { containment, expandAgainst, foldedWords } from './vietnamese-text.ts';

export interface DuplicateEntry {
  readonly text: string;
  readonly paragraph: number;
  /** Section id; entries are compared only within one section. */
  readonly section: string;
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
const NEAR = 0.9;

export function findDuplicates(entries: readonly DuplicateEntry[]): Duplicate[] {
  const out: Duplicate[] = [];
  const bySection = new Map<string, { entry: DuplicateEntry; words: string[] }[]>();
  for (const entry of entries) {
    const words = foldedWords(entry.text);
    if (words.length < MIN_WORDS) continue;
    let list = bySection.get(entry.section);
    if (!list) bySection.set(entry.section, (list = []));
    list.push({ entry, words });
  }
  for (const list of bySection.values()) {
    const exact = new Map<string, number>();
    const reported = new Set<number>();
    const frequency = new Map<string, number>();
    for (const { words } of list) for (const w of new Set(words)) frequency.set(w, (frequency.get(w) ?? 0) + 1);
    const index = new Map<string, number[]>();
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
      // Near duplicates: compare with earlier entries sharing an uncommon word.
      const candidates = new Set<number>();
      for (const w of new Set(words)) {
        if ((frequency.get(w) ?? 0) > COMMON) continue;
        for (const j of index.get(w) ?? []) candidates.add(j);
      }
      for (const j of candidates) {
        const other = list[j];
        if (!other || reported.has(j)) continue;
        if (isNear(entry.text, words, other.entry.text, other.words)) {
          out.push({ first: other.entry, second: entry, exact: false });
          reported.add(i);
          break;
        }
      }
      for (const w of new Set(words)) {
        if ((frequency.get(w) ?? 0) > COMMON) continue;
        let slot = index.get(w);
        if (!slot) index.set(w, (slot = []));
        slot.push(i);
      }
    });
  }
  return out.sort((a, b) => a.second.paragraph - b.second.paragraph);
}

function isNear(aText: string, aWords: readonly string[], bText: string, bWords: readonly string[]): boolean {
  const a = expandAgainst(aText, bWords);
  const b = expandAgainst(bText, aWords);
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length < MIN_WORDS || short.length < long.length * 0.6) return false;
  return containment(short, long) >= NEAR;
}

/** The entries of an inline list ("…: a; b; c"): the parts after the first colon, split by ";". */
export function listEntries(text: string): string[] {
  const colon = text.indexOf(':');
  const body = colon >= 0 && colon < 200 ? text.slice(colon + 1) : text;
  const parts = body.split(';').map((p) => p.replace(/[,.…]+\s*$/u, '').trim()).filter((p) => p !== '');
  return parts.length >= 3 ? parts : [];
}
