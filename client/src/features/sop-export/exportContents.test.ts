import { describe, expect, it } from 'vitest';
import { includedCount, summaryLine } from './exportContents';

const signed = [{ mapId: 'a', title: 'A', nomor: '1', code: 'ABCD-EFGH-JKMN', revision: 1, tanggalEfektif: '2026-12-01' }];
const drafts = [
  { mapId: 'b', title: 'B', state: 'draf' as const, stateLabel: 'Draf', revision: 2 },
  { mapId: 'c', title: 'C', state: 'diajukan' as const, stateLabel: 'Diajukan', revision: 1 },
];

describe('what an SOP export will include', () => {
  it('counts the signed SOPs and the drafts, left out or included', () => {
    expect(summaryLine({ signed, drafts }, false)).toBe('1 SOP disahkan disertakan, 2 draf tidak disertakan.');
    expect(summaryLine({ signed, drafts }, true)).toBe('1 SOP disahkan disertakan, 2 draf disertakan (ditandai DRAF di setiap halaman).');
    expect(summaryLine({ signed, drafts: [] }, false)).toBe('1 SOP disahkan disertakan; tidak ada draf.');
    expect(summaryLine({ signed: [], drafts }, false)).toBe('Belum ada SOP yang disahkan, 2 draf tidak disertakan.');
    expect(includedCount({ signed, drafts }, false)).toBe(1);
    expect(includedCount({ signed, drafts }, true)).toBe(3);
    expect(includedCount({ signed: [], drafts }, false)).toBe(0);
  });
});
