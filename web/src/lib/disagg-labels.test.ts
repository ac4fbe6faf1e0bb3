import assert from 'node:assert/strict';
import { test } from 'node:test';
import { coreKey, disaggLabel, knownOptions } from './disagg-labels.ts';

const catalogue = [
  { code: 'channel', name: 'Kênh', options: [{ code: 'direct', name: 'Trực tiếp' }, { code: 'online', name: 'Trực tuyến' }] },
  { code: 'level', name: 'Cấp', options: [{ code: 'province', name: 'Cấp tỉnh' }, { code: 'commune', name: 'Cấp xã' }] },
];

test('column headings come from the catalogue the server sends', () => {
  const cases: [string, string][] = [
    ['', 'Tổng'],
    ['default', 'Tổng'],
    ['channel=online', 'Trực tuyến'],
    ['channel=direct;level=province', 'Trực tiếp · Cấp tỉnh'],
    ['channel=fax', 'fax'],
  ];
  for (const [key, label] of cases) assert.equal(disaggLabel(catalogue, key), label, key);
  assert.deepEqual(knownOptions(catalogue, 'level'), ['province', 'commune']);
  assert.deepEqual(knownOptions(catalogue, 'unknown'), []);
  assert.equal(coreKey('default'), '');
});
