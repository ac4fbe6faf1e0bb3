import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parsePeriod } from '../../../src/core/period.ts';
import { partState } from './completeness.ts';

test('a part is on time up to the 15th of the month, late after, overdue when still missing', () => {
  const april = parsePeriod('2022-04');
  const cases: [string, 'draft' | 'submitted', string | null, string, string][] = [
    ['submitted on the deadline', 'submitted', '2022-04-15T09:00:00Z', '2022-05-01', 'on_time'],
    ['submitted the day after', 'submitted', '2022-04-16T01:00:00Z', '2022-05-01', 'late'],
    ['missing before the deadline', 'draft', null, '2022-04-10', 'missing'],
    ['missing after the deadline', 'draft', null, '2022-04-16', 'overdue'],
  ];
  for (const [name, status, submittedAt, today, expected] of cases) {
    assert.equal(partState({ status, submittedAt }, april, today), expected, name);
  }
});
