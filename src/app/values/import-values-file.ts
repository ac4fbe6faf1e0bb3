// Imports a values file uploaded by a user (DHIS2 JSON or CSV, ADX, an XLSX form,
// already parsed by src/exchange): every unit it names must be in the caller's write
// scope and no period it touches may be locked, checked before anything is written;
// then the same atomic import as the CLI. The summary is returned, conflicts included,
// for the caller to present (the API turns an ERROR into 400 like PUT /api/values).
import { importValues } from './import-values.ts';
import { actorOf } from '../accounts/principal.ts';
import type { Principal } from '../accounts/principal.ts';
import type { Store } from '../ports.ts';
import type { ImportSummary, ParsedValues } from './value-import.ts';
import { assertRowsWritable } from './write-values.ts';

export async function importValuesFile({ store, principal, parsed, dryRun = false, skipConflicts = false, now = new Date() }: {
  store: Store; principal: Principal; parsed: ParsedValues; dryRun?: boolean; skipConflicts?: boolean; now?: Date;
}): Promise<ImportSummary> {
  await assertRowsWritable({ store, principal, rows: parsed.rows });
  return importValues({ store, parsed, dryRun, skipConflicts, actor: actorOf(principal), principal, now: () => now });
}
