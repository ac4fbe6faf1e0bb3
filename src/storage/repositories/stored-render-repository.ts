// Rendered reports kept in the database (ADR 0022), on SQLite, where triggers move
// data_generation.n with every committed write to a report input.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { StoredRenderRepository as Port } from '../../app/ports.ts';
import type { Database } from '../database.ts';

export class StoredRenderRepository implements Port {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async generation(): Promise<number> {
    const row = await this.#db.selectFrom('data_generation').select('n').where('id', '=', 1).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async find(key: string, generation: number): Promise<Uint8Array | null> {
    const row = await this.#db.selectFrom('stored_render').select('body').where('key', '=', key).where('generation', '=', generation).executeTakeFirst();
    return row ? new Uint8Array(row.body) : null;
  }

  async keep(key: string, generation: number, body: Uint8Array): Promise<void> {
    // One statement reads the generation and writes: nothing can commit in between.
    const kept = await sql`INSERT INTO stored_render (key, generation, body)
      SELECT ${key}, ${generation}, ${body} WHERE (SELECT n FROM data_generation WHERE id = 1) = ${generation}
      ON CONFLICT (key) DO UPDATE SET generation = excluded.generation, body = excluded.body`.execute(this.#db);
    // Only once kept (its generation is the current one) are the older renders dropped:
    // a render made too late must not drop one another process kept at the current one.
    if (Number(kept.numAffectedRows ?? 0) > 0) {
      await sql`DELETE FROM stored_render WHERE generation < (SELECT n FROM data_generation WHERE id = 1)`.execute(this.#db);
    }
  }
}
