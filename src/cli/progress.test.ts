import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Io } from './command.ts';
import { PROGRESS_MIN_ROWS, progressBar } from './progress.ts';

function fakeIo(stderrIsTty: boolean): { io: Io; written: string[] } {
  const written: string[] = [];
  const io: Io = { write: () => undefined, out: () => undefined, err: () => undefined, writeErr: (text) => written.push(text), stderrIsTty };
  return { io, written };
}

test('big files on a terminal get a bar that ends at 100% on its own line', () => {
  const { io, written } = fakeIo(true);
  const report = progressBar(io, PROGRESS_MIN_ROWS + 1, 'Đang nhập');
  assert.ok(report);
  report(2_500, 5_001);
  report(5_001, 5_001);
  assert.match(written[0] ?? '', /^\rĐang nhập \[#+\.+\] 49% \(2500\/5001\)$/);
  assert.match(written[1] ?? '', /100% \(5001\/5001\)/);
  assert.equal(written[2], '\n');
});

test('no bar for small files, or when stderr is not a terminal (pipes, logs)', () => {
  assert.equal(progressBar(fakeIo(true).io, PROGRESS_MIN_ROWS, 'x'), undefined);
  assert.equal(progressBar(fakeIo(false).io, 1_000_000, 'x'), undefined);
});
