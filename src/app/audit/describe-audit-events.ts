// Audit events with their Vietnamese sentence, heading, changed fields and the actor's
// name (describe-audit-event.ts), for the audit trail a reader sees.
import { flattenSections, sectionNumbers } from '../../core/report-template.ts';
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
  // Section ids read as their numbers and titles (the first template that has the id).
  const sections = new Map<string, string>();
  for (const template of await store.templates.list()) {
    const numbers = sectionNumbers(template.sections);
    for (const s of flattenSections(template.sections)) {
      if (!sections.has(s.id)) sections.set(s.id, `mục ${numbers.get(s.id) ?? s.number} «${s.title.replace(/:\s*$/, '')}»`);
    }
  }
  const out: DescribedAuditEvent[] = [];
  for (const event of events) {
    const actorName = (await names.name(event.actor)) ?? event.actor;
    const description = describeAuditEvent(event, { tree, catalogue, actor: actorName, section: (id) => sections.get(id) });
    out.push({ ...event, actorName, ...description, changes: description.changes.map((c) => ({ ...c })) });
  }
  return out;
}
