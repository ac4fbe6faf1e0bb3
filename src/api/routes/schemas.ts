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

/** Period codes as the API takes them: 2022-04, 202204, 2022-Q2, 2022-H1, 2022 and every DHIS2 period code (2022W5, 20220415, 2022AprilS1…). */
export const ZPeriodCode = z.string().min(4).max(16).describe('Kỳ báo cáo: 2022-04, 202204, 2022-Q2, 2022-H1, 2022 hoặc mã kỳ của DHIS2 (2022W5, 20220415, 202201B, 2022AprilS1, 2022April…)');
export const ZOrgCode = z.string().min(1).max(64).describe('Mã đơn vị');
export const ZBooleanQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

const ZIdScheme = z.preprocess((v) => (typeof v === 'string' ? v.toUpperCase() : v), z.enum(['UID', 'CODE', 'NAME'])).optional().describe('Kiểu mã của DHIS2: UID, CODE hoặc NAME');

/** DHIS2's id scheme parameters, each UID, CODE or NAME in any case (UID by default; ADX: CODE). */
export const ZIdSchemeQuery = {
  idScheme: ZIdScheme, dataElementIdScheme: ZIdScheme, orgUnitIdScheme: ZIdScheme, categoryOptionComboIdScheme: ZIdScheme,
  dataSetIdScheme: ZIdScheme, categoryIdScheme: ZIdScheme, categoryOptionIdScheme: ZIdScheme,
};

/** The id schemes a request gave, without the absent ones. */
export function idSchemesOf(query: Partial<Record<keyof typeof ZIdSchemeQuery, 'UID' | 'CODE' | 'NAME' | undefined>>): Partial<Record<keyof typeof ZIdSchemeQuery, 'UID' | 'CODE' | 'NAME'>> {
  return Object.fromEntries(Object.entries(query).filter(([key, value]) => key in ZIdSchemeQuery && value !== undefined)) as Partial<Record<keyof typeof ZIdSchemeQuery, 'UID' | 'CODE' | 'NAME'>>;
}
