// The demo department as a real one: every figure of its monthly form is entered by
// exactly one unit, stored on that unit, and that unit has a demo account to enter it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO_ACCOUNTS } from '../../app/accounts/create-demo-accounts.ts';
import { can } from '../../core/access.ts';
import { Catalogue } from '../../core/indicator.ts';
import { OrgTree } from '../../core/org-unit.ts';
import { flattenSections } from '../../core/report-template.ts';
import { reportForm } from '../../core/reporting-units.ts';
import { loadDemo } from './load-demo.ts';

const demo = loadDemo();
const { catalogue } = Catalogue.build(demo.metadata);
const { tree } = OrgTree.build(demo.metadata.orgUnits);
const template = demo.templates.find((t) => t.code === 'stttt-monthly');
assert.ok(template);
const form = reportForm({ template, catalogue, tree, reportUnit: 'stttt-travinh' });

test('no indicator of the demo form has two reporting units', () => {
  assert.deepEqual(form.conflicts, []);
});

test('every stored indicator of the demo catalogue is on the form, entered by a division, never by the department itself', () => {
  const stored = catalogue.indicators().filter((i) => i.kind !== 'derived').map((i) => i.code).sort();
  assert.deepEqual([...form.assignments.keys()].sort(), stored);
  for (const assignment of form.assignments.values()) {
    assert.notEqual(assignment.reportingUnit, 'stttt-travinh', assignment.indicator);
    assert.ok(tree.isWithin(assignment.reportingUnit, 'stttt-travinh'), assignment.indicator);
  }
});

test('every demo value is stored on the unit that reports it, so the department counts each once', () => {
  const misplaced = demo.values
    .filter((v) => form.assignments.get(v.indicator)?.reportingUnit !== v.orgUnit)
    .map((v) => `${v.period} ${v.indicator} @${v.orgUnit} (→ ${form.assignments.get(v.indicator)?.reportingUnit ?? '?'})`);
  assert.deepEqual(misplaced, []);
  assert.deepEqual([...new Set(demo.values.map((v) => v.orgUnit))].sort(), ['stttt-bcvt', 'stttt-ttbcxb', 'stttt-ttcntt', 'stttt-ttra', 'stttt-vp']);
});

test('every unit that owns a section or reports a figure has a demo account that may write there', () => {
  const owners = new Set([
    ...flattenSections(template.sections).flatMap((s) => (s.owner ? [s.owner] : [])),
    ...[...form.assignments.values()].map((a) => a.reportingUnit),
  ]);
  for (const owner of owners) {
    const path = tree.get(owner)?.path ?? '';
    const writers = DEMO_ACCOUNTS.filter((a) => a.role !== 'admin' && can([{ role: a.role, orgUnit: a.orgUnit, path: tree.get(a.orgUnit)?.path ?? '' }], 'write_values', path));
    assert.ok(writers.length > 0, `no demo account writes for ${owner}`);
    // A division's own account, not only the office above it.
    if (owner !== 'stttt-vp') assert.ok(writers.some((a) => a.orgUnit === owner), `${owner} has its own account`);
  }
});

test('March and April load issued with their numbers and dates; May is the open month with April\'s plan to review', () => {
  const byPeriod = new Map(demo.reports.map((r) => [r.period, r]));
  assert.deepEqual([...byPeriod.keys()].sort(), ['2022-03', '2022-04', '2022-05']);
  assert.deepEqual([byPeriod.get('2022-03')?.state?.status, byPeriod.get('2022-03')?.number, byPeriod.get('2022-03')?.date], ['issued', 4, '2022-03-15']);
  assert.deepEqual([byPeriod.get('2022-04')?.state?.status, byPeriod.get('2022-04')?.number, byPeriod.get('2022-04')?.date], ['issued', 5, '2022-04-15']);
  const may = byPeriod.get('2022-05');
  assert.equal(may?.state, undefined);
  assert.deepEqual([may?.number, may?.date], [null, null]);
  const aprilPlan = (byPeriod.get('2022-04')?.plan ?? []).filter((p) => p.forPeriod === '2022-05');
  const review = (may?.plan ?? []).filter((p) => p.forPeriod === '2022-05');
  assert.equal(review.length, 8);
  assert.deepEqual(review.map((p) => p.text), aprilPlan.map((p) => p.text));
  assert.ok(review.every((p) => p.status === null));
});
