// The dependency direction of docs/ARCHITECTURE.md is enforced by lint; these
// tests prove the rule bites, so a broken rule cannot pass silently.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ESLint } from 'eslint';

const eslint = new ESLint();

async function ruleMessages(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'baocao/dependency-direction').map((m) => m.message);
}

describe('dependency-direction lint rule', () => {
  const cases: { file: string; code: string; forbidden: boolean }[] = [
    { file: 'src/core/x.ts', code: "import fs from 'node:fs';\nexport const a = fs;", forbidden: true },
    { file: 'src/core/x.ts', code: "import { Kysely } from 'kysely';\nexport const a = Kysely;", forbidden: true },
    { file: 'src/core/x.ts', code: "import { a } from '../storage/y.ts';\nexport const b = a;", forbidden: true },
    { file: 'src/core/x.ts', code: "import { a } from '../app/y.ts';\nexport const b = a;", forbidden: true },
    { file: 'src/core/x.ts', code: "import { parsePeriod } from './period.ts';\nexport const a = parsePeriod;", forbidden: false },
    { file: 'src/core/x.ts', code: "import { Liquid } from 'liquidjs';\nexport const a = Liquid;", forbidden: false },
    { file: 'src/app/x.ts', code: "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;", forbidden: true },
    { file: 'src/app/x.ts', code: "import { a } from '../storage/y.ts';\nexport const b = a;", forbidden: true },
    { file: 'src/storage/x.ts', code: "import { a } from '../render/y.ts';\nexport const b = a;", forbidden: true },
    { file: 'src/render/x.ts', code: "import { a } from '../cli/y.ts';\nexport const b = a;", forbidden: true },
    { file: 'src/cli/x.ts', code: "import { a } from '../storage/y.ts';\nexport const b = a;", forbidden: false },
    { file: 'src/core/x.test.ts', code: "import assert from 'node:assert/strict';\nexport const a = assert;", forbidden: false },
    { file: 'src/core/x.test.ts', code: "import fs from 'node:fs';\nexport const a = fs;", forbidden: true },
  ];
  for (const c of cases) {
    it(`${c.forbidden ? 'rejects' : 'allows'} ${JSON.stringify(c.code.split('\n')[0])} in ${c.file}`, async () => {
      const messages = await ruleMessages(c.file, c.code);
      assert.equal(messages.length > 0, c.forbidden, messages.join('; '));
    });
  }
});
