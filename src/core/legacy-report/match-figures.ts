// Decides which figures of an imported report are indicator values. A number becomes
// a value only on a sure match, where three things agree:
//   - the words: the template prints an indicator at this place, and at least three
//     words around the number are the template's own (`{{ ioffice.docs_issued | so }}
//     văn bản điện tử phát hành`);
//   - the unit of measure: the words after the number are the indicator's unit
//     ("1.154 cơ sở" is not a count of "văn bản");
//   - the section: the number sits in the section where the template prints it.
// Anything less leaves the text as written; the reason is kept for the preview.
import type { Indicator } from '../indicator.ts';
import type { ReportTemplate, TemplateSection } from '../report-template.ts';
import { flattenSections } from '../report-template.ts';
import type { LegacyNumber } from './legacy-report.ts';
import { foldedWords } from './vietnamese-text.ts';

export interface TemplateSlot {
  /** Indicator code ("ioffice.docs_issued"). */
  readonly indicator: string;
  /** The breakdown from `theo: '…'`, or null. */
  readonly filter: string | null;
  readonly isPercent: boolean;
  /** How the template prints it: "so" (20.601) or "so_2" (04). */
  readonly format: 'so' | 'so_2' | 'other';
  readonly section: string;
  readonly left: readonly string[];
  readonly right: readonly string[];
}

export interface FigureMatch {
  readonly number: LegacyNumber;
  readonly slot: TemplateSlot;
  /** Words that agreed around the number. */
  readonly score: number;
  readonly sure: boolean;
  /** Vietnamese: why it is (or is not) taken. */
  readonly reason: string;
}

const SLOT = '\u0001';
const CONTEXT = 8;
/** Fewer agreeing words than this is chance, not a match. */
const MIN_SCORE = 3;
/** Without the unit written after the number, the words must agree this much more. */
const STRONG_SCORE = 6;

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
function readSlot(expression: string, assigned: ReadonlyMap<string, string>): Omit<TemplateSlot, 'section' | 'left' | 'right'> | null {
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
  const last = filters[filters.length - 1] ?? '';
  const format = /^so_2\b/.test(last) ? 'so_2' : /^so\b/.test(last) ? 'so' : 'other';
  return { indicator: head, filter: theo, isPercent: filters.some((f) => /^phan_tram\b/.test(f)), format };
}

/** Words and a few punctuation marks, lower case; numbers become '#'. */
export function tokenise(text: string): string[] {
  const normal = text.normalize('NFC').toLowerCase().replace(/\d[\d.,]*\s?%?/g, ' # ');
  return normal.match(new RegExp(`${SLOT}|#|[\\p{L}]+|[():;]`, 'gu')) ?? [];
}

function generic(token: string): string {
  return token === SLOT ? '#' : token;
}

export interface MatchFiguresInput {
  readonly numbers: readonly LegacyNumber[];
  readonly slots: readonly TemplateSlot[];
  /** Indicators by code (the catalogue); a slot whose indicator is unknown or derived is never sure. */
  readonly indicator: (code: string) => Pick<Indicator, 'code' | 'unit' | 'kind'> | undefined;
  /** The template section an imported section lands in, or null. */
  readonly sectionOf: (legacySection: string) => string | null;
}

/** The best slot of each number whose words match, marked sure when unit and section agree too. */
export function matchFigures({ numbers, slots, indicator, sectionOf }: MatchFiguresInput): FigureMatch[] {
  const out: FigureMatch[] = [];
  // Slots by the word just before and just after them: a number is compared only with
  // the slots that share one of its neighbours (agreement starts at the number).
  const byLeft = new Map<string, TemplateSlot[]>();
  const byRight = new Map<string, TemplateSlot[]>();
  const index = (map: Map<string, TemplateSlot[]>, key: string, slot: TemplateSlot): void => {
    let list = map.get(key);
    if (!list) map.set(key, (list = []));
    list.push(slot);
  };
  for (const slot of slots) {
    index(byLeft, slot.left[slot.left.length - 1] ?? '', slot);
    index(byRight, slot.right[0] ?? '', slot);
  }
  for (const number of numbers) {
    const before = tokenise(number.before).slice(-CONTEXT);
    const after = tokenise(number.after).slice(0, CONTEXT);
    const candidates = new Set([...(byLeft.get(before[before.length - 1] ?? '\u0000') ?? []), ...(byRight.get(after[0] ?? '\u0000') ?? [])]);
    let best: { slot: TemplateSlot; score: number } | null = null;
    let ambiguous = false;
    for (const slot of candidates) {
      if (slot.isPercent !== number.isPercent) continue;
      const score = agreeBackward(before, slot.left) + agreeForward(after, slot.right);
      if (score < MIN_SCORE) continue;
      if (best === null || score > best.score) {
        best = { slot, score };
        ambiguous = false;
      } else if (score === best.score && (slot.indicator !== best.slot.indicator || slot.filter !== best.slot.filter)) {
        ambiguous = true;
      }
    }
    if (!best) continue;
    const { slot, score } = best;
    const found = indicator(slot.indicator);
    const reason = ((): { sure: boolean; reason: string } => {
      if (ambiguous) return { sure: false, reason: `câu chữ khớp nhiều chỉ tiêu như nhau (${slot.indicator} và chỉ tiêu khác)` };
      if (!found) return { sure: false, reason: `chỉ tiêu ${slot.indicator} chưa được khai báo` };
      if (found.kind === 'derived') return { sure: false, reason: `${slot.indicator} là chỉ tiêu tính toán, không nhập số liệu` };
      if (sectionOf(number.section) !== slot.section) return { sure: false, reason: `câu chữ giống ${slot.indicator} nhưng ở mục khác của báo cáo` };
      const unit = foldedWords(found.unit);
      const written = foldedWords(number.after);
      const unitWritten = unit.length > 0 && unit.every((w, i) => written[i] === w);
      const templateWritesUnit = unit.length > 0 && unit.every((w, i) => foldedWords(slot.right.join(' '))[i] === w);
      if (templateWritesUnit && !unitWritten) {
        return { sure: false, reason: `câu chữ giống ${slot.indicator} nhưng đơn vị tính khác (${number.after.split(/\s+/).slice(0, 2).join(' ')} ≠ ${found.unit})` };
      }
      if (!unitWritten && score < STRONG_SCORE) return { sure: false, reason: `không ghi đơn vị tính (${found.unit}) và câu chữ khớp chưa đủ` };
      return { sure: true, reason: `khớp câu chữ (${score} từ), đơn vị tính và mục với ${slot.indicator}` };
    })();
    out.push({ number, slot, score, ...reason });
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
