// Use case: take in an existing report (already read into paragraphs by
// src/exchange/legacy-report) as the report of one org unit and period.
//
//   1. Read it (header, outline, items, tables, plan, documents, figures, findings).
//   2. The unit: the issuing body must name the chosen unit (resolve-issuing-unit.ts).
//   3. The layout: a stored template or the report's own outline (choose-report-layout.ts).
//   4. The figures: a sure match becomes the indicator's value for the period, written
//      through importValues (so scope, locks, reporting units and value types apply),
//      with its provenance (file and paragraph); a sure match that disagrees with a
//      stored value is a conflict, and nothing is saved.
//   5. Save, then render the saved report and compare it with the file: what the
//      saved report lacks is listed, and a lossy save is refused unless allowLoss
//      (then the loss is audited).
// Steps 4 and 5 run in one transaction; a dry run runs them too and rolls back, so the
// preview shows exactly what a save would keep and lose.
import { buildReportModel } from '../../core/build-report-model.ts';
import { disaggKey, parseDisaggKey } from '../../core/indicator.ts';
import { findLoss, comparable } from '../../core/legacy-report/loss-check.ts';
import type { LossReport } from '../../core/legacy-report/loss-check.ts';
import type { LegacyFinding, LegacyNumber, LegacyReport, LegacySection, SourceParagraph } from '../../core/legacy-report/legacy-report.ts';
import { matchFigures, templateSlots } from '../../core/legacy-report/match-figures.ts';
import type { FigureMatch } from '../../core/legacy-report/match-figures.ts';
import { parseLegacyReport } from '../../core/legacy-report/parse-legacy-report.ts';
import { buildImportedInstance, deriveTemplate, mapSections } from '../../core/legacy-report/report-layout.ts';
import type { UnitCandidate } from '../../core/legacy-report/issuer-match.ts';
import { formatNumber } from '../../core/format.ts';
import { formatPeriod, nextPeriod, tryParsePeriod } from '../../core/period.ts';
import type { ReportInstance } from '../../core/report-instance.ts';
import type { ReportModel } from '../../core/report-model.ts';
import type { ReportTemplate } from '../../core/report-template.ts';
import { loadAnalysisContext } from '../analysis/analysis-context.ts';
import { loadCatalogue } from '../analysis/load-catalogue.ts';
import { AppError } from '../app-error.ts';
import type { Principal } from '../accounts/principal.ts';
import type { Store, UpsertCounts } from '../ports.ts';
import { assertReportWritable } from '../reports/report-entry-scope.ts';
import { loadOrgTree } from '../accounts/principal.ts';
import { ReportingUnitPolicy } from '../values/reporting-unit-policy.ts';
import { importValues } from '../values/import-values.ts';
import type { ValueRow } from '../values/value-import.ts';
import { chooseReportLayout, DERIVED_PREFIX } from './choose-report-layout.ts';
import type { ReportLayout } from './choose-report-layout.ts';
import { resolveIssuingUnit } from './resolve-issuing-unit.ts';

export interface ImportLegacyReportOptions {
  readonly store: Store;
  readonly paragraphs: readonly SourceParagraph[];
  /** The file's name, kept as the figures' provenance. */
  readonly fileName: string;
  /** The unit chosen (--org, the URL); null: the unit the report names. */
  readonly orgUnit?: string | null;
  /** Canonical or DHIS2 period; the one the report states when absent. */
  readonly period?: string | null;
  /** A stored template's code, a template read from a file, or null to choose (ADR 0014). */
  readonly template?: string | ReportTemplate | null;
  readonly dryRun: boolean;
  /** Save even if the saved report would lack some of the file; the loss is then audited. */
  readonly allowLoss?: boolean;
  readonly actor: string;
  /** The API caller, whose scope the values written must fit; none: the CLI operator. */
  readonly principal?: Principal;
  readonly now?: Date;
}

/** A figure of the report and what became of it. */
export interface ImportedFigure {
  readonly paragraph: number;
  readonly text: string;
  readonly value: number;
  readonly indicator: string;
  readonly filter: string | null;
  /** Written as a value (sure match), or left as text. */
  readonly sure: boolean;
  readonly reason: string;
  /** What is stored for that indicator, unit and period, if anything. */
  readonly stored: number | null;
}

export interface LegacyImportResult extends Omit<LegacyReport, 'findings'> {
  readonly status: 'OK' | 'WARNING' | 'ERROR';
  readonly dryRun: boolean;
  readonly allowLoss: boolean;
  /** The unit the report is (or would be) saved for. */
  readonly orgUnit: string | null;
  readonly findings: readonly LegacyFinding[];
  readonly unit: { readonly stated: string | null; readonly matched: UnitCandidate | null; readonly closest: readonly UnitCandidate[] };
  readonly layout: { readonly template: string; readonly derived: boolean; readonly reason: 'named' | 'existing' | 'unit' | 'own' } | null;
  readonly figures: readonly ImportedFigure[];
  /** Values written (or, on a dry run, that would be). */
  readonly values: UpsertCounts;
  /** What the saved report lacks compared with the file; null when it never got that far. */
  readonly loss: LossReport | null;
  /** What was written; null on a dry run or when refused. */
  readonly saved: UpsertCounts | null;
  /** The instance that was (or would be) saved. */
  readonly instance: ReportInstance | null;
}

const NONE: UpsertCounts = { imported: 0, updated: 0, unchanged: 0 };

/** Thrown inside the transaction to roll it back and still answer. */
class Rollback extends Error {
  constructor(readonly result: LegacyImportResult) {
    super('rollback');
  }
}

export async function importLegacyReport(options: ImportLegacyReportOptions): Promise<LegacyImportResult> {
  const { store, paragraphs, dryRun, allowLoss = false } = options;
  const parsed = parseLegacyReport(paragraphs);
  const findings: LegacyFinding[] = [...parsed.findings];
  const problem = (rule: string, message: string, severity: LegacyFinding['severity'] = 'error', paragraph: number | null = null): void => {
    findings.push({ rule, orgUnit: '', period: '', left: null, right: null, severity, message, paragraph });
  };

  // The period: as given, else as the report states it.
  let period = parsed.period;
  let periodSource = parsed.periodSource;
  if (options.period) {
    const given = tryParsePeriod(options.period);
    if (!given.ok) problem('legacy:period', given.error.message);
    else {
      const code = formatPeriod(given.period);
      if (parsed.period && parsed.period !== code) problem('legacy:period_differs', `Báo cáo ghi kỳ ${parsed.period}, khác kỳ đã chọn ${code}; dùng kỳ đã chọn.`, 'warning');
      period = code;
      periodSource = 'given';
    }
  }
  if (!period) problem('legacy:no_period', 'Không đọc được kỳ báo cáo từ văn bản (tiêu đề, trích yếu, câu kết, phần kế hoạch); hãy chọn kỳ (--period).');

  const unit = await resolveIssuingUnit({ store, issuer: parsed.issuer, chosen: options.orgUnit ?? null, period: period ?? '' });
  findings.push(...unit.findings);
  const orgUnit = unit.orgUnit;

  const base = {
    ...parsed, period, periodSource, dryRun, allowLoss, orgUnit,
    unit: { stated: parsed.issuer ? [parsed.issuer.parent, parsed.issuer.name].filter(Boolean).join(' / ') : null, matched: unit.matched, closest: unit.closest },
  };
  const finish = (extra: Partial<LegacyImportResult> = {}, more: readonly LegacyFinding[] = []): LegacyImportResult => {
    const all = [...findings, ...more].map((f) => ({ ...f, orgUnit: f.orgUnit || (orgUnit ?? ''), period: f.period || (period ?? '') }));
    const status = all.some((f) => f.severity === 'error') ? 'ERROR' : all.some((f) => f.severity === 'warning') || parsed.unplaced.length > 0 ? 'WARNING' : 'OK';
    return { layout: null, figures: [], values: NONE, loss: null, saved: null, instance: null, ...base, ...extra, findings: all, status };
  };
  if (!orgUnit || !period) return finish();

  const chosen = await chooseReportLayout({ store, template: options.template ?? null, orgUnit, period, report: parsed });
  if (!chosen.ok) {
    problem('legacy:no_template', chosen.problem);
    return finish();
  }
  const context = { options, parsed, orgUnit, period, base, findings, finish };
  const { layout } = chosen;
  // A template picked for the unit (not named, not the report's own) must fit without
  // loss: it is tried first without writing, and the report's own outline is used
  // when it would lose something.
  if (layout.kind === 'template' && layout.reason === 'unit') {
    const trial = await importOnLayout(context, layout, true);
    if ((trial.loss?.missing.length ?? 0) > 0) return importOnLayout(context, { kind: 'own' }, dryRun);
    if (dryRun) return trial;
  }
  return importOnLayout(context, layout, dryRun);
}

interface ImportContext {
  readonly options: ImportLegacyReportOptions;
  readonly parsed: LegacyReport;
  readonly orgUnit: string;
  readonly period: string;
  readonly base: Omit<LegacyImportResult, 'status' | 'findings' | 'layout' | 'figures' | 'values' | 'loss' | 'saved' | 'instance'>;
  readonly findings: readonly LegacyFinding[];
  readonly finish: (extra?: Partial<LegacyImportResult>, more?: readonly LegacyFinding[]) => LegacyImportResult;
}

/** Steps 4 and 5 on one layout, in one transaction (rolled back on a dry run or a refusal). */
async function importOnLayout(ctx: ImportContext, chosen: ReportLayout, dryRun: boolean): Promise<LegacyImportResult> {
  const { options, parsed, orgUnit, period, base } = ctx;
  const { store, paragraphs, allowLoss = false, actor, now = new Date() } = options;
  const findings: LegacyFinding[] = [];
  const problem = (rule: string, message: string, severity: LegacyFinding['severity'] = 'error', paragraph: number | null = null): void => {
    findings.push({ rule, orgUnit: '', period: '', left: null, right: null, severity, message, paragraph });
  };
  const finish = (extra: Partial<LegacyImportResult> = {}): LegacyImportResult => ctx.finish({ dryRun, ...extra }, findings);
  const hasError = (): boolean => [...ctx.findings, ...findings].some((f) => f.severity === 'error');
  const parsedPeriod = tryParsePeriod(period);
  const following = parsedPeriod.ok ? formatPeriod(nextPeriod(parsedPeriod.period)) : period;
  const derivedCode = `${DERIVED_PREFIX}${orgUnit}-${period}`;
  const derived = chosen.kind === 'own' ? deriveTemplate(parsed, derivedCode, `Báo cáo nhập: ${parsed.summary ?? options.fileName}`.slice(0, 200)) : null;
  const template = derived ? derived.template : chosen.kind === 'template' ? chosen.template : null;
  if (!template) return finish();
  const sectionMap = derived ? derived.sectionIds : mapSections(parsed.sections, template);
  const sectionOf = (id: string): string | null => sectionMap.get(id) ?? null;
  const layout = { template: template.code, derived: derived !== null, reason: chosen.kind === 'own' ? 'own' as const : chosen.reason };

  // Figures: sure matches only; a cumulative report's figures ("9 tháng") are not the quarter's values.
  const { catalogue } = await loadCatalogue({ store });
  const matches = derived ? [] : matchFigures({ numbers: parsed.numbers, slots: templateSlots(template), indicator: (code) => catalogue.indicator(code), sectionOf });
  // Who enters each figure: a department's report quotes its divisions' figures, which
  // are stored on the division that reports them (reporting-unit-policy.ts), never twice.
  const reporting = await ReportingUnitPolicy.load({ store, tree: await loadOrgTree(store), catalogue, rows: [{ orgUnit, period }] });
  const unitOf = (indicator: string): string => reporting.reportingUnitOf(indicator, orgUnit, period) ?? orgUnit;
  const figures = await checkFigures({ store, matches, unitOf, period, cumulative: parsed.periodCumulative, catalogue: { checkDisaggKey: (c, k) => catalogue.checkDisaggKey(c, k) } });
  findings.push(...figures.findings);
  // figures.list is in the order of matches: the i-th figure is the i-th match.
  const sure = figures.list.filter((f) => f.sure);
  const figuresByParagraph = new Map<number, FigureMatch[]>();
  const figureOf = new Map<LegacyNumber, { match: FigureMatch; figure: ImportedFigure }>();
  matches.forEach((match, i) => {
    const figure = figures.list[i];
    if (!figure) return;
    figureOf.set(match.number, { match, figure });
    if (!figure.sure) return;
    const list = figuresByParagraph.get(match.number.paragraph) ?? [];
    list.push(match);
    figuresByParagraph.set(match.number.paragraph, list);
  });
  const numbers: LegacyNumber[] = parsed.numbers.map((n) => {
    const found = figureOf.get(n);
    if (!found) return n;
    const { figure } = found;
    return { ...n, indicator: figure.sure ? figure.indicator : null, filter: figure.sure ? figure.filter : null, match: figure.reason };
  });
  const withFigures = { ...base, numbers, layout, figures: figures.list };
  if (hasError()) return finish(withFigures);

  const existing = await store.reports.find(orgUnit, period, template.code);
  if (existing?.status === 'issued') {
    if (!dryRun) throw new AppError('period_locked', `Báo cáo kỳ ${period} của "${orgUnit}" đã ban hành nên không nhập đè được. Cần quản trị mở lại (kèm lý do) trước khi sửa.`, { details: { orgUnit, period } });
    // The preview still runs in full (in a transaction rolled back): it compares the file
    // with what the issued report would become, and says why it cannot be saved.
    problem('legacy:report_issued', `Báo cáo kỳ ${period} của "${orgUnit}" đã ban hành: không lưu được khi chưa mở lại.`);
  }

  const work = async (tx: Store): Promise<LegacyImportResult> => {
    // The lock, inside the transaction that replaces the report (report-entry-scope.ts).
    if (!dryRun) await assertReportWritable({ store: tx, orgUnit, period });
    // 4. The values, through the values use case.
    const rows: ValueRow[] = sure.map((f, i) => ({ index: i + 1, indicator: f.indicator, orgUnit: unitOf(f.indicator), period, disagg: f.filter ?? '', value: String(f.value), storedBy: actor }));
    let values = NONE;
    if (rows.length > 0) {
      const summary = await importValues({ store: tx, rows, actor, now: () => now, ...(options.principal ? { principal: options.principal } : {}) })
        .catch((error: unknown) => {
          // A preview of a locked period still shows the rest; saving it is refused anyway.
          if (!dryRun || !(error instanceof AppError) || error.code !== 'period_locked') throw error;
          if (existing?.status !== 'issued') problem('legacy:period_locked', error.message);
          return null;
        });
      if (summary?.status === 'ERROR') {
        for (const c of summary.conflicts) {
          const f = sure[(c.indexes[0] ?? 1) - 1];
          problem('legacy:value_refused', `Số liệu ${f?.text ?? ''} (đoạn ${(f?.paragraph ?? 0) + 1}) không ghi được cho chỉ tiêu ${f?.indicator ?? c.object}: ${c.message}`, 'error', f?.paragraph ?? null);
        }
        throw new Rollback(finish(withFigures));
      }
      // null: a preview of a locked period; nothing written, the preview goes on with the text.
      if (summary) {
        values = { imported: summary.importCount.imported, updated: summary.importCount.updated, unchanged: summary.unchanged };
        await recordProvenance(tx, sure, unitOf, period, options.fileName, now);
      }
    }

    // 5. The report, laid out; the template's own text is not stored again.
    if (derived || typeof options.template === 'object') await tx.templates.upsertMany([template]);
    const context = await loadAnalysisContext({ store: tx, orgUnit, period: parsedPeriod.ok ? parsedPeriod.period : { type: 'month', year: 2000, index: 1 } });
    if (!context) throw new AppError('not_found', `Đơn vị "${orgUnit}" chưa được khai báo.`);
    const stored = await tx.reports.loadInstance(orgUnit, period, template.code);
    const layOut = (printed?: ReadonlySet<number>): ReportInstance => {
      const laid = buildImportedInstance({
        report: parsed, template, orgUnit, period, sectionOf, figures: figuresByParagraph, planAsItems: derived !== null, nextPeriod: following, ...(printed ? { printed } : {}),
      });
      return stored ? keepKnownHeader(laid, stored) : laid;
    };
    let instance = layOut();
    // What the template prints itself is found with the report's own variables (cut-off dates …) in scope.
    if (!derived) instance = layOut(printedByTemplate(parsed, template, sectionOf, { ...instance, items: [] }, context));
    // A report without its header block still prints who issued it.
    if (!instance.issuingBody) instance = { ...instance, issuingBody: context.unit.name.toLocaleUpperCase('vi') };
    const saved = await tx.reports.saveInstance(instance);

    // The saved report, rendered from what is stored, against the file.
    const reloaded = await tx.reports.loadInstance(orgUnit, period, template.code);
    const model: ReportModel = buildReportModel({ template, instance: reloaded ?? instance, catalogue: context.catalogue, source: context.aggregator });
    const loss = findLoss(paragraphs, model);
    if (loss.missing.length > 0) {
      const list = loss.missing.slice(0, 5).map((m) => `đoạn ${m.paragraph + 1} "${m.text.length > 60 ? `${m.text.slice(0, 60)}…` : m.text}"`).join('; ');
      const more = loss.missing.length > 5 ? ` và ${formatNumber(loss.missing.length - 5)} đoạn khác` : '';
      if (allowLoss) problem('legacy:loss_allowed', `Báo cáo lưu thiếu ${formatNumber(loss.missing.length)} đoạn so với tệp (đã cho phép, ghi vào nhật ký): ${list}${more}.`, 'warning');
      else problem('legacy:loss', `Báo cáo lưu sẽ thiếu ${formatNumber(loss.missing.length)} đoạn so với tệp: ${list}${more}. Không ghi gì; dùng --allow-loss (hoặc "Lưu dù thiếu") nếu chấp nhận.`);
    }
    const result = finish({ ...withFigures, values, loss, instance, saved: dryRun || hasError() ? null : saved });
    if (dryRun || result.status === 'ERROR') throw new Rollback(result);

    await tx.audit.record([{
      at: now.toISOString(), actor, action: 'report.import', entity: 'report', orgUnit, period,
      before: stored ? { template: stored.template, items: stored.items.length, documents: stored.documents.length, plan: stored.plan.length } : null,
      after: {
        file: options.fileName, template: template.code, derived: derived !== null, coverage: parsed.coverage, saved,
        items: instance.items.length, documents: instance.documents.length, plan: instance.plan.length, values,
        lost: loss.missing.length,
      },
    }]);
    if (loss.missing.length > 0) {
      await tx.audit.record([{
        at: now.toISOString(), actor, action: 'report.import_loss', entity: 'report', orgUnit, period, before: null,
        after: { file: options.fileName, missing: loss.missing.map((m) => ({ paragraph: m.paragraph + 1, text: m.text })) },
      }]);
    }
    return result;
  };
  try {
    return await store.transaction(work);
  } catch (error) {
    if (error instanceof Rollback) return error.result;
    throw error;
  }
}

/** The sure figures checked against what is stored and against each other; unsure ones listed with the reason. */
async function checkFigures({ store, matches, unitOf, period, cumulative, catalogue }: {
  store: Store; matches: readonly FigureMatch[]; unitOf: (indicator: string) => string; period: string; cumulative: boolean;
  catalogue: { checkDisaggKey(code: string, key: string): string | null };
}): Promise<{ list: ImportedFigure[]; findings: LegacyFinding[] }> {
  const findings: LegacyFinding[] = [];
  const candidates = matches.map((m) => {
    let filter = m.slot.filter ? disaggKey(parseDisaggKey(m.slot.filter)) : null;
    let sure = m.sure;
    let reason = m.reason;
    if (sure && cumulative) {
      sure = false;
      reason = 'báo cáo lũy kế nhiều tháng: số liệu không phải của riêng kỳ này';
    }
    const problem = sure && filter ? catalogue.checkDisaggKey(m.slot.indicator, filter) : null;
    if (problem) {
      sure = false;
      reason = problem;
      filter = null;
    }
    return { m, filter, sure, reason };
  });
  const indicators = [...new Set(candidates.filter((c) => c.sure).map((c) => c.m.slot.indicator))];
  const stored = indicators.length === 0 ? [] : await store.dataValues.find({ orgUnits: [...new Set(indicators.map(unitOf))], periods: [period], indicators });
  const storedOf = new Map(stored.filter((v) => v.orgUnit === unitOf(v.indicator) && !v.attr).map((v) => [`${v.indicator}|${v.disagg}`, v.value]));
  const seen = new Map<string, { value: number; paragraph: number; text: string }>();
  const list: ImportedFigure[] = [];
  for (const c of candidates) {
    const key = `${c.m.slot.indicator}|${c.filter ?? ''}`;
    const value = c.m.number.value;
    const current = storedOf.get(key) ?? null;
    let sure = c.sure;
    if (sure) {
      const earlier = seen.get(key);
      if (earlier && earlier.value !== value) {
        findings.push(conflict(c.m.number.paragraph, `Chỉ tiêu ${c.m.slot.indicator}${c.filter ? ` (${c.filter})` : ''} được ghi hai số khác nhau trong báo cáo: ${earlier.text} (đoạn ${earlier.paragraph + 1}) và ${c.m.number.text} (đoạn ${c.m.number.paragraph + 1}). Không ghi gì.`, earlier.value, value));
      } else if (earlier) {
        sure = false; // the same figure said twice is written once
      } else if (current !== null && current !== value) {
        findings.push(conflict(c.m.number.paragraph, `Số liệu ${c.m.number.text} (đoạn ${c.m.number.paragraph + 1}) của chỉ tiêu ${c.m.slot.indicator}${c.filter ? ` (${c.filter})` : ''} khác số đã lưu ${formatNumber(current)} cho ${unitOf(c.m.slot.indicator)}, kỳ ${period}. Không ghi gì; sửa báo cáo hoặc số liệu trước.`, value, current));
      }
      if (!earlier) seen.set(key, { value, paragraph: c.m.number.paragraph, text: c.m.number.text });
    }
    list.push({ paragraph: c.m.number.paragraph, text: c.m.number.text, value, indicator: c.m.slot.indicator, filter: c.filter, sure, reason: c.reason, stored: current });
  }
  return { list, findings };
}

function conflict(paragraph: number, message: string, left: number, right: number): LegacyFinding {
  return { rule: 'legacy:value_conflict', orgUnit: '', period: '', left, right, severity: 'error', message, paragraph };
}

/** Where each written value came from: the file and the paragraph, in the audit trail and the provenance table. */
async function recordProvenance(tx: Store, sure: readonly ImportedFigure[], unitOf: (indicator: string) => string, period: string, fileName: string, now: Date): Promise<void> {
  await tx.valueSources.record(sure.map((f) => ({
    indicator: f.indicator, orgUnit: unitOf(f.indicator), period, disagg: f.filter ?? '', source: fileName, paragraph: f.paragraph + 1, excerpt: f.text, recordedAt: now.toISOString(),
  })));
}

/**
 * Paragraphs of the file that the template prints itself from the data (the figures
 * being written included): the same words in the same section. They are not stored
 * again as items.
 */
function printedByTemplate(
  report: LegacyReport, template: ReportTemplate, sectionOf: (id: string) => string | null, probe: ReportInstance,
  context: { catalogue: Parameters<typeof buildReportModel>[0]['catalogue']; aggregator: Parameters<typeof buildReportModel>[0]['source'] },
): Set<number> {
  const model = buildReportModel({ template, instance: probe, catalogue: context.catalogue, source: context.aggregator });
  const bySection = new Map<string, Set<string>>();
  const visit = (sections: ReportModel['sections']): void => {
    for (const s of sections) {
      bySection.set(s.id, new Set(s.paragraphs.flatMap((p) => ('runs' in p ? [comparable(p.runs.map((r) => r.text).join(''))] : []))));
      visit(s.sections);
    }
  };
  visit(model.sections);
  const printed = new Set<number>();
  const walk = (sections: readonly LegacySection[]): void => {
    for (const s of sections) {
      const own = bySection.get(sectionOf(s.id) ?? '');
      if (own) for (const item of s.items) if (!item.table && own.has(comparable(item.text))) printed.add(item.paragraph);
      walk(s.sections);
    }
  };
  walk(report.sections);
  return printed;
}

/** A header field the old report does not state keeps the value already stored (an import never blanks it). */
function keepKnownHeader(imported: ReportInstance, existing: ReportInstance): ReportInstance {
  return {
    ...imported,
    number: imported.number ?? existing.number,
    date: imported.date ?? existing.date,
    place: imported.place || existing.place,
    governingBody: imported.governingBody || existing.governingBody,
    issuingBody: imported.issuingBody || existing.issuingBody,
    symbol: imported.symbol || existing.symbol,
    recipients: imported.recipients.length > 0 ? imported.recipients : existing.recipients,
    signer: imported.signer.name ? imported.signer : existing.signer,
    variables: { ...existing.variables, ...imported.variables },
  };
}
