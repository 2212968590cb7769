import { describe, expect, it } from 'vitest';
import type { ElementChange } from '../../api/types';
import { href, parseHash } from '../../router';
import { elementChangeLines, elementTitle, identityChangeLine, renumberingLine, renumberingTitle, rowTitle } from './diffText';

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

  it('titles a flow by its ends (its name first), an unnamed element by kind and place, and reconnections by the labels', () => {
    const flow: ElementChange = {
      ...change,
      name: undefined,
      label: '“Menyusun konsep” → Gerbang tanpa nama ke-1',
      reconnected: { from: { sourceId: 'A', targetId: 'B', targetLabel: '“Periksa”' }, to: { sourceId: 'A', targetId: 'G', targetLabel: 'Gerbang tanpa nama ke-1' } },
    };
    expect(elementTitle(flow, typeLabel)).toBe('Alur Urutan: “Menyusun konsep” → Gerbang tanpa nama ke-1');
    expect(elementTitle({ ...flow, name: 'Ya' }, typeLabel)).toBe('Alur Urutan “Ya”: “Menyusun konsep” → Gerbang tanpa nama ke-1');
    expect(elementTitle({ ...flow, type: 'bpmn:Task', label: 'Tugas tanpa nama ke-3 di jalur "Kasir"' }, typeLabel)).toBe('Tugas tanpa nama ke-3 di jalur "Kasir"');
    expect(elementChangeLines(flow, typeLabel)).toContain('Tujuan alur: “Periksa” → Gerbang tanpa nama ke-1');
  });

  it('tells a run of renumbered rows as one entry', () => {
    const run = { fromNo: 5, toNo: 12, newFromNo: 6, newToNo: 13, count: 8, elementIds: ['A'] };
    expect(renumberingTitle(run)).toBe('Baris SOP dinomori ulang: 5–12');
    expect(renumberingLine(run)).toBe('Menjadi No. 6–13 (8 baris, nomor +1): ada baris yang ditambahkan atau dihapus sebelumnya');
    expect(renumberingTitle({ ...run, toNo: 5, newToNo: 6, count: 1 })).toBe('Baris SOP dinomori ulang: 5');
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
