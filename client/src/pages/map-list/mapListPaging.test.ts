import { describe, expect, it } from 'vitest';
import { countText, MAP_LIST_PAGE_SIZE, pageFrom, pagesOf } from './mapListPaging';

describe('pages of the map list', () => {
  it('reads the page an address asks for, the first for anything but a whole number from 1', () => {
    expect(pageFrom('3')).toBe(3);
    expect(pageFrom('0003')).toBe(3);
    for (const value of [null, '', '0', '-2', '2.5', 'dua', '1e3', ' 4']) expect(pageFrom(value), String(value)).toBe(1);
    // Past the end is for the list to correct; only absurd numbers are capped.
    expect(pageFrom('9999999')).toBe(1_000_000);
  });

  it('counts pages and writes the count in Indonesian', () => {
    expect(MAP_LIST_PAGE_SIZE).toBe(100);
    expect([0, 1, 100, 101, 20_000].map(pagesOf)).toEqual([1, 1, 1, 2, 200]);
    expect(countText(1, 100, 20_000)).toBe('1–100 dari 20.000 peta');
    expect(countText(200, 100, 20_000)).toBe('19.901–20.000 dari 20.000 peta');
    expect(countText(3, 5, 205)).toBe('201–205 dari 205 peta');
    expect(countText(1, 55, 55)).toBe('55 peta');
    expect(countText(1, 0, 0)).toBe('');
  });
});
