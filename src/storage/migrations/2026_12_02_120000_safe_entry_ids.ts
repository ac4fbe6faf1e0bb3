// Frozen migration: never edit after release; add a new dated file instead.
// Imports nothing of the application, so it means the same thing forever.
//
// Ids of report entries travel in URL paths; the demo loader used to make item ids
// like `i.1#1`, which the API's route refuses. Rewrites every id that is not 1-64 of
// A-Z a-z 0-9 . _ : - (diacritics dropped, anything else becomes "-", a suffix when the
// result is taken in the same report) and follows the plan lines' links to items.
// Versions are kept: the content did not change. Down does nothing: the old ids
// cannot be told from the new ones, and nothing needs them.
/* eslint-disable @typescript-eslint/no-explicit-any -- a frozen migration takes Kysely<any>: it must not depend on today's schema types. */
import type { Kysely } from 'kysely';

const SAFE = /^[A-Za-z0-9._:-]{1,64}$/;

function slug(raw: string): string {
  const plain = raw.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
  return plain.replace(/[^A-Za-z0-9._:-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 58) || 'muc';
}

function freeId(raw: string, taken: Set<string>): string {
  const base = slug(raw);
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/** Rewrites the unsafe ids of one table; returns the renames by report id. */
async function rewrite(db: Kysely<any>, table: string): Promise<Map<number, Map<string, string>>> {
  const rows: { report_id: number; id: string }[] = await db.selectFrom(table).select(['report_id', 'id']).orderBy('report_id').orderBy('position').execute();
  const renames = new Map<number, Map<string, string>>();
  const byReport = new Map<number, string[]>();
  for (const row of rows) byReport.set(Number(row.report_id), [...(byReport.get(Number(row.report_id)) ?? []), row.id]);
  for (const [reportId, ids] of byReport) {
    const taken = new Set(ids.filter((id) => SAFE.test(id)));
    for (const id of ids.filter((id) => !SAFE.test(id))) {
      const next = freeId(id, taken);
      await db.updateTable(table).set({ id: next }).where('report_id', '=', reportId).where('id', '=', id).execute();
      if (!renames.has(reportId)) renames.set(reportId, new Map());
      renames.get(reportId)?.set(id, next);
    }
  }
  return renames;
}

export async function up(db: Kysely<any>): Promise<void> {
  const items = await rewrite(db, 'report_item');
  await rewrite(db, 'report_document');
  await rewrite(db, 'report_plan_item');
  if (items.size === 0) return;
  const plans: { report_id: number; id: string; result_item_ids_json: string }[] = await db.selectFrom('report_plan_item').select(['report_id', 'id', 'result_item_ids_json']).execute();
  for (const plan of plans) {
    const renamed = items.get(Number(plan.report_id));
    if (!renamed) continue;
    const links = JSON.parse(plan.result_item_ids_json) as string[];
    const next = links.map((id) => renamed.get(id) ?? id);
    if (next.some((id, i) => id !== links[i])) {
      await db.updateTable('report_plan_item').set({ result_item_ids_json: JSON.stringify(next) }).where('report_id', '=', plan.report_id).where('id', '=', plan.id).execute();
    }
  }
}

export async function down(): Promise<void> {
  // Nothing to undo: see the header.
}
