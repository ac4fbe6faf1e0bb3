import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canonicalPeriod, monthlySeries, shortMonth } from './series.ts';

test('monthly series read DHIS2 periods, pick the total and sort by month', () => {
  const values = [
    { dataElement: 'qr.scans', period: '202204', orgUnit: 'a', categoryOptionCombo: 'default', value: '300' },
    { dataElement: 'qr.scans', period: '202203', orgUnit: 'a', categoryOptionCombo: 'default', value: '200' },
    { dataElement: 'qr.scans', period: '202204', orgUnit: 'a', categoryOptionCombo: 'channel=online', value: '5' },
    { dataElement: 'other', period: '202204', orgUnit: 'a', categoryOptionCombo: 'default', value: '1' },
  ];
  assert.deepEqual([...monthlySeries(values, 'qr.scans')], [['2022-03', 200], ['2022-04', 300]]);
  assert.deepEqual([...monthlySeries(values, 'qr.scans', 'channel=online')], [['2022-04', 5]]);
  assert.equal(canonicalPeriod('202204'), '2022-04');
  assert.equal(shortMonth('2022-04'), 'T4/2022');
});
