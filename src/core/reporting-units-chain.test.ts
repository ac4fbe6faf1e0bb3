// Which reports bind a unit: its own, and every report above it whose form it takes part
// in (a division of a department), but not a report it only sits under (a district
// beside the others in a province's form).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { OrgTree } from './org-unit.ts';
import { governingReports, takesPart } from './reporting-units.ts';
import type { ReportForm } from './reporting-units.ts';

const { tree } = OrgTree.build([
  { code: 'tinh', name: 'Tỉnh', kind: 'province', parentCode: null },
  { code: 'so', name: 'Sở', kind: 'department', parentCode: 'tinh' },
  { code: 'phong', name: 'Phòng', kind: 'division', parentCode: 'so' },
  { code: 'to', name: 'Tổ', kind: 'division', parentCode: 'phong' },
  { code: 'huyen', name: 'Huyện', kind: 'district', parentCode: 'tinh' },
]);

const form = (assignments: Record<string, string>): ReportForm => ({
  assignments: new Map(Object.entries(assignments).map(([indicator, reportingUnit]) => [indicator, { indicator, reportingUnit, section: null }])),
  conflicts: [],
});

test('the reports on the way up, nearest first; an earlier one where a unit has none this period', () => {
  const reports = [
    { orgUnit: 'so', period: '2022-05' },
    { orgUnit: 'phong', period: '2022-05' },
    { orgUnit: 'tinh', period: '2022-04' },
    { orgUnit: 'tinh', period: '2022-Q1' },
  ];
  assert.deepEqual(governingReports(reports, tree, 'to', '2022-05'), [reports[1], reports[0], reports[2]]);
  assert.deepEqual(governingReports(reports, tree, 'huyen', '2022-05'), [reports[2]]);
  assert.deepEqual(governingReports(reports, tree, 'nowhere', '2022-05'), []);
});

test('a unit takes part in a report whose form has figures entered by it, inside it or above it', () => {
  const department = form({ 'ioffice.docs': 'phong', 'dvc.dossiers': 'so' });
  assert.equal(takesPart(department, 'so', 'phong', tree), true, 'the division enters a figure');
  assert.equal(takesPart(department, 'so', 'to', tree), true, 'a team inside the division');
  const province = form({ 'ioffice.docs': 'so' });
  assert.equal(takesPart(province, 'tinh', 'huyen', tree), false, 'a district beside the department');
  assert.equal(takesPart(form({ x: 'tinh' }), 'tinh', 'so', tree), false, 'only the report unit itself enters');
});
