// HTTP routes of the settings an administrator confirms (docs/api.md, "Settings"): the public address and the
// pemda's time zone.
import { Router } from 'express';
import type { AccountsService } from '../accounts/accounts.service';
import { can } from '../accounts/permissions';
import { AppError } from '../errors';
import { actor, permit } from '../http/auth';
import { validated } from '../http/validated';
import { PublicUrlBody, SignatureSettingsBody, TimeZoneBody } from './settings.schema';
import type { SettingsService } from './settings.service';

export function settingsRouter(settings: SettingsService, accounts: AccountsService, trustProxy: boolean | number | string): Router {
  const router = Router();

  // Everyone signed in may see the address (the Sahkan dialog shows it); administrators also see the proxy setting.
  router.get('/settings', permit('maps:read'), (req, res) => {
    res.json({
      publicUrl: settings.publicUrl() ?? null,
      timeZone: settings.timeZone(),
      ...(can(actor(req), 'users:manage') ? { trustProxy: String(trustProxy) } : {}),
    });
  });

  router.put('/settings/public-url', permit('users:manage'), validated({ body: PublicUrlBody }, async ({ body }, req, res) => {
    if (settings.overriddenByCli) {
      throw new AppError(409, 'PUBLIC_URL_FROM_CLI', 'Alamat publik ditetapkan saat server dijalankan (--public-url atau PETAKERJA_PUBLIC_URL); ubah di sana.');
    }
    const username = actor(req).username;
    const publicUrl = await settings.confirmPublicUrl(username, body.publicUrl);
    await accounts.recordSettingChanged(username, req.ip ?? '', `alamat publik: ${body.publicUrl}`);
    res.json({ publicUrl });
  }));

  router.put('/settings/time-zone', permit('users:manage'), validated({ body: TimeZoneBody }, async ({ body }, req, res) => {
    const username = actor(req).username;
    const timeZone = await settings.setTimeZone(username, body.timeZone);
    await accounts.recordSettingChanged(username, req.ip ?? '', `zona waktu: ${timeZone.abbreviation} (${timeZone.zone})`);
    res.json({ timeZone });
  }));

  // Certified electronic signatures (issue 19): the trust list and the name-mismatch policy, for administrators.
  router.get('/settings/signature', permit('users:manage'), (_req, res) => {
    res.json({ signature: settings.signature() });
  });

  router.put('/settings/signature', permit('users:manage'), validated({ body: SignatureSettingsBody }, async ({ body }, req, res) => {
    const username = actor(req).username;
    const signature = await settings.setSignature(username, body);
    await accounts.recordSettingChanged(username, req.ip ?? '', `tanda tangan elektronik: ${signature.certificates.length} sertifikat tepercaya, nama berbeda: ${signature.nameMismatch}`);
    res.json({ signature });
  }));

  return router;
}
