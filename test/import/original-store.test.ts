// The uploaded file kept beside revision 1, through the store interface: read back byte for byte after reopening,
// absent for maps not imported, and checked by the backup's verification like every body.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findDamagedMaps } from '../../server/store/backup-verify';
import { sha256 } from '../../server/store/blob-store';
import { BLOB_DIR } from '../../server/store/lowdb-map-store';
import { openEmbeddedStore } from '../../server/store/store';
import { minimalBpmn } from '../helpers/fixtures';
import { tempDir } from '../helpers/temp-dir';

const newMap = { name: 'Peta impor', kind: 'proses', unit: 'Dinas Kesehatan', profile: 'nasional' } as const;
// Latin-1 bytes: not valid UTF-8, so a store that kept text instead of bytes would change them.
const bytes = new Uint8Array([...new TextEncoder().encode('<?xml version="1.0" encoding="ISO-8859-1"?><x name="Caf'), 0xe9, ...new TextEncoder().encode('"/>')]);

describe('original file of an imported map', () => {
  it('is stored by sha256, read back exactly after reopening, and named in revision 1', async () => {
    const dir = await tempDir();
    let store = await openEmbeddedStore(dir);
    const imported = await store.maps.createMap(newMap, { xml: minimalBpmn(), author: 'Ani', message: 'Diimpor', original: { fileName: 'lama.bpmn', bytes } });
    const created = await store.maps.createMap({ ...newMap, name: 'Peta baru' }, { xml: minimalBpmn(), author: 'Ani', message: 'Dibuat' });
    await store.close();
    store = await openEmbeddedStore(dir);
    try {
      const original = await store.maps.readOriginal(imported.id);
      expect(original).toMatchObject({ fileName: 'lama.bpmn', sha256: sha256(bytes) });
      expect(Buffer.from(original.bytes).equals(Buffer.from(bytes))).toBe(true);
      expect((await store.maps.listRevisions(imported.id))[0]!.original).toEqual({ fileName: 'lama.bpmn', bytes: bytes.length, sha256: sha256(bytes) });
      expect((await store.maps.listRevisions(created.id))[0]!.original).toBeUndefined();
      await expect(store.maps.readOriginal(created.id)).rejects.toMatchObject({ code: 'ORIGINAL_NOT_FOUND', status: 404 });
    } finally {
      await store.close();
    }
  });

  it('is missed by the backup check when its file is gone', async () => {
    const dir = await tempDir();
    const store = await openEmbeddedStore(dir);
    const map = await store.maps.createMap(newMap, { xml: minimalBpmn(), author: 'Ani', message: 'Diimpor', original: { fileName: 'lama.bpmn', bytes } });
    await store.close();
    expect(await findDamagedMaps(dir)).toEqual([]);
    const hash = sha256(bytes);
    await rm(path.join(dir, BLOB_DIR, hash.slice(0, 2), `${hash}.bpmn`));
    const damaged = await findDamagedMaps(dir);
    expect(damaged.map((d) => d.id)).toEqual([map.id]);
    expect(damaged[0]!.problems.join(' ')).toContain('berkas asli impor revisi 1 hilang');
  });
});
