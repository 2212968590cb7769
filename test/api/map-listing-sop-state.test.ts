// The map listing carries each map's SOP state and filters by it (issue 15 item 4); a review step invalidates the
// cached listing. Real server, real store on a temp dir, the review cycle through the real API.
import { describe, expect, it } from 'vitest';
import { newSopMap, reviewStep, signSop } from '../helpers/review-cycle';
import { startTestServer } from '../helpers/server';

const server = await startTestServer();
const UNIT = 'Dinas Perhubungan';
const penyusun = await server.userWith(['penyusun'], UNIT, 'penyusun.dishub');
const reviewer = await server.userWith(['reviewer'], UNIT, 'reviewer.dishub');
const pengesah = await server.userWith(['pengesah'], UNIT, 'pengesah.dishub');
const users = { bureau: server.admin, penyusun, reviewer, pengesah };

const states = async (query = '') => {
  const listed = await penyusun.api(`/api/maps?unit=${encodeURIComponent(UNIT)}${query}`);
  expect(listed.status, JSON.stringify(listed.body)).toBe(200);
  return Object.fromEntries((listed.body.items as Array<{ name: string; sopState: string }>).map((m) => [m.name, m.sopState]));
};

describe('SOP state in the map listing', () => {
  it('lists a never-submitted map as draf, follows each review step, and filters by state', async () => {
    const plain = await penyusun.api('/api/maps', { method: 'POST', json: { name: 'Tanpa SOP', kind: 'proses', unit: UNIT } });
    expect(plain.status).toBe(201);
    const submitted = await newSopMap(penyusun, UNIT, 'SOP diajukan');
    const signed = await newSopMap(penyusun, UNIT, 'SOP disahkan');
    expect(await states()).toEqual({ 'Tanpa SOP': 'draf', 'SOP diajukan': 'draf', 'SOP disahkan': 'draf' });

    // The listing was just cached: the review step alone (no map change) must show in the next one.
    expect((await reviewStep(server.admin, penyusun, submitted, 'ajukan')).status).toBe(200);
    expect((await states())['SOP diajukan']).toBe('diajukan');
    await signSop(users, signed);
    expect(await states()).toEqual({ 'Tanpa SOP': 'draf', 'SOP diajukan': 'diajukan', 'SOP disahkan': 'disahkan' });

    expect(await states('&sopState=disahkan')).toEqual({ 'SOP disahkan': 'disahkan' });
    expect(await states('&sopState=draf')).toEqual({ 'Tanpa SOP': 'draf' });
    expect(await states('&sopState=dicabut')).toEqual({});
    expect(await states('&sopState=')).toHaveProperty('Tanpa SOP', 'draf');

    const bad = await penyusun.api('/api/maps?sopState=selesai');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(bad.body.error)).toContain('Status SOP tidak dikenal');
  });

  it('gives a reader of the unit the same states (the cache is shared, filtered by unit)', async () => {
    const pembaca = await server.userWith(['pembaca'], UNIT, 'pembaca.dishub');
    const listed = await pembaca.api('/api/maps?sopState=diajukan');
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((m: { name: string }) => m.name)).toEqual(['SOP diajukan']);
  });
});
