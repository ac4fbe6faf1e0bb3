// `baocao values export --org CODE --period P`: DHIS2 JSON or CSV to stdout or a file.
import { exportValues } from '../../app/export-values.ts';
import { serializeValues } from '../../exchange/values-file.ts';
import { expectPositionals, flag, oneOf, optionalString, requirePeriod, requireString } from '../args.ts';
import { CliError } from '../cli-error.ts';
import type { CommandContext } from '../command.ts';
import { writeUserFile } from '../files.ts';
import { formatNumberVi } from '../format.ts';
import { withStore } from '../store.ts';

export async function run({ args, io, env, helpCommand }: CommandContext): Promise<number> {
  expectPositionals(args, [], helpCommand);
  const orgUnit = requireString(args, 'org', helpCommand);
  const period = requirePeriod(args, helpCommand);
  const format = oneOf(args, 'format', ['json', 'csv'] as const, 'json', helpCommand);
  const out = optionalString(args, 'out');
  const result = await withStore(env, (store) => exportValues({ store, orgUnit, period, children: flag(args, 'children') }));
  if (!result.ok) throw new CliError(2, result.problem);
  const text = serializeValues(result.values, format);
  if (out) {
    await writeUserFile(out, text);
    io.err(`Đã xuất ${formatNumberVi(result.values.length)} số liệu ra ${out}.`);
  } else io.write(text);
  return 0;
}
