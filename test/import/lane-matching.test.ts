// Lanes matched to jabatan at import (issue 14 item 4): matchLanes, applyLaneAnswers, synonymsFromAnswers.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createModdle, parseBpmn } from '../../server/bpmn/moddle';
import { AppError } from '../../server/errors';
import { applyLaneAnswers, LaneAnswers, matchLanes, synonymsFromAnswers } from '../../server/import/lane-matching';
import { lintDefinitions } from '../../server/lint/engine';
import { readText, ROOT } from '../helpers/fixtures';

const XML = readText(path.join(ROOT, 'test/import/lanes-import.bpmn'));
const parsed = async (xml = XML) => (await parseBpmn(xml)).definitions;

describe('matchLanes', () => {
  it('says which lanes the kamus places, how it read them, and suggests only with evidence', async () => {
    expect(matchLanes(await parsed())).toEqual([
      { laneId: 'Lane_Kabid', name: 'Kepala Bidang', known: true, reading: 'Pejabat Administrator, Pimpinan Unit Organisasi, Level 2', suggestions: [] },
      { laneId: 'Lane_Kasir', name: 'Kasir', known: false, suggestions: [{ jabatan: 'PELAKSANA', label: 'Pelaksana' }] },
      { laneId: 'Lane_Pemohon', name: 'Pemohon', known: true, reading: 'Bukan jabatan pemda (pihak luar)', suggestions: [] },
      // The lane's sk: attribute places it, whatever its name says.
      { laneId: 'Lane_Vendor', name: 'Vendor 1', known: true, reading: 'Pelaksana', suggestions: [] },
      { laneId: 'Lane_Ruang', name: 'Ruang Control', known: false, suggestions: [] },
    ]);
  });

  it('never lists "bukan jabatan pemda" among the suggestions (the dialog always offers it)', async () => {
    const matches = matchLanes(await parsed(XML.replace('name="Pemohon"', 'name="Pemohon" sk:role="BOS"')));
    expect(matches.find((m) => m.laneId === 'Lane_Pemohon')).toEqual({ laneId: 'Lane_Pemohon', name: 'Pemohon', known: false, suggestions: [] });
  });

  it('places a lane through a repository synonym', async () => {
    const matches = matchLanes(await parsed(), [{ name: 'kasir', jabatan: 'PELAKSANA' }, { name: 'Ruang Control', external: true }]);
    expect(matches.find((m) => m.laneId === 'Lane_Kasir')).toEqual({ laneId: 'Lane_Kasir', name: 'Kasir', known: true, reading: 'Pelaksana', suggestions: [] });
    expect(matches.find((m) => m.laneId === 'Lane_Ruang')?.reading).toBe('Bukan jabatan pemda (pihak luar)');
  });
});

describe('applyLaneAnswers', () => {
  it('writes sk: attributes that survive a save, and clears the lane-role finding', async () => {
    const definitions = await parsed();
    const before = (await lintDefinitions(definitions, 'nasional')).filter((f) => f.rule === 'mk/lane-role');
    expect(before.map((f) => [f.element, f.severity])).toEqual([['Lane_Kasir', 'warning'], ['Lane_Ruang', 'warning']]);

    const answers = LaneAnswers.parse({ Lane_Kasir: { jabatan: 'PELAKSANA' }, Lane_Ruang: { external: true }, Lane_Vendor: { external: true } });
    applyLaneAnswers(definitions, answers);
    const { xml } = await createModdle().toXML(definitions);
    expect(xml).toContain('<bpmn:lane id="Lane_Kasir" name="Kasir" sk:jabatan="PELAKSANA">');
    expect(xml).toContain('<bpmn:lane id="Lane_Ruang" name="Ruang Control" sk:external="true">');
    // An outside party declares nothing else: the earlier sk:jabatan is gone.
    expect(xml).toContain('<bpmn:lane id="Lane_Vendor" name="Vendor 1" sk:external="true">');
    const reread = await parsed(xml);
    expect((await lintDefinitions(reread, 'nasional')).filter((f) => f.rule === 'mk/lane-role')).toEqual([]);
    expect(matchLanes(reread).every((m) => m.known)).toBe(true);
  });

  it('refuses an answer for a lane the file does not have, changing nothing', async () => {
    const definitions = await parsed();
    let error: unknown;
    try {
      applyLaneAnswers(definitions, { Lane_Kasir: { jabatan: 'PELAKSANA' }, Lane_Hilang: { jabatan: 'PELAKSANA' } });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(400);
    expect((error as AppError).code).toBe('LANE_NOT_FOUND');
    expect((error as AppError).message).toContain('Lane_Hilang');
    const { xml } = await createModdle().toXML(definitions);
    expect(xml).toContain('<bpmn:lane id="Lane_Kasir" name="Kasir">');
  });

  it('refuses answers that are not codes', () => {
    expect(LaneAnswers.safeParse({ Lane_Kasir: { jabatan: 'KASIR' } }).success).toBe(false);
    expect(LaneAnswers.safeParse({ Lane_Kasir: {} }).success).toBe(false);
    expect(LaneAnswers.safeParse({ Lane_Kasir: { external: true, role: 'KETUA_TIM' } }).success).toBe(false);
  });
});

describe('synonymsFromAnswers', () => {
  it('learns the answered names, not unnamed lanes', async () => {
    const definitions = await parsed(XML.replace('name="Ruang Control"', 'name=""'));
    expect(synonymsFromAnswers(definitions, { Lane_Kasir: { jabatan: 'PELAKSANA' }, Lane_Ruang: { external: true } })).toEqual([{ name: 'Kasir', jabatan: 'PELAKSANA' }]);
  });
});
