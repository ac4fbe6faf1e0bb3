// Audit events with their Vietnamese sentence, heading, changed fields and the actor's
// name (describe-audit-event.ts), for the audit trail a reader sees.
import { loadCatalogue } from '../analysis/load-catalogue.ts';
import { loadOrgTree } from '../accounts/principal.ts';
import type { AuditEvent, Store } from '../ports.ts';
import { ActorNames } from './actor-names.ts';
import { describeAuditEvent } from './describe-audit-event.ts';
import type { AuditDescription } from './describe-audit-event.ts';

export type DescribedAuditEvent = AuditEvent & AuditDescription & { readonly actorName: string };

export async function describeAuditEvents({ store, events }: { store: Store; events: readonly AuditEvent[] }): Promise<DescribedAuditEvent[]> {
  const tree = await loadOrgTree(store);
  const { catalogue } = await loadCatalogue({ store });
  const names = new ActorNames(store);
  const out: DescribedAuditEvent[] = [];
  for (const event of events) {
    const actorName = (await names.name(event.actor)) ?? event.actor;
    const description = describeAuditEvent(event, { tree, catalogue, actor: actorName });
    out.push({ ...event, actorName, ...description, changes: description.changes.map((c) => ({ ...c })) });
  }
  return out;
}
