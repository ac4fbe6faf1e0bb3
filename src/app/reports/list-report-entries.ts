// The entries of one kind (items, documents, plan) of a report, with their versions,
// for a reader of the report (the route checks the reader's scope).
import type { Store } from '../ports.ts';
import type { Versioned } from './report-ports.ts';
import { loadReportScope } from './report-entry-scope.ts';
import type { EntryKind, ReportScope } from './report-entry-scope.ts';
import { entryAccess } from './write-report-entry.ts';
import type { ReportEntry } from './write-report-entry.ts';

/** The entries of one kind of a report, for a reader of the report. */
export async function listReportEntries({ store, orgUnit, period, kind }: {
  store: Store; orgUnit: string; period: string; kind: EntryKind;
}): Promise<{ report: ReportScope['report']; entries: Versioned<ReportEntry>[] }> {
  const scope = await loadReportScope(store, orgUnit, period);
  return { report: scope.report, entries: await entryAccess(store, kind).list(scope.report.id) };
}
