// A small department for exchange tests: two units under a department, a few
// indicators with and without disaggregations, seeded into a real store.
import type { Store } from '../../app/ports.ts';
import { Catalogue, defineIndicator } from '../../core/indicator.ts';
import type { Disaggregation, Indicator } from '../../core/indicator.ts';
import type { OrgUnit } from '../../core/org-unit.ts';

export const SAMPLE_UNITS: readonly OrgUnit[] = [
  { code: 'stttt-travinh', name: 'Sở Thông tin và Truyền thông', parentCode: null, level: 1, path: '/stttt-travinh' },
  { code: 'stttt-vp', name: 'Văn phòng Sở', parentCode: 'stttt-travinh', level: 2, path: '/stttt-travinh/stttt-vp' },
  { code: 'stttt-ttra', name: 'Thanh tra Sở', parentCode: 'stttt-travinh', level: 2, path: '/stttt-travinh/stttt-ttra' },
];

export const SAMPLE_DISAGGREGATIONS: readonly Disaggregation[] = [
  { code: 'channel', name: 'Kênh', options: [{ code: 'direct', name: 'Trực tiếp' }, { code: 'online', name: 'Trực tuyến' }] },
  { code: 'service_level', name: 'Mức độ', options: [{ code: 'l3', name: 'Mức 3' }, { code: 'l4', name: 'Mức 4' }] },
];

export const SAMPLE_INDICATORS: readonly Indicator[] = [
  defineIndicator({ code: 'ioffice.docs_issued', name: 'Văn bản điện tử phát hành', unit: 'văn bản', kind: 'flow', valueType: 'INTEGER_ZERO_OR_POSITIVE' }),
  defineIndicator({ code: 'ioffice.docs_signed', name: 'Văn bản được ký số', unit: 'văn bản', kind: 'flow', valueType: 'INTEGER_ZERO_OR_POSITIVE', partOf: 'ioffice.docs_issued' }),
  defineIndicator({ code: 'ioffice.signed_share', name: 'Tỷ lệ ký số', unit: '%', kind: 'derived', valueType: 'PERCENTAGE', expression: '#{ioffice.docs_signed} / #{ioffice.docs_issued} * 100' }),
  defineIndicator({ code: 'dvc.dossiers', name: 'Hồ sơ tiếp nhận', unit: 'hồ sơ', kind: 'flow', valueType: 'INTEGER_ZERO_OR_POSITIVE', disaggregations: ['service_level', 'channel'] }),
  defineIndicator({ code: 'attt.alerts', name: 'Cảnh báo an toàn thông tin', unit: 'cảnh báo', kind: 'flow', valueType: 'INTEGER_ZERO_OR_POSITIVE' }),
  defineIndicator({ code: 'budget.share', name: 'Tỷ lệ giải ngân', unit: '%', kind: 'stock', valueType: 'NUMBER', decimals: 2 }),
];

export function sampleCatalogue(): Catalogue {
  return Catalogue.build({ indicators: SAMPLE_INDICATORS, disaggregations: SAMPLE_DISAGGREGATIONS }).catalogue;
}

export async function seedSampleStore(store: Store): Promise<void> {
  await store.orgUnits.upsertMany(SAMPLE_UNITS);
  await store.indicators.upsertDisaggregations(SAMPLE_DISAGGREGATIONS);
  await store.indicators.upsertIndicators(SAMPLE_INDICATORS);
}
