import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Dhis2Identifiers, mergeIdSchemes, schemeFor, toIdScheme } from './dhis2-ids.ts';
import { Catalogue, defineIndicator } from './indicator.ts';

const { catalogue } = Catalogue.build({
  disaggregations: [
    { code: 'channel', name: 'Kênh', uid: 'CatChannel1', dhis2Code: 'CHANNEL', options: [{ code: 'direct', name: 'Trực tiếp', uid: 'CoDirect001' }, { code: 'online', name: 'Trực tuyến', dhis2Code: 'ONLINE' }] },
  ],
  indicators: [
    defineIndicator({ code: 'dvc.dossiers', name: 'Hồ sơ', unit: 'hồ sơ', kind: 'flow', disaggregations: ['channel'], uid: 'DeDossier01', dhis2Code: 'DVC_DOSSIERS' }),
    defineIndicator({ code: 'same.a', name: 'Trùng tên', unit: '', kind: 'flow' }),
    defineIndicator({ code: 'same.b', name: 'Trùng tên', unit: '', kind: 'flow' }),
  ],
  optionCombos: [
    { uid: 'HllvX50cXC0', name: 'default', options: {} },
    { uid: 'CocOnline01', code: 'COC_ONLINE', name: 'Trực tuyến', options: { channel: 'online' } },
  ],
});
const units = [{ code: 'stttt', name: 'Sở TT&TT', parentCode: null, level: 1, path: '/stttt', uid: 'OuStttt0001' }];
const ids = new Dhis2Identifiers(catalogue, units);

describe('reading a file\'s identifiers by id scheme', () => {
  it('UID reads uids, and our codes too', () => {
    assert.deepEqual(ids.indicator('DeDossier01', 'UID'), { ok: true, value: catalogue.indicator('dvc.dossiers') });
    assert.equal(ids.indicator('dvc.dossiers', 'UID').ok, true);
    assert.equal(ids.orgUnit('OuStttt0001', 'UID').ok, true);
  });
  it('CODE reads DHIS2 codes; NAME reads names and refuses a name two objects share', () => {
    assert.equal(ids.indicator('DVC_DOSSIERS', 'CODE').ok, true);
    assert.equal(ids.indicator('Hồ sơ', 'NAME').ok, true);
    const shared = ids.indicator('Trùng tên', 'NAME');
    assert.ok(!shared.ok && /Có 2 chỉ tiêu cùng tên "Trùng tên" \(same.a, same.b\)/.test(shared.problem));
    const unknown = ids.indicator('khong.co', 'UID');
    assert.ok(!unknown.ok && unknown.problem === 'Chỉ tiêu "khong.co" chưa được khai báo (không có chỉ tiêu nào có uid hoặc mã này).');
  });
  it('option combinations: the total under every spelling, a combination by uid, code or name, our own key', () => {
    for (const total of ['', 'default', 'DEFAULT', 'HllvX50cXC0']) assert.deepEqual(ids.combo(total, 'UID'), { ok: true, value: '' });
    assert.deepEqual(ids.combo('CocOnline01', 'UID'), { ok: true, value: 'channel=online' });
    assert.deepEqual(ids.combo('COC_ONLINE', 'CODE'), { ok: true, value: 'channel=online' });
    assert.deepEqual(ids.combo('Trực tuyến', 'NAME'), { ok: true, value: 'channel=online' });
    assert.deepEqual(ids.combo('level=4;channel=online', 'UID'), { ok: true, value: 'channel=online;level=4' });
    assert.equal(ids.combo('bRowv6yZOF2', 'UID').ok, false);
  });
  it('ADX: categories and options by code (or the scheme given)', () => {
    assert.deepEqual(ids.options({ CHANNEL: 'ONLINE' }, 'CODE', 'CODE'), { ok: true, value: 'channel=online' });
    assert.deepEqual(ids.options({ CatChannel1: 'CoDirect001' }, 'UID', 'UID'), { ok: true, value: 'channel=direct' });
    assert.deepEqual(ids.options({ channel: 'Trực tuyến' }, 'CODE', 'NAME'), { ok: true, value: 'channel=online' });
    const bad = ids.options({ CHANNEL: 'post' }, 'CODE', 'CODE');
    assert.ok(!bad.ok && /Phân tổ "channel" không có mục "post"/.test(bad.problem));
  });
});

describe('writing identifiers by id scheme', () => {
  it('UID writes uids, CODE DHIS2 codes, NAME names; our code where DHIS2 has none', () => {
    const uid = ids.writer({}, 'UID');
    assert.deepEqual([uid.indicator('dvc.dossiers'), uid.indicator('same.a'), uid.orgUnit('stttt'), uid.combo('channel=online'), uid.combo(''), uid.combo('channel=direct')],
      ['DeDossier01', 'same.a', 'OuStttt0001', 'CocOnline01', 'HllvX50cXC0', 'channel=direct']);
    const code = ids.writer({ categoryOptionComboIdScheme: 'CODE' }, 'CODE');
    assert.deepEqual([code.indicator('dvc.dossiers'), code.dimension('channel'), code.option('channel', 'online'), code.option('channel', 'direct'), code.combo('channel=online')],
      ['DVC_DOSSIERS', 'CHANNEL', 'ONLINE', 'direct', 'COC_ONLINE']);
    assert.equal(ids.writer({ dataElementIdScheme: 'NAME' }, 'UID').indicator('dvc.dossiers'), 'Hồ sơ');
  });
  it('schemes: the file wins over the request, a specific one over idScheme; attribute schemes are refused clearly', () => {
    const merged = mergeIdSchemes({ dataElementIdScheme: 'CODE' }, { dataElementIdScheme: 'NAME', idScheme: 'NAME' });
    assert.equal(schemeFor(merged, 'dataElementIdScheme', 'UID'), 'CODE');
    assert.equal(schemeFor(merged, 'orgUnitIdScheme', 'UID'), 'NAME');
    assert.equal(schemeFor({}, 'orgUnitIdScheme', 'CODE'), 'CODE');
    assert.deepEqual(toIdScheme('code'), { ok: true, scheme: 'CODE' });
    const attribute = toIdScheme('attribute:DnrLSdo4hMl');
    assert.ok(!attribute.ok && /không lưu thuộc tính/.test(attribute.problem));
  });
});
