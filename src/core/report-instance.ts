// A report instance (báo cáo): one template filled for one org unit and period, with
// what only people can write: narrative items, the document register, next period's
// plan, the header (number, date, place), the recipients and the signer.
import { dataWindow, daysInMonth, monthsOf } from './period.ts';
import type { IsoDate, Period } from './period.ts';
import type { Signer } from './report-model.ts';

/**
 * A narrative bullet (nội dung) written by a division for a section. Its text may use
 * the same Liquid variables and filters as template text, so a figure quoted in a
 * bullet is still computed from the data. `slot` picks which items block shows it.
 */
export interface NarrativeItem {
  readonly id: string;
  /** Template section id. */
  readonly section: string;
  readonly order: number;
  readonly text: string;
  /** '-' (default), '+', '*', or '' for a plain paragraph. */
  readonly marker?: string | null;
  /** Org unit code of the division that wrote it. */
  readonly owner?: string | null;
  readonly slot?: string | null;
}

/** An entry of the document register (sổ văn bản). */
export interface DocumentEntry {
  readonly id: string;
  /** Template section whose `documents` block lists it. */
  readonly section?: string | null;
  /** Quyết định, Kế hoạch, Công văn, … */
  readonly type: string;
  /** How the document calls itself when cited, if not its type ("Kế hoạch phối hợp"). */
  readonly label?: string | null;
  /** "31"; null when the report cites it without a number. */
  readonly number?: string | null;
  /** "KH-STTTT-BCVTCNTT". */
  readonly symbol?: string | null;
  /** Org unit code or name of the issuer. */
  readonly issuer: string;
  readonly date?: IsoDate | null;
  /** Trích yếu; after "số N/SYMBOL ngày D" when numbered, the whole citation otherwise. */
  readonly summary: string;
  /** False when the report counts the document but does not quote it (its list ends in ";..."). */
  readonly cited?: boolean;
}

export type PlanStatus = 'done' | 'in_progress' | 'not_done' | 'carried_over';
export const PLAN_STATUSES: readonly PlanStatus[] = ['done', 'in_progress', 'not_done', 'carried_over'];

/** One wording for the app and the document: the plan review prints "(Đã thực hiện)". */
export const PLAN_STATUS_LABELS: Readonly<Record<PlanStatus, string>> = {
  done: 'Đã thực hiện',
  in_progress: 'Đang thực hiện',
  not_done: 'Chưa thực hiện',
  carried_over: 'Chuyển sang kỳ sau',
};

/** A line of the plan for a coming period (kế hoạch tháng sau). */
export interface PlanItem {
  readonly id: string;
  readonly order: number;
  readonly text: string;
  /** Canonical period code the plan is for (`2022-05`). */
  readonly forPeriod: string;
  readonly status?: PlanStatus | null;
  /** Narrative items of that period that carried it out. */
  readonly resultItemIds?: readonly string[];
}

export interface ReportInstance {
  /** Template code. */
  readonly template: string;
  readonly orgUnit: string;
  /** Canonical period code (`2022-04`). */
  readonly period: string;
  /** Sequence number in the issuer's year; null before issue. */
  readonly number: number | null;
  readonly date: IsoDate | null;
  readonly place: string;
  readonly governingBody: string;
  readonly issuingBody: string;
  /** "BC-STTTT". */
  readonly symbol: string;
  readonly recipients: readonly string[];
  readonly signer: Signer;
  readonly items: readonly NarrativeItem[];
  readonly documents: readonly DocumentEntry[];
  readonly plan: readonly PlanItem[];
  /** Free values for Liquid under `bien` (cut-off dates of a platform, …). */
  readonly variables?: Readonly<Record<string, string | number>>;
}

/**
 * The plan a previous report wrote for `period`, carried into the new report for review:
 * ids prefixed `review-`, status unset until someone reviews each line.
 */
export function carriedPlanItems(previousPlan: readonly PlanItem[], period: string): PlanItem[] {
  return previousPlan
    .filter((item) => item.forPeriod === period)
    .sort((a, b) => a.order - b.order)
    .map((item) => ({ id: `review-${item.id}`, order: item.order, text: item.text, forPeriod: period, status: null, resultItemIds: [] }));
}

/**
 * The report's own values (`bien`) for the next report: a date inside the previous
 * period's data window ("figures as of 12/4/2022") moves on by the same number of
 * months (12/5/2022), as the next report will state its figures as of the same day;
 * other values (a fixed start date, a text) are kept. The office corrects them if the
 * platform's cut-off moved.
 */
export function carriedVariables(variables: Readonly<Record<string, string | number>>, from: Period, to: Period): Record<string, string | number> {
  const window = dataWindow(from);
  const first = (p: Period) => monthsOf(p)[0] ?? { year: p.year, index: 1 };
  const months = (first(to).year - first(from).year) * 12 + (first(to).index - first(from).index);
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(variables)) {
    const match = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
    if (!match || (value as string) < window.from || (value as string) > window.to) {
      out[name] = value;
      continue;
    }
    const total = Number(match[1]) * 12 + (Number(match[2]) - 1) + months;
    const year = Math.floor(total / 12);
    const month = (total % 12) + 1;
    const day = Math.min(Number(match[3]), daysInMonth(year, month));
    out[name] = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  }
  return out;
}
