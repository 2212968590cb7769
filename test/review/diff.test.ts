// Revision diffs on a real library map (penunjukan-dalam-unit.bpmn) and the same map edited as a penyusun would:
// each category of change is found, with its values the right way round (bpmn-js-differ 3.2.0 swaps them).
import { describe, expect, it } from 'vitest';
import { parseBpmn } from '../../server/bpmn/moddle';
import type { ElementChange } from '../../server/review/diff/diff.schema';
import { identityDiff } from '../../server/review/diff/identity-diff';
import { diffRevisions } from '../../server/review/diff/revision-diff';
import { semanticDiff } from '../../server/review/diff/semantic-diff';
import type { SopVersion } from '../../server/sop/sop.schema';
import {
  ADDED_FLOW,
  ADDED_TASK,
  DOCUMENTED_TASK,
  DRAGGED_EVENT,
  LANE_MOVED_TASK,
  ORIGINAL_XML,
  RECONNECTED_FLOW,
  RENAMED_TASK,
  revisedXml,
} from './revised-map';

const REVISED_XML = revisedXml();

async function elementsOf(oldXml: string, newXml: string): Promise<Map<string, ElementChange>> {
  const [before, after] = [await parseBpmn(oldXml), await parseBpmn(newXml)];
  return new Map(semanticDiff(before.definitions, after.definitions).map((change) => [change.elementId, change]));
}

const version = (n: number, mapRevision: number, identity: SopVersion['identity']): SopVersion => ({
  version: n,
  mapRevision,
  identity,
  settings: {},
  savedAt: '2026-11-26T08:00:00.000Z',
  savedBy: 'Penyusun Uji',
});

describe('the model diff of two revisions', () => {
  it('finds nothing between a revision and itself', async () => {
    expect([...(await elementsOf(ORIGINAL_XML, ORIGINAL_XML)).values()]).toEqual([]);
    expect([...(await elementsOf(REVISED_XML, REVISED_XML)).values()]).toEqual([]);
  });

  it('reports the added task and flow, and the same two as removed when read backwards', async () => {
    const forward = await elementsOf(ORIGINAL_XML, REVISED_XML);
    expect(forward.get(ADDED_TASK)).toMatchObject({ change: 'added', type: 'bpmn:Task', name: 'Memeriksa kelengkapan berkas' });
    expect(forward.get(ADDED_FLOW)).toMatchObject({ change: 'added', type: 'bpmn:SequenceFlow' });
    const backward = await elementsOf(REVISED_XML, ORIGINAL_XML);
    expect(backward.get(ADDED_TASK)).toMatchObject({ change: 'removed', name: 'Memeriksa kelengkapan berkas' });
    expect(backward.get(ADDED_FLOW)).toMatchObject({ change: 'removed' });
    expect([...backward.values()].filter((c) => c.change === 'added')).toEqual([]);
  });

  it('gives a renamed task its old and new name and time the right way round', async () => {
    const renamed = (await elementsOf(ORIGINAL_XML, REVISED_XML)).get(RENAMED_TASK);
    expect(renamed).toMatchObject({ change: 'changed', name: 'Menerbitkan surat tugas' });
    expect(renamed?.attributes).toEqual([
      { property: 'name', label: 'Nama', oldValue: 'Menerbitkan surat penugasan', newValue: 'Menerbitkan surat tugas' },
      { property: 'sk:time', label: 'Waktu', oldValue: '1 hari', newValue: '3 hari' },
    ]);
    const back = (await elementsOf(REVISED_XML, ORIGINAL_XML)).get(RENAMED_TASK);
    expect(back?.attributes[0]).toMatchObject({ oldValue: 'Menerbitkan surat tugas', newValue: 'Menerbitkan surat penugasan' });
  });

  it('reports documentation the differ does not see', async () => {
    const documented = (await elementsOf(ORIGINAL_XML, REVISED_XML)).get(DOCUMENTED_TASK);
    expect(documented).toMatchObject({ change: 'changed', attributes: [{ property: 'documentation', label: 'Dokumentasi', newValue: 'Dipilih dari peta jabatan' }] });
    expect(documented?.attributes[0]).not.toHaveProperty('oldValue');
  });

  it('reports a task moved into another lane, with both lanes', async () => {
    const moved = (await elementsOf(ORIGINAL_XML, REVISED_XML)).get(LANE_MOVED_TASK);
    expect(moved).toMatchObject({
      change: 'moved',
      attributes: [],
      lane: {
        from: { laneId: 'Lane_Jf', laneName: 'Pejabat Fungsional/Pelaksana' },
        to: { laneId: 'Lane_Kabid', laneName: 'Kepala Bidang (Pimpinan Unit Organisasi)' },
      },
      layoutChanged: false,
    });
  });

  it('reports a reconnected flow with its old and new ends', async () => {
    const flow = (await elementsOf(ORIGINAL_XML, REVISED_XML)).get(RECONNECTED_FLOW);
    expect(flow?.change).toBe('changed');
    const source = 'Memilih Pejabat Fungsional atau Pelaksana sesuai kompetensi';
    expect(flow?.reconnected).toEqual({
      from: { sourceId: 'Activity_Memilih', sourceName: source, targetId: 'Activity_Menugaskan', targetName: 'Menerbitkan surat penugasan', sourceLabel: `“${source}”`, targetLabel: '“Menerbitkan surat penugasan”' },
      to: { sourceId: 'Activity_Memilih', sourceName: source, targetId: ADDED_TASK, targetName: 'Memeriksa kelengkapan berkas', sourceLabel: `“${source}”`, targetLabel: '“Memeriksa kelengkapan berkas”' },
    });
    expect(flow?.label).toBe(`“${source}” → “Memeriksa kelengkapan berkas”`);
  });

  it('reports a dragged shape as moved, and nothing else beyond the edits', async () => {
    const changes = await elementsOf(ORIGINAL_XML, REVISED_XML);
    expect(changes.get(DRAGGED_EVENT)).toMatchObject({ change: 'moved', layoutChanged: true, attributes: [] });
    expect(changes.get(DRAGGED_EVENT)).not.toHaveProperty('lane');
    expect([...changes.keys()].sort()).toEqual([ADDED_FLOW, ADDED_TASK, DOCUMENTED_TASK, DRAGGED_EVENT, LANE_MOVED_TASK, RECONNECTED_FLOW, RENAMED_TASK].sort());
  });

  it('reports a changed element type and a renamed pool, read from both models', async () => {
    const retyped = ORIGINAL_XML.replace('<bpmn:task id="Activity_Memilih"', '<bpmn:userTask id="Activity_Memilih"')
      .replace(/(<bpmn:userTask id="Activity_Memilih"[\s\S]*?)<\/bpmn:task>/, '$1</bpmn:userTask>')
      .replace('<bpmn:participant id="Participant_Bidang" name="Bidang"', '<bpmn:participant id="Participant_Bidang" name="Bidang Umum"');
    expect(retyped).toContain('</bpmn:userTask>');
    const changes = await elementsOf(ORIGINAL_XML, retyped);
    expect(changes.get(DOCUMENTED_TASK)).toMatchObject({ change: 'changed', type: 'bpmn:UserTask', attributes: [{ property: '$type', label: 'Jenis elemen', oldValue: 'bpmn:Task', newValue: 'bpmn:UserTask' }] });
    expect(changes.get('Participant_Bidang')).toMatchObject({ change: 'changed', attributes: [{ property: 'name', oldValue: 'Bidang', newValue: 'Bidang Umum' }] });
    expect(changes.size).toBe(2);
  });
});

describe('the SOP parts of a revision diff', () => {
  it('reports SOP rows added and changed by column, matched by element', async () => {
    const diff = await diffRevisions({ mapId: 'peta', dari: 1, ke: 2, oldXml: ORIGINAL_XML, newXml: REVISED_XML, sopVersions: [] });
    const rows = new Map(diff.sopRows.map((row) => [row.elementId, row]));
    expect(rows.get(ADDED_TASK)).toEqual({ elementId: ADDED_TASK, change: 'added', kegiatan: 'Memeriksa kelengkapan berkas', newNo: 2, fields: [] });
    expect(rows.get(RENAMED_TASK)?.fields).toEqual([
      { column: 'no', label: 'No.', oldValue: '2', newValue: '3' },
      { column: 'kegiatan', label: 'Kegiatan', oldValue: 'Menerbitkan surat penugasan', newValue: 'Menerbitkan surat tugas' },
      { column: 'waktu', label: 'Waktu', oldValue: '1 hari', newValue: '3 hari' },
    ]);
    expect(rows.get(LANE_MOVED_TASK)?.fields).toContainEqual({ column: 'pelaksana', label: 'Pelaksana', oldValue: 'Pejabat Fungsional/Pelaksana', newValue: 'Kepala Bidang (Pimpinan Unit Organisasi)' });
    expect(rows.get(DOCUMENTED_TASK)?.fields).toEqual([{ column: 'keterangan', label: 'Keterangan', newValue: 'Dipilih dari peta jabatan' }]);
    expect(rows.has('StartEvent_Mulai')).toBe(false);

    const backward = await diffRevisions({ mapId: 'peta', dari: 2, ke: 1, oldXml: REVISED_XML, newXml: ORIGINAL_XML, sopVersions: [] });
    expect(backward.sopRows.find((row) => row.elementId === ADDED_TASK)).toEqual({ elementId: ADDED_TASK, change: 'removed', kegiatan: 'Memeriksa kelengkapan berkas', oldNo: 2, fields: [] });
  });

  it('compares the identities in force at each revision, field by field', async () => {
    const versions = [
      version(1, 1, { namaSop: 'Penunjukan', nomor: '800/1', dasarHukum: ['Perbup 1/2024'], disahkanOleh: { nip: '19700101 199503 1 001' } }),
      version(2, 1, { namaSop: 'Penunjukan Pelaksana', nomor: '800/1', dasarHukum: ['Perbup 1/2024', 'Perbup 2/2025'], tanggalRevisi: '2026-11-01', disahkanOleh: { nip: '' } }),
      version(3, 3, { namaSop: 'Tidak berlaku untuk revisi 2' }),
    ];
    const diff = await diffRevisions({ mapId: 'peta', dari: 1, ke: 2, oldXml: ORIGINAL_XML, newXml: REVISED_XML, sopVersions: versions });
    // At revision 1 the last save made at it (version 2) is in force; revision 2 has no save of its own: version 2 too.
    expect(diff.identity).toEqual({ dariVersion: 2, keVersion: 2, changes: [] });
    expect(identityDiff(versions[0]!.identity, versions[1]!.identity)).toEqual([
      { path: 'tanggalRevisi', label: 'Tanggal Revisi', change: 'added', newValue: '2026-11-01' },
      { path: 'disahkanOleh.nip', label: 'NIP pejabat yang mengesahkan (Disahkan oleh)', change: 'removed', oldValue: '19700101 199503 1 001' },
      { path: 'namaSop', label: 'Nama SOP', change: 'changed', oldValue: 'Penunjukan', newValue: 'Penunjukan Pelaksana' },
      { path: 'dasarHukum', label: 'Dasar Hukum', change: 'changed', oldValue: ['Perbup 1/2024'], newValue: ['Perbup 1/2024', 'Perbup 2/2025'] },
    ]);
    const later = await diffRevisions({ mapId: 'peta', dari: 2, ke: 3, oldXml: REVISED_XML, newXml: REVISED_XML, sopVersions: versions });
    expect(later.identity.dariVersion).toBe(2);
    expect(later.identity.keVersion).toBe(3);
    expect(later.identity.changes.map((c) => [c.path, c.change])).toEqual([
      ['nomor', 'removed'],
      ['tanggalRevisi', 'removed'],
      ['namaSop', 'changed'],
      ['dasarHukum', 'removed'],
    ]);
    expect(later.elements).toEqual([]);
    expect(later.sopRows).toEqual([]);
  });

  it('reports a whole identity as added when the older revision had none', () => {
    expect(identityDiff(undefined, { nomor: '800/1', keterkaitan: ['SOP Cuti'], peringatan: '  ' })).toEqual([
      { path: 'nomor', label: 'Nomor SOP', change: 'added', newValue: '800/1' },
      { path: 'keterkaitan', label: 'Keterkaitan', change: 'added', newValue: ['SOP Cuti'] },
    ]);
  });
});
