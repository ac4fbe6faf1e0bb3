// `baocao metadata export [--format yaml|json] [--out FILE]`.
import { exportMetadata } from '../../app/metadata/export-metadata.ts';
import { serializeMetadata } from '../../exchange/metadata-file.ts';
import { expectPositionals, oneOf, optionalString } from '../args.ts';
import type { CommandContext } from '../command.ts';
import { writeUserFile } from '../files.ts';
import { withStore } from '../store.ts';

export async function run({ args, io, env, helpCommand }: CommandContext): Promise<number> {
  expectPositionals(args, [], helpCommand);
  const format = oneOf(args, 'format', ['yaml', 'json'] as const, 'yaml', helpCommand);
  const out = optionalString(args, 'out');
  const metadata = await withStore(env, (store) => exportMetadata({ store }));
  const text = serializeMetadata({ ...metadata, orgUnits: [...metadata.orgUnits], disaggregations: [...metadata.disaggregations], indicators: [...metadata.indicators], validationRules: [...metadata.validationRules], templates: [...(metadata.templates ?? [])], optionCombos: [...(metadata.optionCombos ?? [])] }, format);
  if (out) {
    await writeUserFile(out, text);
    io.err(`Đã xuất danh mục ra ${out}.`);
  } else io.write(text);
  return 0;
}
