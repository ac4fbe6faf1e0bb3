import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { OrgUnit, PeriodsView, ReportSummary } from '../api/types.ts';
import { reportUnitOf, resolveScope, shortPeriodLabel } from './work-scope.ts';

const unit = (code: string, parentCode: string | null, path: string, kind: string): OrgUnit => ({
  code, name: code, shortName: null, parentCode, level: path.split('/').length - 1, path, kind, openingDate: null, closingDate: null,
});
const PROVINCE = unit('travinh', null, '/travinh', 'province');
const DEPT = unit('stttt', 'travinh', '/travinh/stttt', 'department');
const BCVT = unit('bcvt', 'stttt', '/travinh/stttt/bcvt', 'division');
const CENTRE = unit('ttcntt', 'stttt', '/travinh/stttt/ttcntt', 'centre');
const SUB = unit('kthtdl', 'ttcntt', '/travinh/stttt/ttcntt/kthtdl', 'division');

const summary = (period: string, status: ReportSummary['status']): ReportSummary => ({
  orgUnit: 'stttt', orgUnitName: 'Sở', period, periodLabel: period, status, statusLabel: status, numberText: null, date: null,
  deadline: `${period}-15`, issuedAt: null, isOpen: status !== 'issued',
});
const PERIODS: PeriodsView = {
  today: '2026-12-02',
  landing: { orgUnit: 'stttt', period: '2022-05' },
  units: [{ orgUnit: 'stttt', name: 'Sở', shortName: null, canCreate: false, nextPeriod: null }],
  reports: [summary('2022-05', 'draft'), summary('2022-04', 'issued'), summary('2022-03', 'issued')],
};

test('a division lands on its own unit, inside its department\'s open report', () => {
  const scope = resolveScope({ units: [BCVT], periods: PERIODS, orgParam: null, periodParam: null });
  assert.equal(scope.org, 'bcvt');
  assert.equal(scope.reportOrg, 'stttt');
  assert.equal(scope.period, '2022-05');
  assert.equal(scope.report?.status, 'draft');
  assert.equal(scope.isPart, true);
});

test('a division given its department in the URL works on its own part of it', () => {
  const scope = resolveScope({ units: [BCVT], periods: PERIODS, orgParam: 'stttt', periodParam: '2022-04' });
  assert.equal(scope.org, 'bcvt');
  assert.equal(scope.period, '2022-04');
  assert.equal(scope.report?.status, 'issued');
});

test('the office and a viewer of the province land on the department\'s report', () => {
  const office = resolveScope({ units: [DEPT, BCVT, CENTRE, SUB], periods: PERIODS, orgParam: null, periodParam: null });
  assert.deepEqual([office.org, office.reportOrg, office.period, office.isPart], ['stttt', 'stttt', '2022-05', false]);
  const viewer = resolveScope({ units: [PROVINCE, DEPT, BCVT], periods: PERIODS, orgParam: null, periodParam: null });
  assert.equal(viewer.org, 'stttt');
});

test('a unit under a centre belongs to the department\'s report; a unit with none has no report', () => {
  const units = [DEPT, BCVT, CENTRE, SUB];
  assert.equal(reportUnitOf('kthtdl', units, new Set(['stttt'])), 'stttt');
  assert.equal(reportUnitOf('travinh', [PROVINCE, DEPT], new Set(['stttt'])), undefined);
  const province = resolveScope({ units: [PROVINCE, DEPT], periods: PERIODS, orgParam: 'travinh', periodParam: null });
  assert.equal(province.reportOrg, undefined);
  assert.equal(province.report, null);
});

test('a period without a report is kept (the page offers to create it); no landing falls back to the latest report', () => {
  const next = resolveScope({ units: [DEPT], periods: PERIODS, orgParam: 'stttt', periodParam: '2022-06' });
  assert.equal(next.period, '2022-06');
  assert.equal(next.report, null);
  const latest = resolveScope({ units: [DEPT], periods: { ...PERIODS, landing: null }, orgParam: null, periodParam: null });
  assert.equal(latest.period, '2022-05');
  assert.equal(shortPeriodLabel('2022-05'), 'tháng 5/2022');
});
