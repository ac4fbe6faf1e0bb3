// Kysely builds and compiles a query on every call. For the join that reads data
// values that costs about 100 µs, seven times what SQLite takes to run it, and a value
// save runs several such queries. A query whose shape repeats (the same filters, the
// same number of values in each IN list) is built once with markers in place of its
// values; later calls put their values where the markers were and run the same SQL.
//
// The template is checked when it is made, against the query built with the first
// call's real values: every marker must come back as exactly one bound parameter, never
// inside the SQL text, and the template filled with the real values must give the real
// query's SQL and parameters exactly. A builder that inlined, reshaped or derived
// anything from a value fails the check, and that shape is built every time, as before.
import { createQueryId } from 'kysely';
import type { Compilable, CompiledQuery, Kysely } from 'kysely';
import type { Database } from '../database.ts';

interface Template {
  readonly compiled: CompiledQuery;
  /** For each bound parameter: the index of the caller's value, or a constant of the shape. */
  readonly slots: readonly ({ readonly value: number } | { readonly constant: unknown })[];
}

/** Shapes kept per database kind (a few dozen exist); past this, the oldest is dropped. */
const MAX_TEMPLATES = 500;
/** By the dialect's adapter (one per opened database, shared by its transactions): SQL differs by dialect. */
const templatesByAdapter = new WeakMap<object, Map<string, Template | null>>();

const MARKER = '\u0000baocao-template-value-';
const marker = (index: number) => `${MARKER}${index}\u0000`;

function makeTemplate(compiled: CompiledQuery, count: number): Template | null {
  const seen = new Array<number>(count).fill(0);
  const slots = compiled.parameters.map((parameter) => {
    if (typeof parameter === 'string' && parameter.startsWith(MARKER)) {
      const index = Number(parameter.slice(MARKER.length, -1));
      seen[index] = (seen[index] ?? 0) + 1;
      return { value: index };
    }
    return { constant: parameter };
  });
  if (compiled.sql.includes('\u0000') || seen.some((times) => times !== 1)) return null;
  return { compiled, slots };
}

/**
 * Runs `build(db, values)`'s query; `shape` names everything about the query but the
 * values themselves (which query, which filters, how many values in each list), and
 * `build` must put each value into the query as a bound value, untouched.
 */
export async function runTemplate<R>(
  db: Kysely<Database>,
  shape: string,
  values: readonly unknown[],
  build: (db: Kysely<Database>, values: readonly unknown[]) => Compilable<R>,
): Promise<R[]> {
  const adapter = db.getExecutor().adapter;
  let templates = templatesByAdapter.get(adapter);
  if (!templates) templatesByAdapter.set(adapter, (templates = new Map()));
  const template = templates.get(shape);
  if (template === undefined) {
    const real = build(db, values).compile();
    const candidate = makeTemplate(build(db, values.map((_, i) => marker(i))).compile(), values.length);
    templates.set(shape, candidate && reproduces(candidate, values, real) ? candidate : null);
    if (templates.size > MAX_TEMPLATES) templates.delete(templates.keys().next().value as string);
    return (await db.executeQuery(real)).rows;
  }
  if (template === null) return (await db.executeQuery(build(db, values))).rows;
  const query: CompiledQuery<R> = { query: template.compiled.query, queryId: createQueryId(), sql: template.compiled.sql, parameters: fill(template, values) };
  return (await db.executeQuery(query)).rows;
}

function fill(template: Template, values: readonly unknown[]): unknown[] {
  return template.slots.map((slot) => ('value' in slot ? values[slot.value] : slot.constant));
}

function reproduces(template: Template, values: readonly unknown[], real: CompiledQuery): boolean {
  const filled = fill(template, values);
  return template.compiled.sql === real.sql && filled.length === real.parameters.length && filled.every((p, i) => Object.is(p, real.parameters[i]));
}
