// Builders for repository tests, with the Trà Vinh April 2022 report's units and
// indicators: each builds a valid domain object, overrides change what a test is about.
import type { DataValue } from '../../core/data-value.ts';
import type { Disaggregation, Indicator } from '../../core/indicator.ts';
import type { OrgUnit } from '../../core/org-unit.ts';

export function buildOrgUnit(overrides: Partial<OrgUnit> & { code: string }): OrgUnit {
  return { name: `Đơn vị ${overrides.code}`, parentCode: null, level: 1, path: `/${overrides.code}`, ...overrides };
}

/** Tỉnh Trà Vinh → Sở TT&TT → two divisions, and a neighbour province. */
export const TRA_VINH_UNITS: readonly OrgUnit[] = [
  buildOrgUnit({ code: 'tv', name: 'Tỉnh Trà Vinh', kind: 'province', closingDate: '2025-06-30', successorCode: 'vl' }),
  buildOrgUnit({ code: 'stttt', name: 'Sở Thông tin và Truyền thông', shortName: 'Sở TT&TT', parentCode: 'tv', level: 2, path: '/tv/stttt', kind: 'department' }),
  buildOrgUnit({ code: 'cntt', name: 'Phòng Công nghệ thông tin', parentCode: 'stttt', level: 3, path: '/tv/stttt/cntt', kind: 'division', openingDate: '2008-01-01' }),
  buildOrgUnit({ code: 'bcvt', name: 'Phòng Bưu chính, Viễn thông', parentCode: 'stttt', level: 3, path: '/tv/stttt/bcvt', kind: 'division' }),
  // A code that starts like another (`tv…`): subtree queries must not confuse them.
  buildOrgUnit({ code: 'tvx', name: 'Đơn vị thử', kind: 'province' }),
  buildOrgUnit({ code: 'vl', name: 'Tỉnh Vĩnh Long', kind: 'province' }),
];

export const CHANNEL: Disaggregation = {
  code: 'channel',
  name: 'Kênh tiếp nhận',
  options: [
    { code: 'direct', name: 'Trực tiếp' },
    { code: 'online', name: 'Trực tuyến' },
  ],
};

export function buildIndicator(overrides: Partial<Indicator> & { code: string }): Indicator {
  return {
    name: `Chỉ tiêu ${overrides.code}`,
    unit: 'văn bản',
    kind: 'flow',
    valueType: 'INTEGER_ZERO_OR_POSITIVE',
    disaggregations: [],
    aggregation: { time: 'sum', org: 'sum' },
    decimals: 0,
    ...overrides,
  };
}

export const INDICATORS: readonly Indicator[] = [
  buildIndicator({ code: 'ioffice.docs_issued', name: 'Văn bản điện tử phát hành trên iOffice' }),
  buildIndicator({ code: 'ioffice.docs_signed', name: 'Văn bản được ký số', partOf: 'ioffice.docs_issued' }),
  buildIndicator({
    code: 'ioffice.signed_ratio', name: 'Tỷ lệ văn bản ký số', unit: '%', kind: 'derived', valueType: 'PERCENTAGE',
    aggregation: { time: 'none', org: 'none' }, expression: '#{ioffice.docs_signed} / #{ioffice.docs_issued}', decimals: 2,
  }),
  buildIndicator({ code: 'dvc.dossiers', name: 'Hồ sơ tiếp nhận', unit: 'hồ sơ', disaggregations: ['channel'], description: 'Cổng dịch vụ công tỉnh' }),
  buildIndicator({ code: 'qr.scans', name: 'Lượt quét mã QR trong tháng', unit: 'lượt' }),
  buildIndicator({ code: 'qr.scans_total', name: 'Tổng lượt quét mã QR', unit: 'lượt', kind: 'stock', aggregation: { time: 'last', org: 'sum' }, accumulates: 'qr.scans' }),
];

export function buildValue(overrides: Partial<DataValue> = {}): DataValue {
  return { indicator: 'ioffice.docs_issued', orgUnit: 'stttt', period: '2022-04', disagg: '', value: 20601, ...overrides };
}
