// HTTP routes of the repository's synonyms of the kamus jabatan (issue 14 item 4; docs/api.md "Kamus jabatan").
// Everyone signed in reads them (the modeller's lint uses them); admins and drafters answer them.
import { Router } from 'express';
import { z } from 'zod';
import type { AccountsService } from '../accounts/accounts.service';
import { actor, permit } from '../http/auth';
import { validated } from '../http/validated';
import { KamusAnswer, KamusName, type KamusSynonym } from '../lint/map-model/kamus-synonyms';
import type { KamusService } from './kamus.service';

const KamusParams = z.strictObject({ name: KamusName });

const describe = (synonym: KamusSynonym) =>
  synonym.external ? 'bukan jabatan pemda' : [synonym.jabatan, synonym.role, synonym.level ? `level ${synonym.level}` : undefined].filter(Boolean).join(', ');

export function kamusRouter(kamus: KamusService, accounts: AccountsService): Router {
  const router = Router();

  router.get('/kamus', permit('maps:read'), (_req, res) => {
    res.json({ items: kamus.list() });
  });

  router.put('/kamus/:name', permit('kamus:write'), validated({ params: KamusParams, body: KamusAnswer }, async ({ params, body }, req, res) => {
    const { synonym } = await kamus.put(params.name, body);
    await accounts.recordSettingChanged(actor(req).username, req.ip ?? '', `kamus jabatan: "${synonym.name}" = ${describe(synonym)}`);
    res.json(synonym);
  }));

  router.delete('/kamus/:name', permit('kamus:write'), validated({ params: KamusParams }, async ({ params }, req, res) => {
    const removed = await kamus.remove(params.name);
    await accounts.recordSettingChanged(actor(req).username, req.ip ?? '', `kamus jabatan: "${removed.name}" dihapus`);
    res.status(204).end();
  }));

  return router;
}
