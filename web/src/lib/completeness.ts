// Completeness of a report's parts: submitted on time, submitted late, or missing
// (and whether the deadline has passed), judged against the period's deadline.
import { reportDeadline } from '../../../src/core/period.ts';
import type { Period } from '../../../src/core/period.ts';
import type { PartView } from '../api/types.ts';

export type PartState = 'on_time' | 'late' | 'missing' | 'overdue';

export const PART_STATE_LABELS: Readonly<Record<PartState, string>> = {
  on_time: 'Đã nộp đúng hạn',
  late: 'Nộp muộn',
  missing: 'Chưa nộp',
  overdue: 'Chưa nộp, quá hạn',
};

/** `today` and `submittedAt` are compared as dates (YYYY-MM-DD); the deadline day itself is on time. */
export function partState(part: Pick<PartView, 'status' | 'submittedAt'>, period: Period, today: string): PartState {
  const deadline = reportDeadline(period);
  if (part.status === 'submitted') {
    const day = (part.submittedAt ?? '').slice(0, 10);
    return day !== '' && day > deadline ? 'late' : 'on_time';
  }
  return today > deadline ? 'overdue' : 'missing';
}
