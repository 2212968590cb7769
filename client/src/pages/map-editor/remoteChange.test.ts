import { describe, expect, it } from 'vitest';
import type { MapEvent, ProcessMap } from '../../api/types';
import { remoteChangeText } from './remoteChange';

const event = (kind: MapEvent['kind']): MapEvent => ({ mapId: 'm', kind, by: { id: 'u', name: 'Ni Luh Putu' }, at: '2026-12-07T10:00:00Z' });
const map = { currentRevision: 4 } as ProcessMap;

describe('the notice of a change made elsewhere', () => {
  it('names who changed the map and, with unsaved work here, says it is kept', () => {
    expect(remoteChangeText(event('revision'), map, true)).toMatch(/^Peta ini diubah oleh Ni Luh Putu: menyimpan revisi baru peta ini \(revisi 4\)\. Perubahan Anda belum disimpan dan tidak ditimpa/);
    expect(remoteChangeText(event('revision'), map, false)).toBe('Peta ini diubah oleh Ni Luh Putu: menyimpan revisi baru peta ini (revisi 4). Diagram kini menampilkan revisi terbaru.');
    expect(remoteChangeText(event('review'), map, false)).toBe('Peta ini diubah oleh Ni Luh Putu: mengubah status reviu peta ini.');
  });
});
