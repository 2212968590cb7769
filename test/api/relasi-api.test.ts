// GET/POST /api/maps/:id/relasi through the real server: a proses map with two lintas fungsi maps beneath it, the
// peta relasi generated from them, saved as a new child map, compared after a lintas fungsi map changes, regenerated
// into the same map as revision 2, and the revision diff that shows what the regeneration changed.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readText, ROOT } from '../helpers/fixtures';
import { startTestServer } from '../helpers/server';

const server = await startTestServer();
const { api } = server;
const library = (id: string) => readText(path.join(ROOT, 'processes/library', `${id}.bpmn`));
const UNIT = 'Dinas Pemilik Kinerja';

async function create(body: Record<string, unknown>): Promise<{ id: string; currentRevision: number; code: string }> {
  const created = await api('/api/maps', { method: 'POST', json: { unit: UNIT, ...body } });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.map;
}

const keys = (relations: Array<{ key: string }>) => relations.map((r) => r.key).sort();

describe('peta relasi of a process', () => {
  it('is generated from the lintas fungsi maps beneath it, saved, compared and regenerated', async () => {
    const proses = await create({ name: 'Penugasan pejabat fungsional', kind: 'proses' });
    const lintasPd = await create({ name: 'Penunjukan lintas PD', kind: 'lintas-fungsi', parentId: proses.id, xml: library('penunjukan-lintas-pd') });
    const sub = await create({ name: 'Pengajuan sukarela', kind: 'subproses', parentId: proses.id });
    // A grandchild counts too.
    const sukarela = await create({ name: 'Pengajuan sukarela lintas unit', kind: 'lintas-fungsi', parentId: sub.id, xml: library('pengajuan-sukarela-lintas-unit') });

    const first = await api(`/api/maps/${proses.id}/relasi`);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.process.id).toBe(proses.id);
    expect(first.body.sources.map((s: { map: { id: string } }) => s.map.id)).toEqual([lintasPd.id, sukarela.id]);
    expect(first.body.sources[0].revision).toBe(1);
    const realised = [
      'badan dituju → dinas pemilik kinerja',
      'bagian asal → bagian dituju',
      'bagian dituju → bagian asal',
      'dinas pemilik kinerja → badan dituju',
    ];
    expect(keys(first.body.generated.relations)).toEqual(realised);
    expect(first.body.generated.relations[0].sources[0].mapId).toBe(lintasPd.id);
    expect(first.body.generated.xml).toContain('sk:mapKind="relasi"');
    // The process's own unit is the first pool.
    expect(first.body.generated.xml.indexOf('name="Dinas Pemilik Kinerja"')).toBeLessThan(first.body.generated.xml.indexOf('name="Badan Dituju"'));
    expect(first.body.drawn).toEqual([]);

    // Saved as a new child map of the process.
    const saved = await api(`/api/maps/${proses.id}/relasi`, { method: 'POST', json: { target: 'baru' } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(201);
    const relasi = saved.body.map;
    expect(relasi).toMatchObject({ kind: 'relasi', parentId: proses.id, name: 'Peta relasi Penugasan pejabat fungsional', unit: UNIT, currentRevision: 1 });
    const stored = await api(`/api/maps/${relasi.id}/revisions/1/xml`);
    expect(stored.body).toContain('Surat permohonan pelibatan');
    const lint = await api(`/api/maps/${relasi.id}/lint`);
    expect(lint.status).toBe(200);
    expect(lint.body.findings.filter((f: { severity: string }) => f.severity === 'error')).toEqual([]);

    const afterSave = (await api(`/api/maps/${proses.id}/relasi`)).body;
    expect(afterSave.drawn).toHaveLength(1);
    expect(afterSave.drawn[0].map.id).toBe(relasi.id);
    expect(afterSave.drawn[0].comparison.notDrawn).toEqual([]);
    expect(afterSave.drawn[0].comparison.notRealised).toEqual([]);
    expect(afterSave.drawn[0].comparison.both).toHaveLength(4);

    // A lintas fungsi map changes: the other PD is now the Badan Kepegawaian.
    const changed = library('penunjukan-lintas-pd').replaceAll('Badan Dituju', 'Badan Kepegawaian');
    const revised = await api(`/api/maps/${lintasPd.id}/revisions`, { method: 'POST', json: { xml: changed, baseRevision: 1, message: 'Unit dituju diganti' } });
    expect(revised.status, JSON.stringify(revised.body)).toBe(201);
    const stale = (await api(`/api/maps/${proses.id}/relasi`)).body;
    expect(stale.sources[0].revision).toBe(2);
    const comparison = stale.drawn[0].comparison;
    expect(keys(comparison.notDrawn)).toEqual(['badan kepegawaian → dinas pemilik kinerja', 'dinas pemilik kinerja → badan kepegawaian']);
    expect(keys(comparison.notRealised)).toEqual(['badan dituju → dinas pemilik kinerja', 'dinas pemilik kinerja → badan dituju']);
    expect(comparison.both).toHaveLength(2);

    // Regenerated into the same map as revision 2.
    const conflict = await api(`/api/maps/${proses.id}/relasi`, { method: 'POST', json: { target: relasi.id, baseRevision: 7 } });
    expect(conflict.status).toBe(409);
    expect(conflict.body.error.code).toBe('REVISION_CONFLICT');
    const regenerated = await api(`/api/maps/${proses.id}/relasi`, { method: 'POST', json: { target: relasi.id, baseRevision: 1 } });
    expect(regenerated.status, JSON.stringify(regenerated.body)).toBe(201);
    expect(regenerated.body.revision).toMatchObject({ n: 2, message: 'Dibuat ulang dari peta lintas fungsi' });
    expect(regenerated.body.map.currentRevision).toBe(2);
    const fresh = (await api(`/api/maps/${proses.id}/relasi`)).body;
    expect(fresh.drawn[0].comparison.notDrawn).toEqual([]);
    expect(fresh.drawn[0].comparison.notRealised).toEqual([]);

    // The revision diff shows the new message flows and pool; the flows between unchanged units keep their ids.
    const diff = await api(`/api/maps/${relasi.id}/diff?dari=1&ke=2`);
    expect(diff.status).toBe(200);
    const elements = diff.body.diff.elements as Array<{ elementId: string; type: string; name?: string; change: string }>;
    const of = (change: string, type: string) => elements.filter((e) => e.change === change && e.type === type).map((e) => e.name).sort();
    expect(of('added', 'bpmn:MessageFlow')).toEqual(['Surat jawaban beserta daftar Pejabat Fungsional, Tembusan surat penugasan dan 1 lainnya', 'Surat permohonan pelibatan']);
    expect(of('removed', 'bpmn:MessageFlow')).toHaveLength(2);
    expect(of('added', 'bpmn:Participant')).toEqual(['Badan Kepegawaian']);
    expect(of('removed', 'bpmn:Participant')).toEqual(['Badan Dituju']);
    expect(elements.some((e) => e.elementId.startsWith('MessageFlow_BagianAsal') && (e.change === 'added' || e.change === 'removed'))).toBe(false);
  });

  it('refuses maps that are not processes, targets that are not its relasi maps, and a process without hand-offs', async () => {
    const proses = await create({ name: 'Proses tanpa serah terima', kind: 'proses' });
    const lintas = await create({ name: 'Mekanisme dinas', kind: 'mekanisme-kerja', parentId: proses.id, templateId: 'mk-dinas-badan' });

    const notProcess = await api(`/api/maps/${lintas.id}/relasi`);
    expect(notProcess.status).toBe(400);
    expect(notProcess.body.error).toMatchObject({ code: 'NOT_A_PROCESS' });
    expect(notProcess.body.error.message).toContain('peta proses atau peta subproses');

    // One unit only: nothing passes between units, nothing to draw.
    const view = (await api(`/api/maps/${proses.id}/relasi`)).body;
    expect(view.sources).toHaveLength(1);
    expect(view.generated.relations).toEqual([]);
    const empty = await api(`/api/maps/${proses.id}/relasi`, { method: 'POST', json: { target: 'baru' } });
    expect(empty.status).toBe(422);
    expect(empty.body.error.code).toBe('NO_RELATIONS');

    // A target that is no relasi map beneath the process.
    await create({ name: 'Lintas PD', kind: 'lintas-fungsi', parentId: proses.id, xml: library('penunjukan-lintas-pd') });
    const elsewhere = await create({ name: 'Peta relasi lain', kind: 'relasi' });
    for (const target of [lintas.id, elsewhere.id, '11111111-1111-4111-8111-111111111111']) {
      const refused = await api(`/api/maps/${proses.id}/relasi`, { method: 'POST', json: { target, baseRevision: 1 } });
      expect(refused.status, target).toBe(400);
      expect(refused.body.error.code).toBe('NOT_A_RELASI_MAP');
    }
    const invalid = await api(`/api/maps/${proses.id}/relasi`, { method: 'POST', json: { target: 'lama' } });
    expect(invalid.status).toBe(400);
    expect((await api('/api/maps/11111111-1111-4111-8111-111111111111/relasi')).status).toBe(404);

    // Readers see the relations; only drafters save them.
    const reader = await server.userWith(['pembaca'], UNIT);
    expect((await reader.api(`/api/maps/${proses.id}/relasi`)).status).toBe(200);
    expect((await reader.api(`/api/maps/${proses.id}/relasi`, { method: 'POST', json: { target: 'baru' } })).status).toBe(403);
  });
});
