// `baocao report render --org CODE --period P --format md|html|docx|pdf [--out FILE]`.
// A render is kept in the SQLite database for this build and served again while
// nothing it is made of changes (ADR 0022): that path reads one row before the
// renderers, Kysely or the migrations are loaded, so they are imported only to render.
import { writeFile } from 'node:fs/promises';
import { decodeKeptRender, keepsFormat, keptRenderKey } from '../../app/reports/kept-render.ts';
import { REPORT_FORMATS } from '../../app/reports/report-ports.ts';
import type { ReportFormat } from '../../app/reports/report-ports.ts';
import { formatPeriod } from '../../core/period.ts';
import { parseDatabaseUrl, resolveDatabaseUrl } from '../../storage/database-url.ts';
import { readStoredRenderFile } from '../../storage/dialects/sqlite/stored-render-file.ts';
import { expectPositionals, oneOf, optionalString, requirePeriod, requireString } from '../args.ts';
import { BUILD_ID } from '../build-id.ts';
import { CliError, usageError } from '../cli-error.ts';
import type { CommandContext } from '../command.ts';

export async function run({ args, io, env, helpCommand }: CommandContext): Promise<number> {
  expectPositionals(args, [], helpCommand);
  const orgUnit = requireString(args, 'org', helpCommand);
  const period = formatPeriod(requirePeriod(args, helpCommand));
  const format = oneOf(args, 'format', REPORT_FORMATS, 'md', helpCommand);
  const out = optionalString(args, 'out');
  // A DOCX or PDF on a terminal is garbage: ask for a file instead.
  if ((format === 'docx' || format === 'pdf') && !out) throw usageError(`Định dạng ${format} cần tệp đích: thêm --out TỆP.${format}.`, helpCommand);
  const body = keptRender(env, orgUnit, period, format) ?? await render(env, orgUnit, period, format);
  if (!out) {
    io.write(typeof body === 'string' ? body : '');
    return 0;
  }
  try {
    await writeFile(out, body);
  } catch (error) {
    throw new CliError(2, `Không ghi được tệp "${out}": ${error instanceof Error ? error.message : String(error)}.`);
  }
  io.err(`Đã ghi báo cáo ra ${out}.`);
  return 0;
}

/** The render this build kept in the SQLite database, if the data has not changed since. */
function keptRender(env: CommandContext['env'], orgUnit: string, period: string, format: ReportFormat): string | Uint8Array | null {
  if (BUILD_ID === undefined || !keepsFormat(format)) return null;
  let location;
  try {
    location = parseDatabaseUrl(resolveDatabaseUrl(env));
  } catch {
    return null; // The usual path reports a bad BAOCAO_DB.
  }
  if (location.kind !== 'sqlite') return null;
  const body = readStoredRenderFile(location.file, keptRenderKey(BUILD_ID, orgUnit, period, format));
  return body && decodeKeptRender(body, format);
}

async function render(env: CommandContext['env'], orgUnit: string, period: string, format: ReportFormat): Promise<string | Uint8Array> {
  const [{ AppError }, { renderReport }, { renderInFormat }, { withStore }] = await Promise.all([
    import('../../app/app-error.ts'), import('../../app/reports/render-report.ts'), import('../../render/render-in-format.ts'), import('../store.ts'),
  ]);
  const rendered = await withStore(env, (store) => renderReport({ store, renderers: renderInFormat, orgUnit, period, format, ...(BUILD_ID !== undefined ? { keepFor: BUILD_ID } : {}) })).catch((error: unknown) => {
    // No such report or unit: the user's request, not a crash; one line, exit 2.
    if (error instanceof AppError) throw new CliError(2, error.message);
    throw error;
  });
  return rendered.body;
}
