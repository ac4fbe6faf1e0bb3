// Marks notifications read, by id or all of those the user sees now: the bell then
// counts only what is new. Ids no longer in the user's list (a newer event pushed them
// out) are skipped and counted apart; nothing else can be marked.
import type { Principal } from '../accounts/principal.ts';
import type { Store } from '../ports.ts';
import { listNotifications } from './list-notifications.ts';

const READS_KEPT_DAYS = 365;

export interface MarkReadResult {
  /** Newly marked read. */
  readonly marked: number;
  /** Ids asked for that are not in the user's list. */
  readonly notListed: readonly string[];
  /** Still unread in the user's list. */
  readonly unread: number;
}

export async function markNotificationsRead({ store, principal, ids, now = new Date() }: {
  store: Store; principal: Principal; ids: readonly string[] | 'all'; now?: Date;
}): Promise<MarkReadResult> {
  return store.transaction(async (tx) => {
    const listed = await listNotifications({ store: tx, principal, now });
    const listedIds = new Set(listed.map((n) => n.id));
    const wanted = new Set(ids === 'all' ? listedIds : ids.filter((id) => listedIds.has(id)));
    const notListed = ids === 'all' ? [] : [...new Set(ids.filter((id) => !listedIds.has(id)))];
    // Reads of notifications gone from the list are forgotten after a year: not at once,
    // because the list depends on the caller's grants (a narrower token, a grant
    // removed for a moment) and a read the session still lists must stay read.
    const forgetBefore = new Date(now.getTime() - READS_KEPT_DAYS * 86_400_000).toISOString();
    await tx.notificationReads.markRead(principal.userId, [...wanted], now.toISOString(), { listed: [...listedIds], forgetBefore });
    return {
      marked: listed.filter((n) => !n.read && wanted.has(n.id)).length,
      notListed,
      unread: listed.filter((n) => !n.read && !wanted.has(n.id)).length,
    };
  });
}
