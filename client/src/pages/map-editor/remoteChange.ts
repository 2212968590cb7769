// The words of the modeller's notice when someone else changed the open map (issue 15, item 2).
import type { MapEvent, ProcessMap } from '../../api/types';

const WHAT: Record<MapEvent['kind'], string> = {
  revision: 'menyimpan revisi baru peta ini',
  map: 'mengubah data peta ini',
  sop: 'menyimpan identitas SOP peta ini',
  review: 'mengubah status reviu peta ini',
  hierarchy: 'memindahkan peta di bawah peta ini',
};

/** "Peta ini diubah oleh <nama>: …"; with unsaved changes here, what happens to them. */
export function remoteChangeText(event: MapEvent, map: ProcessMap | null, unsaved: boolean): string {
  const revision = event.kind === 'revision' && map ? ` (revisi ${map.currentRevision})` : '';
  const head = `Peta ini diubah oleh ${event.by.name}: ${WHAT[event.kind]}${revision}.`;
  if (!unsaved) return event.kind === 'revision' ? `${head} Diagram kini menampilkan revisi terbaru.` : head;
  return `${head} Perubahan Anda belum disimpan dan tidak ditimpa; simpan untuk melihat pilihan penggabungannya, atau buang perubahan untuk memuat revisi terbaru.`;
}
