// The review cycle driven through the real API (docs/review.md), for tests that need an SOP submitted or signed.
import { expect } from 'vitest';
import type { ApiClient, ApiResponse } from './server';
import { SOP_IDENTITY } from './sop-identity';

export interface CycleUsers {
  /** Reads the record's seq: a bureau client, since the acting user may be refused even reading it. */
  bureau: ApiClient;
  penyusun: ApiClient;
  reviewer: ApiClient;
  pengesah: ApiClient;
}

/** A map from the library template `penunjukan-dalam-unit` (ready for submission) with a complete SOP identity. */
export async function newSopMap(penyusun: ApiClient, unit: string, name: string, identity: object = { ...SOP_IDENTITY, namaSop: name }): Promise<string> {
  const created = await penyusun.api('/api/maps', { method: 'POST', json: { name, templateId: 'penunjukan-dalam-unit', unit } });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const id = created.body.map.id as string;
  const saved = await penyusun.api(`/api/maps/${id}/sop`, { method: 'PUT', json: { version: 0, identity } });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  return id;
}

/** Asks for one lifecycle step as `client` on the record as it stands; the answer is returned unchecked. */
export async function reviewStep(bureau: ApiClient, client: ApiClient, mapId: string, action: string, extra: Record<string, unknown> = {}): Promise<ApiResponse> {
  const { seq } = (await bureau.api(`/api/maps/${mapId}/review`)).body;
  return client.api(`/api/maps/${mapId}/review/transitions`, { method: 'POST', json: { action, baseSeq: seq, ...extra } });
}

/**
 * Ajukan → mulai-reviu → setujui → sahkan, each by the role the lifecycle asks for; the review view after signing.
 * `tanggalEfektif: null` sends none (the server takes the signing date).
 */
export async function signSop(users: CycleUsers, mapId: string, tanggalEfektif: string | null = '2026-12-01') {
  const steps: Array<[ApiClient, string, Record<string, unknown>]> = [
    [users.penyusun, 'ajukan', {}],
    [users.reviewer, 'mulai-reviu', {}],
    [users.reviewer, 'setujui', {}],
    [users.pengesah, 'sahkan', tanggalEfektif === null ? {} : { tanggalEfektif }],
  ];
  let last: ApiResponse | undefined;
  for (const [client, action, extra] of steps) {
    last = await reviewStep(users.bureau, client, mapId, action, extra);
    expect(last.status, `${action}: ${JSON.stringify(last.body)}`).toBe(200);
  }
  return last!.body;
}
