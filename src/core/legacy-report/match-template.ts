// Maps the numbers of an imported report to indicators by comparing the words around
// each number with the literal text around `{{ indicator | so }}` in the template's
// text blocks. The template is the report as baocao would print it, so where the old
// report used the same wording the number lands on the same indicator.
import type { ReportTemplate, TemplateSection } from '../report-template.ts';
import { flattenSections } from '../report-template.ts';
import type { LegacyNumber } from './legacy-report.ts';

export interface TemplateSlot {
  /** Indicator code ("ioffice.docs_issued"). */
  readonly indicator: string;
  /** The breakdown from `theo: '…'`, or null. */
  readonly filter: string | null;
  readonly isPercent: boolean;
  readonly section: string;
  readonly left: readonly string[];
  readonly right: readonly string[];
}

export interface NumberMatch {
  readonly number: LegacyNumber;
  readonly slot: TemplateSlot;
  /** Words that agreed around the number. */
  readonly score: number;
}

const SLOT = '\u0001';
const CONTEXT = 8;
/** Fewer agreeing words than this is chance, not a match. */
const MIN_SCORE = 3;

/** The places in the template's text blocks where an indicator's value is printed. */
export function templateSlots(template: ReportTemplate): TemplateSlot[] {
  const slots: TemplateSlot[] = [];
  for (const section of flattenSections(template.sections)) slots.push(...sectionSlots(section));
  return slots;
}

function sectionSlots(section: TemplateSection): TemplateSlot[] {
  const out: TemplateSlot[] = [];
  for (const block of section.blocks) {
    if (block.type !== 'text') continue;
    const assigned = new Map<string, string>();
    for (const m of block.liquid.matchAll(/\{%-?\s*assign\s+(\w+)\s*=\s*([\s\S]*?)-?%\}/g)) assigned.set(m[1] ?? '', (m[2] ?? '').trim());
    const text = block.liquid.replace(/\{%[\s\S]*?%\}/g, ' ');
    const tags = [...text.matchAll(/\{\{-?([\s\S]*?)-?\}\}/g)];
    const literal = text.replace(/\{\{[\s\S]*?\}\}/g, ` ${SLOT} `);
    const tokens = tokenise(literal);
    let tagIndex = 0;
    tokens.forEach((token, position) => {
      if (token !== SLOT) return;
      const tag = tags[tagIndex];
      tagIndex += 1;
      const slot = readSlot((tag?.[1] ?? '').trim(), assigned);
      if (!slot) return;
      out.push({
        ...slot,
        section: section.id,
        left: tokens.slice(Math.max(0, position - CONTEXT), position).map(generic),
        right: tokens.slice(position + 1, position + 1 + CONTEXT).map(generic),
      });
    });
  }
  return out;
}

/** "ioffice.docs_issued | so", "m3 | so" with m3 assigned, "x | theo: 'a=b' | so"; null for computed outputs. */
function readSlot(expression: string, assigned: ReadonlyMap<string, string>): { indicator: string; filter: string | null; isPercent: boolean } | null {
  let [head = '', ...filters] = expression.split('|').map((s) => s.trim());
  const alias = assigned.get(head);
  if (alias !== undefined) {
    const [aliasHead = '', ...aliasFilters] = alias.split('|').map((s) => s.trim());
    head = aliasHead;
    filters = [...aliasFilters, ...filters];
  }
  // Ratios, changes and report variables are computed or typed in, not indicator values.
  if (!/^[a-z_][\w]*\.[\w.]+$/i.test(head) || /\.(thay_doi|truoc|luy_ke|ten|don_vi|gia_tri)$/.test(head) || head.startsWith('bien.')) return null;
  if (filters.some((f) => /^(ti_le|tang_giam)\b/.test(f))) return null;
  const theo = filters.map((f) => /^theo\s*:\s*['"]([^'"]*)['"]/.exec(f)?.[1]).find((f) => f !== undefined) ?? null;
  return { indicator: head, filter: theo, isPercent: filters.some((f) => /^phan_tram\b/.test(f)) };
}

/** Words and a few punctuation marks, lower case; numbers become '#'. */
export function tokenise(text: string): string[] {
  const normal = text.normalize('NFC').toLocaleLowerCase('vi').replace(/\d[\d.,]*\s?%?/g, ' # ');
  return normal.match(new RegExp(`${SLOT}|#|[\\p{L}]+|[():;]`, 'gu')) ?? [];
}

function generic(token: string): string {
  return token === SLOT ? '#' : token;
}

/** The best template slot for each number whose surrounding words match well enough and unambiguously. */
export function matchNumbersToTemplate(numbers: readonly LegacyNumber[], slots: readonly TemplateSlot[]): NumberMatch[] {
  const out: NumberMatch[] = [];
  for (const number of numbers) {
    const before = tokenise(number.before).slice(-CONTEXT);
    const after = tokenise(number.after).slice(0, CONTEXT);
    let best: NumberMatch | null = null;
    let ambiguous = false;
    for (const slot of slots) {
      if (slot.isPercent !== number.isPercent) continue;
      const score = agreeBackward(before, slot.left) + agreeForward(after, slot.right);
      if (score < MIN_SCORE) continue;
      if (best === null || score > best.score) {
        best = { number, slot, score };
        ambiguous = false;
      } else if (score === best.score && (slot.indicator !== best.slot.indicator || slot.filter !== best.slot.filter)) {
        ambiguous = true;
      }
    }
    if (best && !ambiguous) out.push(best);
  }
  return out;
}

function agreeBackward(a: readonly string[], b: readonly string[]): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n += 1;
  return n;
}

function agreeForward(a: readonly string[], b: readonly string[]): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n += 1;
  return n;
}
