// Reading a change (issue 15, item 5) on real maps: a penyusun inserts one step early in the RSUD work mechanism
// (processes/library/mk-rsud.bpmn, 13 SOP rows). Flows are told by their ends, never by their ids; unnamed ends by
// kind and place; the nine rows that only moved down one number are one renumbering entry, not nine.
import { describe, expect, it } from 'vitest';
import { diffRevisions } from '../../server/review/diff/revision-diff';
import { edit, MK_RSUD_XML as BEFORE, withInsertedStep } from './inserted-step';

const diffOf = (oldXml: string, newXml: string) => diffRevisions({ mapId: 'peta', dari: 1, ke: 2, oldXml, newXml, sopVersions: [] });

describe('reading a change', () => {
  it('tells one inserted step as the new row and one renumbering entry for the rows after it', async () => {
    const diff = await diffOf(BEFORE, withInsertedStep(BEFORE));
    expect(diff.sopRows).toEqual([{ elementId: 'Activity_Membahas', change: 'added', kegiatan: 'Membahas strategi bersama Kepala Bidang', newNo: 5, fields: [] }]);
    expect(diff.sopRenumbered).toEqual([
      {
        fromNo: 5,
        toNo: 13,
        newFromNo: 6,
        newToNo: 14,
        count: 9,
        elementIds: ['Activity_RencanaKegiatan', 'Activity_RincianKegiatan', 'Activity_Melaksanakan', 'Activity_Monitoring', 'Activity_SerahHasil', 'Activity_Reviu', 'Activity_ReviuWakil', 'Activity_ReviuLevel1', 'Activity_Penerimaan'],
      },
    ]);
    // Taken back out: the rows move up again, still one entry.
    const back = await diffOf(withInsertedStep(BEFORE), BEFORE);
    expect(back.sopRows.map((r) => [r.change, r.oldNo])).toEqual([['removed', 5]]);
    expect(back.sopRenumbered.map((r) => [r.fromNo, r.toNo, r.newFromNo, r.newToNo, r.count])).toEqual([[6, 14, 5, 13, 9]]);
  });

  it('keeps a row with another change as its own entry, out of the renumbering run', async () => {
    const after = edit(withInsertedStep(BEFORE), 'name="Memantau perkembangan dan memberi umpan balik"', 'name="Memantau perkembangan kegiatan"');
    const diff = await diffOf(BEFORE, after);
    expect(diff.sopRows.map((r) => [r.elementId, r.change, r.oldNo, r.newNo])).toEqual([
      ['Activity_Membahas', 'added', undefined, 5],
      ['Activity_Monitoring', 'changed', 8, 9],
    ]);
    // Rows 5–7 and 9–13 moved by one: two runs, around the row that changed.
    expect(diff.sopRenumbered.map((r) => [r.fromNo, r.toNo, r.newFromNo, r.newToNo])).toEqual([
      [5, 7, 6, 8],
      [9, 13, 10, 14],
    ]);
  });

  it('describes flows by their ends and never by a technical id', async () => {
    const diff = await diffOf(BEFORE, withInsertedStep(BEFORE));
    const byId = new Map(diff.elements.map((e) => [e.elementId, e]));
    expect(byId.get('Flow_15')).toMatchObject({ change: 'added', label: '“Membahas strategi bersama Kepala Bidang” → “Menyusun rencana pelaksanaan kegiatan dan anggaran”' });
    const reconnected = byId.get('Flow_5')!;
    expect(reconnected.label).toBe('“Merumuskan strategi pelaksanaan pencapaian target kinerja” → “Membahas strategi bersama Kepala Bidang”');
    expect(reconnected.reconnected?.from.targetLabel).toBe('“Menyusun rencana pelaksanaan kegiatan dan anggaran”');
    expect(reconnected.reconnected?.to.targetLabel).toBe('“Membahas strategi bersama Kepala Bidang”');
    for (const change of diff.elements) expect(JSON.stringify([change.label ?? change.name])).not.toMatch(/Flow_|Activity_|Gateway_|Event_/);
  });

  it('names an unnamed end by its kind and place', async () => {
    const diff = await diffOf(BEFORE, withInsertedStep(BEFORE, ''));
    const byId = new Map(diff.elements.map((e) => [e.elementId, e]));
    expect(byId.get('Activity_Membahas')).toMatchObject({ change: 'added', label: 'Tugas tanpa nama ke-1 di jalur "Kepala Bidang"' });
    expect(byId.get('Flow_15')!.label).toBe('Tugas tanpa nama ke-1 di jalur "Kepala Bidang" → “Menyusun rencana pelaksanaan kegiatan dan anggaran”');
  });
});
