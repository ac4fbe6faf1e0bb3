// Matches the body that issued a report ("ỦY BAN NHÂN DÂN HUYỆN CẦU KÈ", "SỞ THÔNG
// TIN VÀ TRUYỀN THÔNG" under "UBND TỈNH BẾN TRE", "Sở TT&TT Trà Vinh") with the org
// units: names compared word by word, case, tone marks and the usual abbreviations
// aside; a territorial unit also answers to its people's committee ("Huyện Cầu Kè" =
// "Ủy ban nhân dân huyện Cầu Kè"); the governing body picks between units of the same
// name in different provinces. Returns the match, or none, and the closest units.
import { expandAbbreviations, foldVi } from './vietnamese-text.ts';

export interface UnitForMatch {
  readonly code: string;
  readonly name: string;
  readonly shortName?: string | null;
  readonly kind?: string | null;
  /** Names of the units above it, nearest first. */
  readonly ancestors: readonly string[];
}

export interface UnitCandidate {
  readonly code: string;
  readonly name: string;
  /** 0..1: how well the names agree. */
  readonly score: number;
}

export interface IssuerMatch {
  /** The unit the text names, when one clearly does. */
  readonly unit: UnitCandidate | null;
  /** Several units fit equally well (same name, no governing body to tell them apart). */
  readonly ambiguous: readonly UnitCandidate[];
  /** The closest units, best first (for a refusal's message). */
  readonly closest: readonly UnitCandidate[];
}

const TERRITORIAL = new Set(['province', 'district', 'commune', 'city', 'ward', 'town']);
const PLACE_WORDS = /^(tinh|thanh pho|huyen|quan|thi xa|xa|phuong|thi tran|dac khu)\s+/;
/** A match needs this score, and a lead of MARGIN over the next unit. */
const SURE = 0.85;
const MARGIN = 0.05;

function words(text: string): string[] {
  return expandAbbreviations(foldVi(text)).replace(/&/g, ' ').match(/[a-z\d]+/g)?.filter((w) => w !== 'va' && w !== 'cua') ?? [];
}

/** Share of the words two names have in common, over the longer one: 1 only when they are the same words. */
function similarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const setB = new Set(b);
  const common = new Set(a.filter((w) => setB.has(w))).size;
  return common / Math.max(new Set(a).size, setB.size);
}

/**
 * Ways a unit may be written, with how much each counts: its name and short name, with
 * its province, and, for a territory, as its people's committee. The last counts a
 * little less, so a unit named "Ủy ban nhân dân tỉnh Trà Vinh" wins over the province
 * "Tỉnh Trà Vinh" itself.
 */
function variants(unit: UnitForMatch): { words: string[]; weight: number }[] {
  const names = [unit.name, ...(unit.shortName ? [unit.shortName] : [])];
  const places = unit.ancestors.map((a) => foldVi(a).replace(PLACE_WORDS, ''));
  const out: { words: string[]; weight: number }[] = [];
  for (const name of names) {
    out.push({ words: words(name), weight: 1 });
    for (const place of places.slice(0, 2)) out.push({ words: [...words(name), ...words(place)], weight: 1 });
    if (TERRITORIAL.has(unit.kind ?? '')) out.push({ words: [...words('ủy ban nhân dân'), ...words(name)], weight: 0.92 });
  }
  return out;
}

export function matchIssuer(issuer: { name: string; parent: string | null }, units: readonly UnitForMatch[]): IssuerMatch {
  const target = words(issuer.name);
  const parent = issuer.parent ? words(issuer.parent) : [];
  const scored = units.map((unit) => {
    const base = Math.max(0, ...variants(unit).map((v) => v.weight * similarity(target, v.words)));
    // The governing body ("UBND TỈNH BẾN TRE") names one of the unit's ancestors.
    const ancestry = parent.length === 0 ? 0 : Math.max(0, ...unit.ancestors.map((a) => {
      const place = words(foldVi(a).replace(PLACE_WORDS, ''));
      return place.length > 0 && place.every((w) => parent.includes(w)) ? 1 : 0;
    }));
    return { code: unit.code, name: unit.name, score: Math.min(1, base) + (base >= SURE ? 0.1 * ancestry : 0) };
  }).sort((a, b) => b.score - a.score || a.code.localeCompare(b.code));
  const best = scored[0];
  const closest = scored.slice(0, 5).map((c) => ({ ...c, score: Math.min(1, c.score) }));
  if (!best || best.score < SURE) return { unit: null, ambiguous: [], closest };
  const tied = scored.filter((c) => best.score - c.score < MARGIN);
  if (tied.length > 1) return { unit: null, ambiguous: tied.map((c) => ({ ...c, score: Math.min(1, c.score) })), closest };
  return { unit: { ...best, score: Math.min(1, best.score) }, ambiguous: [], closest };
}
