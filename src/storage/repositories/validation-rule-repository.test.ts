import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ValidationRule } from '../../core/validate.ts';
import { testDatabases } from '../testing/test-databases.ts';

const SIGNED_NOT_ABOVE_ISSUED: ValidationRule = {
  code: 'ioffice.signed_le_issued',
  name: 'Văn bản ký số không vượt số văn bản phát hành',
  left: '#{ioffice.docs_signed}',
  operator: 'less_than_or_equal_to',
  right: '#{ioffice.docs_issued}',
  severity: 'error',
  message: 'Số văn bản ký số lớn hơn số văn bản phát hành',
  missing: 'SKIP_IF_ANY_VALUE_MISSING',
};

const DOSSIERS_SUM: ValidationRule = {
  code: 'dvc.channels_sum',
  name: 'Hồ sơ trực tiếp và trực tuyến cộng lại bằng tổng',
  left: '#{dvc.dossiers:channel=direct} + #{dvc.dossiers:channel=online}',
  operator: 'equal_to',
  right: '#{dvc.dossiers}',
  severity: 'warning',
  message: 'Tổng hồ sơ không khớp với số trực tiếp và trực tuyến',
};

for (const database of testDatabases()) {
  describe(database.name, { skip: database.skip }, () => {
    test('rules round-trip (with and without a missing-value strategy) and count changes', () =>
      database.withStore(async (store) => {
        assert.deepEqual(await store.validationRules.upsertMany([SIGNED_NOT_ABOVE_ISSUED, DOSSIERS_SUM]), { imported: 2, updated: 0, unchanged: 0 });
        assert.deepEqual(await store.validationRules.list(), [DOSSIERS_SUM, SIGNED_NOT_ABOVE_ISSUED]);

        const stricter = { ...DOSSIERS_SUM, severity: 'error' as const };
        assert.deepEqual(await store.validationRules.upsertMany([SIGNED_NOT_ABOVE_ISSUED, stricter]), { imported: 0, updated: 1, unchanged: 1 });
        assert.deepEqual(await store.validationRules.list(), [stricter, SIGNED_NOT_ABOVE_ISSUED]);
      }));
  });
}
