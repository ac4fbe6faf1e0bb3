import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyWorkflowAction, findLockingReport, formatReportNumber, initialWorkflowState, nextReportNumber, permissionFor, timeliness } from './workflow.ts';
import type { WorkflowRequest, WorkflowResult, WorkflowState } from './workflow.ts';

const AT = '2022-04-13T08:00:00.000Z';
const req = (action: WorkflowRequest['action'], extra: Partial<WorkflowRequest> = {}): WorkflowRequest => ({ action, at: AT, today: '2022-04-15', ...extra });

function expectOk(result: WorkflowResult): WorkflowState {
  if (!result.ok) assert.fail(`refused: ${result.code} ${result.message}`);
  return result.state;
}

test('the April report goes from two division drafts to issued number 06 with the date', () => {
  let state = initialWorkflowState(['bcvt', 'thanhtra']);
  state = expectOk(applyWorkflowAction(state, req('submit', { part: 'bcvt' })));
  const early = applyWorkflowAction(state, req('compile'));
  assert.equal(early.ok, false);
  assert.equal(!early.ok && early.code, 'parts_not_submitted');
  assert.match(!early.ok ? early.message : '', /thanhtra/);
  state = expectOk(applyWorkflowAction(state, req('submit', { part: 'thanhtra' })));
  state = expectOk(applyWorkflowAction(state, req('compile')));
  state = expectOk(applyWorkflowAction(state, req('approve')));
  state = expectOk(applyWorkflowAction(state, req('issue', { nextNumber: 6 })));
  assert.equal(state.status, 'issued');
  assert.equal(state.number, 6);
  assert.equal(state.date, '2022-04-15');
  assert.equal(formatReportNumber(state.number ?? 0, 'BC-STTTT'), '06/BC-STTTT');
});

test('a returned part needs a reason and goes back to draft with it', () => {
  let state = expectOk(applyWorkflowAction(initialWorkflowState(['bcvt']), req('submit', { part: 'bcvt' })));
  const noReason = applyWorkflowAction(state, req('return', { part: 'bcvt', reason: '  ' }));
  assert.equal(!noReason.ok && noReason.code, 'reason_required');
  state = expectOk(applyWorkflowAction(state, req('return', { part: 'bcvt', reason: 'Thiếu số liệu QR' })));
  assert.deepEqual(state.parts['bcvt'], { status: 'draft', submittedAt: AT, returnReason: 'Thiếu số liệu QR' });
});

test('transitions out of order are refused with the current status named', () => {
  const table: [string, WorkflowState, WorkflowRequest, string][] = [
    ['approve a draft', initialWorkflowState([]), req('approve'), 'invalid_transition'],
    ['issue a compiled report', { ...initialWorkflowState([]), status: 'compiled' }, req('issue', { nextNumber: 1 }), 'invalid_transition'],
    ['submit after compile', { ...initialWorkflowState(['bcvt']), status: 'compiled' }, req('submit', { part: 'bcvt' }), 'invalid_transition'],
    ['submit twice', { ...initialWorkflowState([]), parts: { bcvt: { status: 'submitted' } } }, req('submit', { part: 'bcvt' }), 'invalid_transition'],
    ['submit for a unit without a part', initialWorkflowState(['bcvt']), req('submit', { part: 'syt' }), 'unknown_part'],
    ['reopen without reason', { ...initialWorkflowState([]), status: 'issued' }, req('reopen'), 'reason_required'],
    ['reopen a draft', initialWorkflowState([]), req('reopen', { reason: 'x' }), 'invalid_transition'],
  ];
  for (const [name, state, request, code] of table) {
    const result = applyWorkflowAction(state, request);
    assert.equal(result.ok ? 'ok' : result.code, code, name);
  }
  const refused = applyWorkflowAction(initialWorkflowState([]), req('approve'));
  assert.match(!refused.ok ? refused.message : '', /đang soạn/);
});

test('reopening an issued report keeps its number when issued again', () => {
  const issued: WorkflowState = { status: 'issued', parts: {}, number: 6, date: '2022-04-15' };
  let state = expectOk(applyWorkflowAction(issued, req('reopen', { reason: 'Sai số liệu iOffice' })));
  assert.equal(state.status, 'draft');
  assert.equal(state.reason, 'Sai số liệu iOffice');
  state = expectOk(applyWorkflowAction(state, req('compile')));
  state = expectOk(applyWorkflowAction(state, req('approve')));
  state = expectOk(applyWorkflowAction(state, req('issue', { nextNumber: 9, today: '2022-04-20' })));
  assert.equal(state.number, 6);
  assert.equal(state.date, '2022-04-20');
});

test('the leader can return a compiled report to draft', () => {
  const state = expectOk(applyWorkflowAction({ ...initialWorkflowState([]), status: 'compiled' }, req('return', { reason: 'Bổ sung' })));
  assert.equal(state.status, 'draft');
});

test('permissions: part actions on the division, the rest on the report unit', () => {
  assert.deepEqual(permissionFor({ action: 'submit', part: 'bcvt' }), { action: 'submit_part', on: 'part' });
  assert.deepEqual(permissionFor({ action: 'return', part: 'bcvt' }), { action: 'return_part', on: 'part' });
  assert.deepEqual(permissionFor({ action: 'return' }), { action: 'return_report', on: 'report' });
  assert.deepEqual(permissionFor({ action: 'reopen' }), { action: 'reopen', on: 'report' });
});

test('numbers run from 01 each year and continue after the largest used', () => {
  assert.equal(nextReportNumber([]), 1);
  assert.equal(nextReportNumber([1, 5, 3]), 6);
  assert.equal(formatReportNumber(12, 'BC-STTTT'), '12/BC-STTTT');
});

test('an issued report locks its unit and the divisions under it for that period only', () => {
  const reports = [{ orgUnit: 'stttt', path: '/tinh/stttt', period: '2022-04', status: 'issued' as const }, { orgUnit: 'syt', path: '/tinh/syt', period: '2022-04', status: 'approved' as const }];
  assert.equal(findLockingReport(reports, '/tinh/stttt', '2022-04')?.orgUnit, 'stttt');
  assert.equal(findLockingReport(reports, '/tinh/stttt/bcvt', '2022-04')?.orgUnit, 'stttt');
  assert.equal(findLockingReport(reports, '/tinh/stttt', '2022-05'), undefined);
  assert.equal(findLockingReport(reports, '/tinh/syt', '2022-04'), undefined);
  assert.equal(findLockingReport(reports, '/tinh', '2022-04'), undefined);
});

test('timeliness against the 15th', () => {
  assert.equal(timeliness('2022-05-15T09:00:00.000Z', '2022-05-15'), 'on_time');
  assert.equal(timeliness('2022-05-16T01:00:00.000Z', '2022-05-15'), 'late');
  assert.equal(timeliness(null, '2022-05-15'), 'missing');
});
