// Two PostgreSQL stores on one database, as two app instances (issue 18, scope 2): the login throttle's failures
// counted once for both, and the settings (with the kamus version that keys the lint caches) followed by the other
// instance when it hears the change's NOTIFY.
import { afterAll, describe, expect, it } from 'vitest';
import { LoginThrottle } from '../../server/accounts/login-throttle';
import { openPostgresStore } from '../../server/store/postgres/open-postgres-store';
import type { Store } from '../../server/store/store';
import { KamusService } from '../../server/settings/kamus.service';
import { createTestDatabase } from '../helpers/postgres';

const opened: Store[] = [];
afterAll(() => Promise.all(opened.splice(0).map((s) => s.close())));

async function twoInstances(): Promise<[Store, Store]> {
  const url = await createTestDatabase();
  const stores = [await openPostgresStore(url), await openPostgresStore(url)] as [Store, Store];
  opened.push(...stores);
  return stores;
}

/** Resolves when `check` holds (the other instance heard the NOTIFY and read the row), checked on each turn of the event loop. */
async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setImmediate(resolve));
}

describe('PostgreSQL store, two instances on one database', () => {
  it('counts sign-in failures made through either instance in one window', async () => {
    const [a, b] = await twoInstances();
    let now = 1_000_000;
    const limits = { windowMs: 60_000, perAccount: 3, perAddress: 100 };
    const onA = new LoginThrottle(a.loginFailures, limits, () => now);
    const onB = new LoginThrottle(b.loginFailures, limits, () => now);
    await onA.recordFailure('ani', '10.0.0.1');
    await onB.recordFailure('ani', '10.0.0.2');
    expect(await onA.retryAfterSeconds('ani', '10.0.0.3')).toBe(0);
    await onA.recordFailure('ani', '10.0.0.1');
    // Three failures, two on A and one on B: both instances refuse the account for the window's rest.
    expect(await onB.retryAfterSeconds('ani', '10.0.0.9')).toBe(60);
    expect(await onA.retryAfterSeconds('ani', '10.0.0.9')).toBe(60);
    // Another account from the same addresses is free; a success on B clears the account on A too.
    expect(await onA.retryAfterSeconds('budi', '10.0.0.1')).toBe(0);
    await onB.recordSuccess('ani');
    expect(await onA.retryAfterSeconds('ani', '10.0.0.1')).toBe(0);
    // Failures older than the window are forgotten.
    for (let i = 0; i < 3; i++) await onA.recordFailure('ani', '10.0.0.1');
    now += 60_001;
    expect(await onB.retryAfterSeconds('ani', '10.0.0.1')).toBe(0);
  });

  it('shows a settings change made on one instance on the other, and the kamus version moves there too', async () => {
    const [a, b] = await twoInstances();
    const kamusA = new KamusService(a.settings);
    const kamusB = new KamusService(b.settings);
    const before = kamusB.version;
    await kamusA.put('Kasir', { jabatan: 'PELAKSANA' });
    await until(() => kamusB.list().length === 1);
    expect(kamusB.get('kasir')).toMatchObject({ name: 'Kasir', jabatan: 'PELAKSANA' });
    expect(kamusB.version).not.toBe(before);
    await a.settings.update((current) => ({ ...current, timeZone: { value: 'Asia/Jayapura', changedBy: 'admin', changedAt: new Date().toISOString() } }));
    await until(() => b.settings.read().timeZone?.value === 'Asia/Jayapura');
    expect(b.settings.read().kamus).toHaveLength(1);
  });
});
