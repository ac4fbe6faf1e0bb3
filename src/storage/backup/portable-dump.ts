// The portable backup file: gzip-compressed JSON lines, readable by any baocao on any
// database. A header line, then per table a line naming it and its columns, its rows
// as JSON arrays, and a line closing it with its row count; a last line closes the file,
// so a truncated file is refused rather than restored in part.
//
//   {"format":"baocao-backup","version":1,"source":"postgres","createdAt":"…","migrations":[…]}
//   {"table":"org_unit","columns":["id","code",…]}
//   [1,"tv",…]
//   {"end":"org_unit","rows":40}
//   {"end":true,"tables":20,"rows":1234}
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import { BackupProblem } from './database-dump.ts';
import type { DatabaseDump, TableDump } from './database-dump.ts';

export const PORTABLE_FORMAT = 'baocao-backup';
const VERSION = 1;

export interface DumpCounts {
  readonly tables: number;
  readonly rows: number;
}

/** Writes `dump` to `file`; resolves with what was written once the file is complete. */
export async function writePortableDump(dump: DatabaseDump, file: string, now = new Date()): Promise<DumpCounts> {
  let tables = 0;
  let rows = 0;
  async function* lines(): AsyncGenerator<string> {
    yield JSON.stringify({ format: PORTABLE_FORMAT, version: VERSION, source: dump.source, createdAt: now.toISOString(), migrations: dump.migrations }) + '\n';
    for await (const table of dump.tables) {
      tables++;
      let count = 0;
      yield JSON.stringify({ table: table.name, columns: table.columns }) + '\n';
      for await (const batch of table.batches) {
        count += batch.length;
        yield batch.map((row) => JSON.stringify(row)).join('\n') + (batch.length > 0 ? '\n' : '');
      }
      rows += count;
      yield JSON.stringify({ end: table.name, rows: count }) + '\n';
    }
    yield JSON.stringify({ end: true, tables, rows }) + '\n';
  }
  await pipeline(Readable.from(lines()), createGzip(), createWriteStream(file));
  return { tables, rows };
}

/** Reads a portable file as a dump. Problems surface as errors while iterating, naming the line. */
export async function readPortableDump(file: string): Promise<DatabaseDump> {
  const input = createReadStream(file).pipe(createGunzip());
  const reader = createInterface({ input, crlfDelay: Infinity })[Symbol.asyncIterator]();
  let lineNumber = 0;
  const next = async (): Promise<unknown> => {
    const { value, done } = await reader.next();
    if (done) throw new BackupProblem(`tệp sao lưu bị cắt cụt sau dòng ${lineNumber}`);
    lineNumber++;
    try {
      return JSON.parse(value) as unknown;
    } catch {
      throw new BackupProblem(`dòng ${lineNumber} của tệp sao lưu không phải JSON`);
    }
  };
  const header = (await next()) as { format?: unknown; version?: unknown; source?: unknown; migrations?: unknown };
  if (header.format !== PORTABLE_FORMAT) throw new BackupProblem('không phải tệp sao lưu của baocao');
  if (header.version !== VERSION) throw new BackupProblem(`phiên bản tệp sao lưu ${String(header.version)} chưa được hỗ trợ`);
  if (!Array.isArray(header.migrations) || !header.migrations.every((m) => typeof m === 'string')) throw new BackupProblem('phần đầu tệp sao lưu thiếu danh sách cấu trúc');

  const BATCH = 5_000;
  async function* tables(): AsyncGenerator<TableDump> {
    for (;;) {
      const line = (await next()) as { table?: unknown; columns?: unknown; end?: unknown };
      if (line.end === true) return;
      if (typeof line.table !== 'string' || !Array.isArray(line.columns)) throw new BackupProblem(`dòng ${lineNumber}: cần phần mở đầu của một bảng`);
      const name = line.table;
      let pending: unknown = null;
      async function* batches(): AsyncGenerator<unknown[][]> {
        let batch: unknown[][] = [];
        let count = 0;
        for (;;) {
          pending = await next();
          if (Array.isArray(pending)) {
            batch.push(pending);
            count++;
            if (batch.length === BATCH) {
              yield batch;
              batch = [];
            }
            continue;
          }
          const end = pending as { end?: unknown; rows?: unknown };
          if (end.end !== name) throw new BackupProblem(`dòng ${lineNumber}: bảng ${name} không được đóng`);
          if (end.rows !== count) throw new BackupProblem(`bảng ${name}: tệp ghi ${String(end.rows)} dòng nhưng có ${count}`);
          if (batch.length > 0) yield batch;
          return;
        }
      }
      yield { name, columns: line.columns as string[], batches: batches() };
    }
  }
  return {
    source: String(header.source),
    migrations: header.migrations as string[],
    tables: tables(),
    close: async () => {
      input.destroy();
    },
  };
}
