// TanStack Query hooks over the API, one per resource. Keys start with the resource
// so a write can invalidate everything it may have changed.
import { useQuery } from '@tanstack/react-query';
import { api } from './client.ts';
import type {
  AnalyticsView, DisaggregationView, AuditEvent, CompletenessView, DataValueSet, DocumentView, Explanation, FormView, Indicator, ItemView,
  NotificationView, OrgUnit, PeriodsView, PlanView, ReportTemplate, ReportView, UserView, ValidationView,
} from './types.ts';

export const useOrgUnits = () => useQuery({
  queryKey: ['orgunits'],
  queryFn: () => api.get<{ orgUnits: OrgUnit[] }>('/api/orgunits'),
  select: (data) => data.orgUnits,
  staleTime: 10 * 60_000,
});

/** Where the user lands and which periods have reports (the period picker); cheap, asked on every page. */
export const usePeriods = (enabled = true) => useQuery({
  queryKey: ['periods'],
  queryFn: () => api.get<PeriodsView>('/api/periods'),
  staleTime: 60_000,
  enabled,
});

/** Thông báo: the list and how many are unread (the bell's count). */
export const useNotifications = (enabled = true) => useQuery({
  queryKey: ['notifications'],
  queryFn: () => api.get<{ notifications: NotificationView[]; unread: number }>('/api/notifications'),
  staleTime: 60_000,
  enabled,
});

export const useIndicators = () => useQuery({
  queryKey: ['indicators'],
  queryFn: () => api.get<{ indicators: Indicator[] }>('/api/indicators'),
  select: (data) => data.indicators,
  staleTime: 10 * 60_000,
});

export const useDisaggregations = () => useQuery({
  queryKey: ['disaggregations'],
  queryFn: () => api.get<{ disaggregations: DisaggregationView[] }>('/api/disaggregations'),
  select: (data) => data.disaggregations,
  staleTime: 10 * 60_000,
});

/** Aggregated series (subtree sums, ratios of sums) for charts. */
export const useAnalytics = (query: { indicator: string | undefined; org: string | undefined; from: string; to: string; by?: 'month' | 'unit'; filter?: string }) => useQuery({
  queryKey: ['analytics', query],
  queryFn: () => api.get<AnalyticsView>('/api/analytics', { ...query }),
  enabled: Boolean(query.indicator && query.org),
  retry: false,
});

export const useTemplate = (code: string | undefined) => useQuery({
  queryKey: ['templates', code],
  queryFn: async () => {
    const data = await api.get<ReportTemplate | { template: ReportTemplate }>(`/api/templates/${encodeURIComponent(code ?? '')}`);
    return 'template' in data ? data.template : data;
  },
  enabled: Boolean(code),
  staleTime: 10 * 60_000,
});

export const useValues = (org: string | undefined, period: string | undefined, children = false, enabled = true) => useQuery({
  queryKey: ['values', org, period, children],
  queryFn: () => api.get<DataValueSet>('/api/values', { org, period, ...(children ? { children: 'true' } : {}) }),
  enabled: enabled && Boolean(org && period),
});

export const useExplanations = (org: string | undefined, period: string | undefined, children = false, enabled = true) => useQuery({
  queryKey: ['explanations', org, period, children],
  queryFn: () => api.get<{ explanations: Explanation[] }>('/api/explanations', { org, period, ...(children ? { children: 'true' } : {}) }),
  select: (data) => data.explanations,
  enabled: enabled && Boolean(org && period),
  retry: false,
});

export const reportPath = (org: string, period: string) => `/api/reports/${encodeURIComponent(org)}/${encodeURIComponent(period)}`;

// The report routes answer 404 for a period without a report: callers pass `exists`
// (from usePeriods) so the app never asks for what is not there.
export const useReport = (org: string | undefined, period: string | undefined, exists = true) => useQuery({
  queryKey: ['reports', org, period],
  queryFn: () => api.get<ReportView>(reportPath(org ?? '', period ?? '')),
  enabled: exists && Boolean(org && period),
  retry: false,
});

export const useReportHtml = (org: string | undefined, period: string | undefined, exists = true) => useQuery({
  queryKey: ['reports', org, period, 'html'],
  queryFn: () => api.get<string>(`${reportPath(org ?? '', period ?? '')}.html`),
  enabled: exists && Boolean(org && period),
  retry: false,
});

/** Who enters which figure of the report, and whether the caller may now. */
export const useReportForm = (org: string | undefined, period: string | undefined, exists = true) => useQuery({
  queryKey: ['reports', org, period, 'form'],
  queryFn: () => api.get<FormView>(`${reportPath(org ?? '', period ?? '')}/form`),
  enabled: exists && Boolean(org && period),
  retry: false,
});

function listOf<T>(data: T[] | Record<string, T[]>, key: string): T[] {
  return Array.isArray(data) ? data : data[key] ?? [];
}

export const useItems = (org: string | undefined, period: string | undefined, exists = true) => useQuery({
  queryKey: ['reports', org, period, 'items'],
  queryFn: async () => listOf(await api.get<ItemView[] | Record<string, ItemView[]>>(`${reportPath(org ?? '', period ?? '')}/items`), 'entries'),
  enabled: exists && Boolean(org && period),
  retry: false,
});

export const useDocuments = (org: string | undefined, period: string | undefined, exists = true) => useQuery({
  queryKey: ['reports', org, period, 'documents'],
  queryFn: async () => listOf(await api.get<DocumentView[] | Record<string, DocumentView[]>>(`${reportPath(org ?? '', period ?? '')}/documents`), 'entries'),
  enabled: exists && Boolean(org && period),
  retry: false,
});

export const usePlan = (org: string | undefined, period: string | undefined, exists = true) => useQuery({
  queryKey: ['reports', org, period, 'plan'],
  queryFn: async () => listOf(await api.get<PlanView[] | Record<string, PlanView[]>>(`${reportPath(org ?? '', period ?? '')}/plan`), 'entries'),
  enabled: exists && Boolean(org && period),
  retry: false,
});

export const useValidation = (org: string | undefined, period: string | undefined, enabled = true) => useQuery({
  queryKey: ['validation', org, period],
  queryFn: () => api.get<ValidationView>('/api/validation', { org, period }),
  enabled: enabled && Boolean(org && period),
  retry: false,
});

export const useCompleteness = (org: string | undefined, period: string | undefined) => useQuery({
  queryKey: ['completeness', org, period],
  queryFn: () => api.get<CompletenessView>('/api/completeness', { org, period }),
  enabled: Boolean(org && period),
  retry: false,
});

export const useAudit = (filter: Record<string, string | undefined>, enabled = true) => useQuery({
  queryKey: ['audit', filter],
  enabled,
  queryFn: async () => listOf(await api.get<AuditEvent[] | Record<string, AuditEvent[]>>('/api/audit', filter), 'events'),
  retry: false,
});

export const useUsers = (enabled: boolean) => useQuery({
  queryKey: ['users'],
  queryFn: async () => listOf(await api.get<UserView[] | Record<string, UserView[]>>('/api/users'), 'users'),
  enabled,
  retry: false,
});
