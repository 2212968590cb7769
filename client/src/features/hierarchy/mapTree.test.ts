import { describe, expect, it } from 'vitest';
import type { ProcessMap } from '../../api/types';
import { calledMapOptions } from './calledMapOptions';
import { buildTree, compareCodes, subtreeIds, visibleRows, withAncestors } from './mapTree';

const map = (id: string, code: string, parentId?: string): ProcessMap => ({
  id,
  code,
  name: `Peta ${code}`,
  kind: 'proses',
  level: code.split('.').length - 1,
  ...(parentId ? { parentId } : {}),
  unit: 'Bagian Organisasi',
  profile: 'nasional',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  currentRevision: 1,
});

// 1 › 1.2, 1.10 › 1.10.1; 2; an orphan whose parent the user may not see.
const maps = [map('b', '1.10', 'a'), map('a', '1'), map('c', '1.2', 'a'), map('d', '1.10.1', 'b'), map('e', '2'), map('f', '3.1', 'hidden')];

describe('map tree', () => {
  it('orders codes part by part, numbers as numbers', () => {
    expect(['1.10', '1.2', '10', '2', '1'].sort(compareCodes)).toEqual(['1', '1.2', '1.10', '2', '10']);
  });

  it('builds the forest by parentId; a map whose parent is not listed is a root', () => {
    const roots = buildTree(maps);
    expect(roots.map((n) => n.map.code)).toEqual(['1', '2', '3.1']);
    expect(roots[0]!.children.map((n) => n.map.code)).toEqual(['1.2', '1.10']);
  });

  it('shows the children of expanded maps only, with depth and place among siblings', () => {
    const rows = visibleRows(buildTree(maps), new Set(['a']));
    expect(rows.map((r) => `${r.node.map.code}@${r.depth} ${r.position}/${r.siblings}`)).toEqual(['1@0 1/3', '1.2@1 1/2', '1.10@1 2/2', '2@0 2/3', '3.1@0 3/3']);
    expect(visibleRows(buildTree(maps), new Set(['a', 'b'])).map((r) => r.node.map.code)).toContain('1.10.1');
  });

  it('finds a subtree and the ancestors of matches', () => {
    expect([...subtreeIds(maps, 'a')].sort()).toEqual(['a', 'b', 'c', 'd']);
    expect([...withAncestors(maps, ['d'])].sort()).toEqual(['a', 'b', 'd']);
  });

  it('offers the children of the open map first as called maps, never the map itself', () => {
    expect(calledMapOptions(maps, 'a').map((o) => o.label)).toEqual([
      '1.2 Peta 1.2 (peta anak)',
      '1.10 Peta 1.10 (peta anak)',
      '1.10.1 Peta 1.10.1',
      '2 Peta 2',
      '3.1 Peta 3.1',
    ]);
    expect(calledMapOptions(maps, 'a')[0]!.value).toBe('c');
  });
});
