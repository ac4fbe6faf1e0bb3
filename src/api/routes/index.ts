// Every route of the API, by resource.
import type { RateLimit } from '../auth/login-rate-limit.ts';
import type { ApiContext, ZodApp } from '../context.ts';
import { registerAnalyticsRoutes } from './analytics/index.ts';
import { registerAuditRoutes } from './audit/index.ts';
import { registerCompletenessRoutes } from './completeness/index.ts';
import { registerDisaggregationRoutes } from './disaggregations/index.ts';
import { registerExplanationRoutes } from './explanations/index.ts';
import { registerHealthRoutes } from './health/index.ts';
import { registerIndicatorRoutes } from './indicators/index.ts';
import { registerMeRoutes } from './me/index.ts';
import { registerNotificationRoutes } from './notifications/index.ts';
import { registerOrgUnitRoutes } from './orgunits/index.ts';
import { registerPeriodRoutes } from './periods/index.ts';
import { registerReportEntryRoutes } from './report-entries/index.ts';
import { registerReportImportRoutes } from './reports/import.ts';
import { registerReportRoutes } from './reports/index.ts';
import { registerSessionRoutes } from './session/index.ts';
import { registerTemplateRoutes } from './templates/index.ts';
import { registerUserRoutes } from './users/index.ts';
import { registerValidationRoutes } from './validation/index.ts';
import { registerValueFileRoutes } from './values/files.ts';
import { registerValueRoutes } from './values/index.ts';

export function registerRoutes(app: ZodApp, context: ApiContext, loginLimit: RateLimit): void {
  registerHealthRoutes(app, context);
  registerSessionRoutes(app, context, loginLimit);
  registerMeRoutes(app, context);
  registerOrgUnitRoutes(app, context);
  registerIndicatorRoutes(app, context);
  registerDisaggregationRoutes(app, context);
  registerAnalyticsRoutes(app, context);
  registerValueRoutes(app, context);
  registerValueFileRoutes(app, context);
  registerReportRoutes(app, context);
  registerPeriodRoutes(app, context);
  registerNotificationRoutes(app, context);
  registerExplanationRoutes(app, context);
  registerReportImportRoutes(app, context);
  registerReportEntryRoutes(app, context);
  registerTemplateRoutes(app, context);
  registerValidationRoutes(app, context);
  registerCompletenessRoutes(app, context);
  registerAuditRoutes(app, context);
  registerUserRoutes(app, context);
}
