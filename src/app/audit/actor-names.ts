// Display names of the actors the audit trail and the workflow record (`lanhdao`,
// `bcvt/token:3`), for sentences people read ("Lãnh đạo Sở (mẫu) đã ban hành …").
import type { Store } from '../ports.ts';

/** `username` of an actor (`bcvt/token:3` → `bcvt`). */
export function usernameOf(actor: string): string {
  return actor.split('/')[0] ?? actor;
}

/** Resolves each actor's display name once; an unknown actor (`cli`, `demo`) reads as itself. */
export class ActorNames {
  private readonly names = new Map<string, Promise<string>>();
  constructor(private readonly store: Store) {}

  name(actor: string | null | undefined): Promise<string | null> {
    if (!actor) return Promise.resolve(null);
    const username = usernameOf(actor);
    let found = this.names.get(username);
    if (!found) {
      found = this.store.accounts.findUserByUsername(username).then((user) => user?.displayName ?? actor);
      this.names.set(username, found);
    }
    return found;
  }
}
