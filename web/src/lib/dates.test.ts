import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDate, formatDateTime } from './dates.ts';

test('dates read dd/mm/yyyy with two-digit day and month', () => {
  assert.equal(formatDate('2022-04-05'), '05/04/2022');
  assert.equal(formatDate('2022-12-15'), '15/12/2022');
  assert.equal(formatDate(null), '');
  assert.equal(formatDate('không phải ngày'), 'không phải ngày');
});

test('moments add the local hour and minute (TZ=UTC in the test runner)', () => {
  assert.equal(formatDateTime('2022-05-03T07:04:00.000Z'), '03/05/2022 07:04');
  assert.equal(formatDateTime('2022-05-03'), '03/05/2022');
});
