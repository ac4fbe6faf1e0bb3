import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cellId, liveFindings } from './live-findings.ts';

const dossiers = { code: 'dvc.dossiers', valueType: 'integer' };

test('findings a user sees beside the cells while typing', async (t) => {
  const cases: { name: string; texts: Record<string, string>; expected: { cell: string; includes: string; blocking: boolean }[] }[] = [
    { name: 'Vietnamese thousands are accepted and add up', texts: { '': '20.601', 'channel=direct': '10.000', 'channel=online': '10.601' }, expected: [] },
    { name: 'parts that do not add up flag the total', texts: { '': '20.601', 'channel=direct': '10.000', 'channel=online': '10.600' }, expected: [{ cell: cellId('dvc.dossiers', ''), includes: 'Tổng (20.601) khác tổng các phân tổ (20.600)', blocking: false }] },
    { name: 'a foreign decimal point is refused, not guessed', texts: { '': '1.23' }, expected: [{ cell: cellId('dvc.dossiers', ''), includes: 'không rõ nghĩa', blocking: true }] },
    { name: 'a decimal in a whole-number indicator', texts: { 'channel=online': '12,5' }, expected: [{ cell: cellId('dvc.dossiers', 'channel=online'), includes: 'số nguyên', blocking: true }] },
    { name: 'a negative count', texts: { '': '-3' }, expected: [{ cell: cellId('dvc.dossiers', ''), includes: 'không được âm', blocking: true }] },
    { name: 'text is not a number', texts: { '': 'abc' }, expected: [{ cell: cellId('dvc.dossiers', ''), includes: 'không phải là số', blocking: true }] },
    { name: 'empty cells and a total alone are fine', texts: { '': '5', 'channel=direct': '' }, expected: [] },
  ];
  for (const c of cases) {
    await t.test(c.name, () => {
      const findings = liveFindings(dossiers, c.texts);
      assert.equal(findings.length, c.expected.length, JSON.stringify(findings));
      c.expected.forEach((e, i) => {
        assert.equal(findings[i]?.cell, e.cell);
        assert.ok(findings[i]?.message.includes(e.includes), findings[i]?.message);
        assert.equal(findings[i]?.blocking, e.blocking, 'a wrong sum is saved (the seed has one); an unreadable number is not');
      });
    });
  }
});
