// `npm run bench [-- --rows N]`: a national month of values through baocao's own
// import path (the `baocao values import` use case → repository bulk upsert) against
// the bare driver, and a national aggregation through repository + core Aggregator
// against a hand-written GROUP BY. SQLite always; PostgreSQL when BAOCAO_BENCH_PG_URL
// names a server we may create throwaway databases on.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { importValues } from '../src/app/values/import-values.ts';
import type { Store } from '../src/app/ports.ts';
import { loadCatalogue } from '../src/app/analysis/load-catalogue.ts';
import { Aggregator } from '../src/core/aggregate.ts';
import { OrgTree } from '../src/core/org-unit.ts';
import { parsePeriod } from '../src/core/period.ts';
import { serializeDhis2Csv } from '../src/exchange/dhis2-csv.ts';
import { parseValuesFile } from '../src/exchange/values-file.ts';
import { openStore } from '../src/storage/open-store.ts';
import {
  AGGREGATED_INDICATOR, MONTH, ROOT, nationalDisaggregations, nationalIndicators, nationalOrgUnits, nationalRows,
} from './national-catalogue.ts';
import { postgresGroupBy, rawPostgresCopy, rawSqliteInsert, sqliteGroupBy } from './raw-drivers.ts';
import type { ValueRow } from '../src/app/values/value-import.ts';
import { findPostgresBin, startCluster, stopCluster } from '../scripts/pg-cluster.mjs';

const { values: options } = parseArgs({ options: { rows: { type: 'string', default: '1000000' } } });
const ROWS = Number(options.rows);
if (!Number.isInteger(ROWS) || ROWS < 1) throw new Error(`--rows must be a positive integer, not ${options.rows}`);

/** Peak RSS and heap while a phase runs, sampled every 20 ms. */
class MemoryPeak {
  rss = 0;
  heap = 0;
  readonly #timer = setInterval(() => this.sample(), 20);
  sample(): void {
    const usage = process.memoryUsage();
    this.rss = Math.max(this.rss, usage.rss);
    this.heap = Math.max(this.heap, usage.heapUsed);
  }
  stop(): this {
    this.sample();
    clearInterval(this.#timer);
    return this;
  }
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

async function timed<T>(work: () => Promise<T> | T): Promise<{ ms: number; result: T; memory: MemoryPeak }> {
  gc();
  const memory = new MemoryPeak();
  const start = performance.now();
  const result = await work();
  const ms = performance.now() - start;
  return { ms, result, memory: memory.stop() };
}

const mb = (bytes: number) => `${Math.round(bytes / 1048576)} MB`;
const rate = (rows: number, ms: number) => Math.round(rows / (ms / 1000));
const fmt = (n: number) => n.toLocaleString('en-US');

async function seed(store: Store): Promise<void> {
  await store.orgUnits.upsertMany(nationalOrgUnits());
  await store.indicators.upsertDisaggregations(nationalDisaggregations());
  await store.indicators.upsertIndicators(nationalIndicators());
}

interface Target {
  readonly name: string;
  /** Two empty databases: one for our path, one for the bare driver. */
  create(): Promise<{ ours: string; raw: string; dispose: () => Promise<void> }>;
  rawInsert(url: string, rows: readonly ValueRow[]): Promise<void>;
  groupBy(url: string): Promise<{ ms: number; totals: Map<string, number> }>;
}

const sqliteTarget: Target = {
  name: 'SQLite',
  async create() {
    const dir = mkdtempSync(path.join(tmpdir(), 'baocao-bench-'));
    return { ours: `sqlite:${path.join(dir, 'ours.db')}`, raw: `sqlite:${path.join(dir, 'raw.db')}`, dispose: async () => rmSync(dir, { recursive: true, force: true }) };
  },
  rawInsert: async (url, rows) => rawSqliteInsert(url.slice('sqlite:'.length), rows),
  groupBy: async (url) => sqliteGroupBy(url.slice('sqlite:'.length), AGGREGATED_INDICATOR, MONTH),
};

function postgresTarget(adminUrl: string): Target {
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  const urlOf = (name: string) => Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString();
  return {
    name: 'PostgreSQL',
    async create() {
      const names = ['ours', 'raw'].map((kind) => `baocao_bench_${kind}_${randomBytes(4).toString('hex')}`);
      for (const name of names) await admin(`CREATE DATABASE ${name}`);
      return {
        ours: urlOf(names[0]!), raw: urlOf(names[1]!),
        dispose: async () => {
          for (const name of names) await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        },
      };
    },
    rawInsert: rawPostgresCopy,
    groupBy: (url) => postgresGroupBy(url, AGGREGATED_INDICATOR, MONTH),
  };
}

async function bench(target: Target, csv: string): Promise<void> {
  console.log(`\n## ${target.name}`);
  const databases = await target.create();
  try {
    // Our path, as `baocao values import FILE` runs it: parse, resolve, upsert, audit.
    const store = await openStore({ url: databases.ours });
    await seed(store);
    const parsed = await timed(() => parseValuesFile(csv));
    const imported = await timed(() => importValues({ store, parsed: parsed.result, actor: 'bench' }));
    if (imported.result.status !== 'SUCCESS' || imported.result.importCount.imported !== ROWS) {
      throw new Error(`import did not succeed: ${JSON.stringify({ ...imported.result, conflicts: imported.result.conflicts.slice(0, 3) })}`);
    }

    // The bare driver, from the same parsed rows into a database with the same schema.
    const rawStore = await openStore({ url: databases.raw });
    await seed(rawStore);
    await rawStore.close();
    const raw = await timed(() => target.rawInsert(databases.raw, parsed.result.rows));

    const ratio = raw.ms / imported.ms;
    console.log(`rows: ${fmt(ROWS)}`);
    console.log(`parse CSV:            ${fmt(Math.round(parsed.ms))} ms (${fmt(rate(ROWS, parsed.ms))} rows/s), peak RSS ${mb(parsed.memory.rss)}, heap ${mb(parsed.memory.heap)}`);
    console.log(`baocao import:        ${fmt(Math.round(imported.ms))} ms (${fmt(rate(ROWS, imported.ms))} values/s), peak RSS ${mb(imported.memory.rss)}, heap ${mb(imported.memory.heap)}`);
    console.log(`raw driver insert:    ${fmt(Math.round(raw.ms))} ms (${fmt(rate(ROWS, raw.ms))} values/s), peak RSS ${mb(raw.memory.rss)}, heap ${mb(raw.memory.heap)}`);
    console.log(`import ratio (ours/raw speed): ${ratio.toFixed(2)} (target ≥ 0.50)`);

    // Aggregation over all provinces from the communes: repository find + Aggregator.
    const period = parsePeriod(MONTH);
    const ours = await timed(async () => {
      const [units, { catalogue }] = await Promise.all([store.orgUnits.list(), loadCatalogue({ store })]);
      const tree = OrgTree.build(units).tree;
      const loadedAt = performance.now();
      const values = await store.dataValues.find({ indicators: [AGGREGATED_INDICATOR], periods: [MONTH] });
      const aggregator = new Aggregator({ catalogue, tree, values });
      const totals = new Map(tree.children(ROOT).map((p) => [p.code, aggregator.value({ indicator: AGGREGATED_INDICATOR, filter: {} }, period, p.code)]));
      return { totals, aggregateMs: performance.now() - loadedAt };
    });
    const sql = await target.groupBy(databases.ours);
    for (const [province, total] of sql.totals) {
      if (ours.result.totals.get(province) !== total) throw new Error(`aggregation differs for ${province}: ours ${ours.result.totals.get(province)}, SQL ${total}`);
    }
    console.log(`aggregate ${AGGREGATED_INDICATOR} over ${sql.totals.size} provinces (${fmt(ROWS >= 3321 ? 3321 : ROWS)} communes):`);
    console.log(`  ours (find + Aggregator):        ${fmt(Math.round(ours.result.aggregateMs))} ms; with loading tree and catalogue ${fmt(Math.round(ours.ms))} ms`);
    console.log(`  hand-written SQL GROUP BY:       ${fmt(Math.round(sql.ms))} ms`);
    console.log(`  ratio (SQL time / ours): ${(sql.ms / ours.result.aggregateMs).toFixed(2)}`);
    await store.close();
  } finally {
    await databases.dispose();
  }
}

console.log(`# baocao bench: ${fmt(ROWS)} values for ${MONTH}, 34 provinces, 3,321 communes, 200 indicators`);
const rows = nationalRows(ROWS);
const csv = serializeDhis2Csv([]) + rows.map((r) => `${r.indicator},${r.period},${r.orgUnit},${r.disagg},,${r.value},,,,false\r\n`).join('');
rows.length = 0;
await bench(sqliteTarget, csv);
// PostgreSQL: a given server, else a throwaway cluster started like the test command's.
const givenPgUrl = process.env['BAOCAO_BENCH_PG_URL'];
const pgBin = givenPgUrl ? null : findPostgresBin();
if (givenPgUrl) await bench(postgresTarget(givenPgUrl), csv);
else if (pgBin) {
  const cluster = await startCluster(pgBin);
  try {
    await bench(postgresTarget(cluster.url), csv);
  } finally {
    stopCluster(cluster);
  }
} else console.log('\nPostgreSQL skipped: install postgresql-15 (apt-get install postgresql-15) or set BAOCAO_BENCH_PG_URL=postgres://user@host:port/postgres.');
