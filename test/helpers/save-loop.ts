// Child process for the crash test: saves revisions in a loop and prints "ACK <map> <n> <sha256>" after each
// save the store has acknowledged. The test kills it with SIGKILL at a random moment.
import { sha256 } from '../../server/store/blob-store';
import { openEmbeddedStore } from '../../server/store/store';
import { minimalBpmn } from './fixtures';

const { maps: store } = await openEmbeddedStore(process.argv[2]!);
const existing = await store.listMaps({});
let map = existing[0] ?? (await store.createMap(
  { name: 'Uji kerusakan', kind: 'subproses', unit: '', profile: 'nasional' },
  { xml: minimalBpmn('Awal'), author: 'uji', message: 'awal' },
));
for (let i = 0; ; i++) {
  const xml = minimalBpmn(`Langkah ${process.pid}-${i}`);
  const { revision } = await store.addRevision(map.id, map.currentRevision, { xml, author: 'uji', message: `simpan ${i}` });
  map = { ...map, currentRevision: revision.n };
  process.stdout.write(`ACK ${map.id} ${revision.n} ${sha256(xml)}\n`);
}
