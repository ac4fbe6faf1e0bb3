// Imports a values file uploaded by a user (DHIS2 JSON or CSV, ADX, an XLSX form,
// already parsed by src/exchange): the same atomic import as the CLI, for the caller's
// write scope (every unit the file names must be in it) and open periods only, both
// checked by importValues (value-write-policy.ts). The summary is returned, conflicts included,
// for the caller to present (the API turns an ERROR into 400 like PUT /api/values).
import { importValues } from './import-values.ts';
import { actorOf } from '../accounts/principal.ts';
import type { Principal } from '../accounts/principal.ts';
import type { Store } from '../ports.ts';
import type { IdSchemes } from '../../core/dhis2-ids.ts';
import type { ImportStrategy, ImportSummary, ParsedValues } from './value-import.ts';

export async function importValuesFile({ store, principal, parsed, dryRun = false, skipConflicts = false, importStrategy, idSchemes, now = new Date() }: {
  store: Store; principal: Principal; parsed: ParsedValues; dryRun?: boolean; skipConflicts?: boolean; importStrategy?: ImportStrategy; idSchemes?: IdSchemes; now?: Date;
}): Promise<ImportSummary> {
  return importValues({
    store, parsed, dryRun, skipConflicts, ...(importStrategy ? { importStrategy } : {}), ...(idSchemes ? { idSchemes } : {}), actor: actorOf(principal), principal, now: () => now,
  });
}
