import { describe, expect, it } from 'vitest';
import type { ElementChange } from '../../api/types';
import { href, parseHash } from '../../router';
import { elementChangeLines, elementTitle, identityChangeLine, rowTitle } from './diffText';

const typeLabel = (type: string) => ({ 'bpmn:Task': 'Tugas', 'bpmn:UserTask': 'Tugas Pengguna', 'bpmn:SequenceFlow': 'Alur Urutan' })[type] ?? type;

describe('the diff route', () => {
  it('writes and reads #/peta/<id>/banding with both revisions, either, or none', () => {
    expect(href.diff('abc', 2, 5)).toBe('#/peta/abc/banding?dari=2&ke=5');
    expect(parseHash(href.diff('abc', 2, 5))).toEqual({ name: 'diff', id: 'abc', dari: 2, ke: 5 });
    expect(parseHash(href.diff('abc'))).toEqual({ name: 'diff', id: 'abc', dari: null, ke: null });
    expect(parseHash('#/peta/abc/banding?dari=0&ke=dua')).toEqual({ name: 'diff', id: 'abc', dari: null, ke: null });
  });
});

describe('the lines of an element change', () => {
  const change: ElementChange = {
    elementId: 'Flow_2',
    type: 'bpmn:SequenceFlow',
    change: 'changed',
    attributes: [{ property: '$type', label: 'Jenis elemen', oldValue: 'bpmn:Task', newValue: 'bpmn:UserTask' }, { property: 'name', label: 'Nama', newValue: 'Ya' }],
    reconnected: { from: { sourceId: 'A', sourceName: 'Mulai', targetId: 'B', targetName: 'Periksa' }, to: { sourceId: 'A', sourceName: 'Mulai', targetId: 'C' } },
    lane: { from: { laneId: 'Lane_1', laneName: 'Kepala' }, to: {} },
    layoutChanged: true,
  };

  it('reads old → new, with kinds translated, ends by name or id, and the lane', () => {
    expect(elementTitle(change, typeLabel)).toBe('Alur Urutan (Flow_2)');
    expect(elementChangeLines(change, typeLabel)).toEqual([
      'Jenis elemen: “Tugas” → “Tugas Pengguna”',
      'Nama: (kosong) → “Ya”',
      'Tujuan alur: “Periksa” → “C”',
      'Lajur: “Kepala” → “(tanpa lajur)”',
      'Posisi atau ukuran di diagram berubah',
    ]);
  });

  it('names a row by its number, and both numbers when it moved', () => {
    expect(rowTitle({ elementId: 'T', change: 'changed', kegiatan: 'Periksa', oldNo: 3, newNo: 4, fields: [] })).toBe('No. 3 → 4: “Periksa”');
    expect(rowTitle({ elementId: 'T', change: 'removed', kegiatan: 'Periksa', oldNo: 3, fields: [] })).toBe('No. 3: “Periksa”');
  });
});

describe('the line of an identity change', () => {
  it('shows lists whole and an unfilled side as (kosong)', () => {
    expect(identityChangeLine({ path: 'dasarHukum', label: 'Dasar Hukum', change: 'changed', oldValue: ['Perbup 1'], newValue: ['Perbup 1', 'Perwali 2'] })).toBe(
      '“Perbup 1” → “Perbup 1”; “Perwali 2”',
    );
    expect(identityChangeLine({ path: 'nomor', label: 'Nomor SOP', change: 'added', newValue: '800/1' })).toBe('(kosong) → “800/1”');
  });
});
