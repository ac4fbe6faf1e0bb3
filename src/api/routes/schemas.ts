// Schemas shared by several routes (zod; OpenAPI is generated from them).
import { z } from 'zod';
import { ROLES } from '../../core/access.ts';
import { ZError } from '../errors.ts';

export const ZGrant = z.object({ role: z.enum(ROLES), orgUnit: z.string() });

export const ZUser = z.object({
  username: z.string(),
  displayName: z.string(),
  grants: z.array(ZGrant),
});

/** The error responses every authenticated route can give. */
export const ERRORS = { 400: ZError, 401: ZError, 403: ZError, 404: ZError } as const;

/** Period codes as the API takes them: 2022-04, 202204, 2022-Q2, 2022-H1, 2022. */
export const ZPeriodCode = z.string().min(4).max(10).describe('Kỳ báo cáo: 2022-04, 202204, 2022-Q2, 2022-H1 hoặc 2022');
export const ZOrgCode = z.string().min(1).max(64).describe('Mã đơn vị');
export const ZBooleanQuery = z.enum(['true', 'false']).transform((v) => v === 'true');
