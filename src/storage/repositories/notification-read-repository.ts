// Which notifications each user has read (Thông báo's bell counts the others).
import type { Kysely } from 'kysely';
import type { NotificationReadRepository as Port } from '../../app/ports.ts';
import type { Database } from '../database.ts';

export class NotificationReadRepository implements Port {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async readBy(userId: number): Promise<Set<string>> {
    const rows = await this.#db.selectFrom('notification_read').select('notification_id').where('user_id', '=', userId).execute();
    return new Set(rows.map((r) => r.notification_id));
  }

  async markRead(userId: number, ids: readonly string[], at: string, { listed, forgetBefore }: { listed: readonly string[]; forgetBefore: string }): Promise<void> {
    if (ids.length > 0) {
      await this.#db.insertInto('notification_read')
        .values(ids.map((id) => ({ user_id: userId, notification_id: id, read_at: at })))
        .onConflict((c) => c.columns(['user_id', 'notification_id']).doNothing())
        .execute();
    }
    let stale = this.#db.deleteFrom('notification_read').where('user_id', '=', userId).where('read_at', '<', forgetBefore);
    if (listed.length > 0) stale = stale.where('notification_id', 'not in', listed);
    await stale.execute();
  }
}
