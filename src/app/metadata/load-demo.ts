// Loads the demo department into a store: metadata (through importMetadata, so the
// tree and catalogue are checked the same way as any import), values, templates and
// report instances, in one transaction. Idempotent: a second load counts everything
// as unchanged and writes nothing. Period locks apply as to every write (a figure or
// report text it would change in an issued period is refused, period_locked).
import { dataValueKeyString } from '../../core/data-value.ts';
import type { DataValue } from '../../core/data-value.ts';
import type { ReportInstance } from '../../core/report-instance.ts';
import type { ReportTemplate } from '../../core/report-template.ts';
import { importMetadata } from './import-metadata.ts';
import type { MetadataImportSummary, MetadataProblem, MetadataSet } from './import-metadata.ts';
import type { Store, UpsertCounts } from '../ports.ts';
import { assertReportWritable } from '../reports/report-entry-scope.ts';
import { enforceValueWritePolicy, valueWriteTargets } from '../values/value-write-policy.ts';
import { expectedParts } from '../reports/run-workflow-action.ts';

/** A demo report and, when it was issued, when and by whom (it then loads locked). */
export interface DemoReport extends ReportInstance {
  readonly state?: { readonly status: 'issued'; readonly issuedAt: string; readonly issuedBy: string | null };
}

/** The demo as read from files (src/exchange/demo/load-demo.ts gives this shape). */
export interface DemoSet {
  readonly metadata: MetadataSet;
  readonly values: readonly DataValue[];
  readonly templates: readonly ReportTemplate[];
  readonly reports: readonly DemoReport[];
}

export interface DemoLoadSummary {
  readonly status: 'SUCCESS' | 'ERROR';
  readonly metadata: MetadataImportSummary['counts'];
  readonly values: UpsertCounts;
  readonly templates: UpsertCounts;
  readonly reports: UpsertCounts;
  readonly problems: readonly MetadataProblem[];
}

async function markIssued(store: Store, instance: ReportInstance, state: NonNullable<DemoReport['state']>): Promise<void> {
  const report = await store.reports.find(instance.orgUnit, instance.period, instance.template);
  if (!report) return;
  for (const part of await expectedParts(store, report)) {
    await store.reports.updatePart(report.id, part.division, part.version, { status: 'submitted', submittedAt: state.issuedAt });
  }
  await store.reports.updateState(report.id, report.version, { status: 'issued', issuedAt: state.issuedAt, issuedBy: state.issuedBy });
}

const NONE: UpsertCounts = { imported: 0, updated: 0, unchanged: 0 };

function add(a: UpsertCounts, b: UpsertCounts): UpsertCounts {
  return { imported: a.imported + b.imported, updated: a.updated + b.updated, unchanged: a.unchanged + b.unchanged };
}

export async function loadDemo({ store, demo, actor = 'demo', now = () => new Date() }: {
  store: Store;
  demo: DemoSet;
  actor?: string;
  now?: () => Date;
}): Promise<DemoLoadSummary> {
  return store.transaction(async (tx) => {
    const metadata = await importMetadata({ store: tx, metadata: demo.metadata, actor, now });
    if (metadata.status === 'ERROR') {
      return { status: 'ERROR', metadata: metadata.counts, values: NONE, templates: NONE, reports: NONE, problems: metadata.problems };
    }
    // The operator of the command line writes anywhere, never into a locked period.
    await enforceValueWritePolicy({ store: tx, principal: null, targets: valueWriteTargets(await changedValues(tx, demo.values)) });
    const values = await tx.dataValues.upsertMany(demo.values);
    const templates = await tx.templates.upsertMany(demo.templates);
    let reports = NONE;
    for (const { state, ...instance } of demo.reports) {
      const saved = await tx.reports.saveInstance(instance);
      // Checked after the save, in its transaction: a refusal rolls it back.
      if (saved.imported + saved.updated > 0) await assertReportWritable({ store: tx, orgUnit: instance.orgUnit, period: instance.period });
      reports = add(reports, saved);
      // A report issued in the demo's past loads issued: parts in, number kept, period
      // locked. Only when this load created it: a reopened report stays reopened.
      if (state && saved.imported === 1) await markIssued(tx, instance, state);
    }
    const changed = [values, templates, reports].reduce((n, c) => n + c.imported + c.updated, 0);
    if (changed > 0) {
      await tx.audit.record([{ at: now().toISOString(), actor, action: 'demo.load', entity: 'demo', before: null, after: { values, templates, reports } }]);
    }
    return { status: 'SUCCESS', metadata: metadata.counts, values, templates, reports, problems: [] };
  });
}

/** The values the load would add or change (what is stored differs). */
async function changedValues(store: Store, values: readonly DataValue[]): Promise<DataValue[]> {
  const stored = new Map((await store.dataValues.findExisting(values)).map((v) => [dataValueKeyString(v), v]));
  return values.filter((value) => {
    const before = stored.get(dataValueKeyString(value));
    return !before || before.value !== value.value || (before.comment ?? null) !== (value.comment ?? null);
  });
}
