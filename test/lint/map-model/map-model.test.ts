import { describe, expect, it } from 'vitest';
import { parseBpmn } from '../../../server/bpmn/moddle';
import { readMap, type LaneFacts, type MapModel } from '../../../server/lint/map-model/map-model';
import { miwgFiles, readText, templateXml } from '../../helpers/fixtures';

const TEMPLATES = ['proses', 'subproses', 'relasi', 'lintas-fungsi', 'mekanisme-kerja'];
const stripSk = (xml: string) => xml.replace(/ sk:[a-zA-Z]+="[^"]*"/g, '');
const modelOf = async (xml: string): Promise<MapModel> => readMap((await parseBpmn(xml)).definitions);
const facts = (lane: LaneFacts | undefined) => ({ jabatan: lane?.jabatan, role: lane?.role, level: lane?.level });

describe('readMap on the templates, which carry sk: attributes', () => {
  it.each(TEMPLATES)('reads %s without inferring anything from names', async (kind) => {
    const model = await modelOf(templateXml(kind));
    expect(model.lanes.every((lane) => !lane.inferred)).toBe(true);
    expect(model.activities.every((activity) => !activity.inferred)).toBe(true);
  });

  it('reads the mekanisme-kerja lanes from sk:jabatan, sk:role and sk:level', async () => {
    const model = await modelOf(templateXml('mekanisme-kerja'));
    expect(facts(model.lane('Lane_KepalaDinas'))).toEqual({ jabatan: 'JPT', role: undefined, level: 1 });
    expect(facts(model.lane('Lane_KepalaBidang'))).toEqual({ jabatan: 'ADMINISTRATOR', role: 'PIMPINAN_UNIT', level: 2 });
    expect(facts(model.lane('Lane_KetuaTim'))).toEqual({ jabatan: 'FUNGSIONAL', role: 'KETUA_TIM', level: undefined });
    expect(facts(model.lane('Lane_FungsionalPelaksana'))).toEqual({ jabatan: undefined, role: 'ANGGOTA_TIM', level: undefined });
    expect(model.pools).toMatchObject([{ id: 'Participant_Dinas', orgType: 'dinas', performanceOwner: true, inferred: false }]);
    expect(model.performanceOwner).toBe('Participant_Dinas');
  });

  it('gives every mekanisme-kerja activity its sk:phase and its lane', async () => {
    const model = await modelOf(templateXml('mekanisme-kerja'));
    expect(model.activities.find((a) => a.id === 'Activity_PerjanjianKinerja')?.phase).toBe('perencanaan');
    expect(model.activities.find((a) => a.id === 'Activity_PenerimaanKepalaDinas')?.phase).toBe('evaluasi');
    expect(model.activities.every((activity) => activity.laneIds.length > 0 && model.laneOf(activity.id))).toBe(true);
  });

  it('reads the three relasi pools and the first as performance owner', async () => {
    const model = await modelOf(templateXml('relasi'));
    expect(model.pools.map((pool) => pool.id)).toEqual(['Participant_PemilikKinerja', 'Participant_BidangMitra', 'Participant_Sekretariat']);
    expect(model.performanceOwner).toBe('Participant_PemilikKinerja');
  });
});

describe('readMap on the templates with every sk: attribute stripped', () => {
  it.each(TEMPLATES)('infers in %s the same jabatan, roles and levels wherever the name says them', async (kind) => {
    const declared = await modelOf(templateXml(kind));
    const inferred = await modelOf(stripSk(templateXml(kind)));
    for (const lane of declared.lanes) {
      const guess = inferred.lane(lane.id);
      for (const fact of ['jabatan', 'role', 'level'] as const) {
        if (guess?.[fact] !== undefined) expect(guess[fact], `${lane.name} ${fact}`).toBe(lane[fact]);
      }
    }
    for (const activity of declared.activities) {
      expect(inferred.activities.find((a) => a.id === activity.id)?.phase, activity.name).toBe(activity.phase);
    }
  });

  it('infers the mekanisme-kerja lanes from their names, flagged as inferred', async () => {
    const model = await modelOf(stripSk(templateXml('mekanisme-kerja')));
    expect(facts(model.lane('Lane_KepalaDinas'))).toEqual({ jabatan: 'JPT', role: undefined, level: 1 });
    expect(facts(model.lane('Lane_KepalaBidang'))).toEqual({ jabatan: 'ADMINISTRATOR', role: 'PIMPINAN_UNIT', level: 2 });
    expect(model.lane('Lane_KetuaTim')?.role).toBe('KETUA_TIM');
    for (const id of ['Lane_KepalaDinas', 'Lane_KepalaBidang', 'Lane_KetuaTim']) expect(model.lane(id)?.inferred).toBe(true);
    expect(model.pools).toMatchObject([{ orgType: 'dinas', performanceOwner: true, inferred: true }]);
  });

  it('infers the stages from the groups around the activities', async () => {
    const model = await modelOf(stripSk(templateXml('mekanisme-kerja')));
    expect(model.activities.filter((a) => a.phase).every((a) => a.inferred)).toBe(true);
    expect(model.activities.map((a) => a.phase)).not.toContain(undefined);
  });

  it('infers the lintas-fungsi lanes, defaulting the unnamed unit to a dinas', async () => {
    const model = await modelOf(stripSk(templateXml('lintas-fungsi')));
    expect(facts(model.lane('Lane_KepalaBidang'))).toEqual({ jabatan: 'ADMINISTRATOR', role: 'PIMPINAN_UNIT', level: 2 });
    expect(model.lane('Lane_Pelaksana')?.jabatan).toBe('PELAKSANA');
    expect(model.laneOf('Activity_MelaporkanHasilKerja')?.id).toBe('Lane_Pelaksana');
  });
});

describe('readMap on the MIWG corpus', () => {
  const files = miwgFiles();
  it('finds the corpus', () => expect(files.length).toBeGreaterThan(50));
  it.each(files.map((file) => [file.split('/miwg/')[1], file]))('reads %s without a crash', async (_name, file) => {
    const { definitions } = await parseBpmn(readText(file));
    const model = readMap(definitions);
    for (const activity of model.activities) model.laneOf(activity.id);
    expect(Array.isArray(model.lanes)).toBe(true);
  });
});
