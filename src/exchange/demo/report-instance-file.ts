// The report instance file (demo/reports/*.yaml): header, recipients, signer, narrative
// items grouped by section, the document register and next period's plan, and its
// workflow state (draft, or issued with when and by whom).
// Ids and order are given by position when not written: items `<section>-<n>`,
// documents `doc-<n>`, plan lines `plan-<period>-<n>`; every id is safe in a URL path
// (core/entry-id.ts), written or not.
import { z } from 'zod';
import { ENTRY_ID_RULE, isSafeEntryId } from '../../core/entry-id.ts';
import { formatPeriod, nextPeriod, tryParsePeriod } from '../../core/period.ts';
import type { DocumentEntry, NarrativeItem, PlanItem } from '../../core/report-instance.ts';
import type { DemoReport } from '../../app/metadata/load-demo.ts';
import { parseStructuredText, zodProblems } from '../metadata-file.ts';
import type { FileProblem, MetadataFormat } from '../metadata-file.ts';

const ZIsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
// A refinement (not a regex) so the problem keeps its own message.
const ZEntryId = z.string().refine(isSafeEntryId, { message: `Mã ${ENTRY_ID_RULE}.` });
const ZItem = z.union([
  z.string().min(1),
  z.strictObject({
    id: ZEntryId.optional(),
    text: z.string().min(1),
    marker: z.string().nullable().optional(),
    slot: z.string().nullable().optional(),
    owner: z.string().nullable().optional(),
  }),
]);
const ZDocument = z.strictObject({
  id: ZEntryId.optional(),
  section: z.string().nullable().optional(),
  type: z.string().min(1),
  label: z.string().nullable().optional(),
  number: z.coerce.string().nullable().optional(),
  symbol: z.string().nullable().optional(),
  issuer: z.string().min(1),
  date: ZIsoDate.nullable().optional(),
  summary: z.string().min(1),
  cited: z.boolean().optional(),
});
const ZPlan = z.union([
  z.string().min(1),
  z.strictObject({
    id: ZEntryId.optional(),
    text: z.string().min(1),
    forPeriod: z.coerce.string().optional(),
    status: z.enum(['done', 'in_progress', 'not_done', 'carried_over']).nullable().optional(),
    resultItemIds: z.array(z.string()).optional(),
  }),
]);

export const ZReportFile = z.strictObject({
  template: z.string().min(1),
  orgUnit: z.string().min(1),
  period: z.coerce.string(),
  status: z.enum(['draft', 'issued']).optional(),
  issuedAt: z.iso.datetime({ offset: true }).optional(),
  issuedBy: z.string().min(1).optional(),
  number: z.number().int().positive().nullable(),
  date: ZIsoDate.nullable(),
  place: z.string().min(1),
  governingBody: z.string().min(1),
  issuingBody: z.string().min(1),
  symbol: z.string().min(1),
  variables: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  signer: z.strictObject({ authority: z.string().nullable(), title: z.string().min(1), name: z.string().min(1) }),
  recipients: z.array(z.string().min(1)),
  items: z.record(z.string(), z.array(ZItem)).optional(),
  documents: z.array(ZDocument).optional(),
  plan: z.array(ZPlan).optional(),
});

export function parseReportFile(text: string, format: MetadataFormat = 'yaml'): { report: DemoReport | null; problems: FileProblem[] } {
  const { value, problems } = parseStructuredText(text, format);
  if (problems.length > 0) return { report: null, problems };
  const result = ZReportFile.safeParse(value, { reportInput: true });
  if (!result.success) return { report: null, problems: zodProblems(result.error, []) };
  const file = result.data;
  const period = tryParsePeriod(file.period);
  if (!period.ok) return { report: null, problems: [{ path: 'period', message: period.error.message }] };
  if (file.status === 'issued' && (file.number === null || file.date === null || !file.issuedAt)) {
    return { report: null, problems: [{ path: 'status', message: 'Báo cáo đã ban hành phải có số (number), ngày (date) và thời điểm ban hành (issuedAt).' }] };
  }
  const nextCode = formatPeriod(nextPeriod(period.period));

  const items: NarrativeItem[] = [];
  for (const [section, list] of Object.entries(file.items ?? {})) {
    list.forEach((entry, index) => {
      const e = typeof entry === 'string' ? { text: entry } : entry;
      items.push({
        id: e.id ?? `${section}-${index + 1}`,
        section,
        order: index + 1,
        text: e.text,
        marker: e.marker ?? '-',
        owner: e.owner ?? null,
        slot: e.slot ?? null,
      });
    });
  }
  const documents: DocumentEntry[] = (file.documents ?? []).map((d, index) => ({
    id: d.id ?? `doc-${index + 1}`,
    section: d.section ?? null,
    type: d.type,
    label: d.label ?? null,
    number: d.number ?? null,
    symbol: d.symbol ?? null,
    issuer: d.issuer,
    date: d.date ?? null,
    summary: d.summary,
    cited: d.cited ?? true,
  }));
  const plan: PlanItem[] = (file.plan ?? []).map((entry, index) => {
    const e = typeof entry === 'string' ? { text: entry } : entry;
    const forPeriod = 'forPeriod' in e && e.forPeriod ? e.forPeriod : nextCode;
    return {
      id: ('id' in e && e.id) || `plan-${forPeriod}-${index + 1}`,
      order: index + 1,
      text: e.text,
      forPeriod,
      status: ('status' in e && e.status) || null,
      resultItemIds: ('resultItemIds' in e && e.resultItemIds) || [],
    };
  });
  const report: DemoReport = {
    template: file.template,
    orgUnit: file.orgUnit,
    period: formatPeriod(period.period),
    number: file.number,
    date: file.date,
    place: file.place,
    governingBody: file.governingBody,
    issuingBody: file.issuingBody,
    symbol: file.symbol,
    recipients: file.recipients,
    signer: file.signer,
    items,
    documents,
    plan,
    variables: file.variables ?? {},
    ...(file.status === 'issued' ? { state: { status: 'issued' as const, issuedAt: new Date(file.issuedAt ?? '').toISOString(), issuedBy: file.issuedBy ?? null } } : {}),
  };
  return { report, problems: [] };
}
