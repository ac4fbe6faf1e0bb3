import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ReportTemplate } from '../../../src/core/report-template.ts';
import { entryGroups } from './template-order.ts';

test('indicators follow the order the template quotes them, the rest last', () => {
  const template: ReportTemplate = {
    code: 't', name: 'T', summary: '', closing: '',
    sections: [{
      id: 'i', number: 'I', title: 'Kết quả', level: 1, blocks: [], sections: [
        { id: 'i.1', number: '1', title: 'Văn bản', level: 2, blocks: [{ type: 'text', liquid: '{{ ioffice.docs_signed | so }} / {{ ioffice.docs_issued | so }}' }], sections: [] },
        { id: 'i.2', number: '2', title: 'Dịch vụ công', level: 2, blocks: [{ type: 'text', liquid: '{{ dvc.dossiers | so }} và {{ ioffice.docs_issued }}' }], sections: [] },
      ],
    }],
  };
  const groups = entryGroups(template, ['dvc.dossiers', 'ioffice.docs_issued', 'ioffice.docs_signed', 'qr.scans']);
  assert.deepEqual(groups, [
    { title: '1. Văn bản', codes: ['ioffice.docs_signed', 'ioffice.docs_issued'] },
    { title: '2. Dịch vụ công', codes: ['dvc.dossiers'] },
    { title: 'Chỉ tiêu khác', codes: ['qr.scans'] },
  ]);
});
