import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { CliError } from './cli-error.ts';
import { readUserFile, writeUserFile } from './files.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'baocao-files-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** The CliError a call fails with (exit code and the one line the user reads). */
async function failure(work: () => Promise<unknown>): Promise<{ exitCode: number; message: string }> {
  try {
    await work();
  } catch (error) {
    assert.ok(error instanceof CliError, `expected a CliError, got ${String(error)}`);
    return { exitCode: error.exitCode, message: error.message };
  }
  assert.fail('expected a failure');
}

const cases: { name: string; work: () => Promise<unknown>; message: string }[] = [
  { name: 'reading a missing file', work: () => readUserFile(path.join(dir, 'khong-co.csv')), message: `Không đọc được tệp "${path.join(dir, 'khong-co.csv')}": không tồn tại.` },
  { name: 'reading a folder', work: () => readUserFile(dir), message: `Không đọc được tệp "${dir}": là một thư mục, không phải tệp.` },
  {
    name: 'writing into a folder that does not exist', work: () => writeUserFile(path.join(dir, 'khong-co', 'so-lieu.json'), '{}'),
    message: `Không ghi được tệp "${path.join(dir, 'khong-co', 'so-lieu.json')}": thư mục chứa tệp không tồn tại.`,
  },
  { name: 'writing over a folder', work: () => writeUserFile(dir, '{}'), message: `Không ghi được tệp "${dir}": là một thư mục, không phải tệp.` },
];

for (const c of cases) {
  test(`${c.name}: one Vietnamese line naming the file, exit code 2`, async () => {
    assert.deepEqual(await failure(c.work), { exitCode: 2, message: c.message });
  });
}

test('a written file reads back the same', async () => {
  const file = path.join(dir, 'so-lieu.csv');
  await writeUserFile(file, 'dataelement,period\n');
  assert.equal(readFileSync(file, 'utf8'), 'dataelement,period\n');
  assert.equal(await readUserFile(file), 'dataelement,period\n');
});
