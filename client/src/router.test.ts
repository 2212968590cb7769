import { describe, expect, it } from 'vitest';
import { href, parseHash } from './router';

describe('parseHash', () => {
  it('reads an empty or root hash as the map list, with its filters', () => {
    expect(parseHash('')).toMatchObject({ name: 'list' });
    const route = parseHash('#/?q=izin&jenis=relasi');
    expect(route.name).toBe('list');
    expect(route.name === 'list' && route.query.get('jenis')).toBe('relasi');
  });

  it('reads a map and one of its revisions', () => {
    expect(parseHash('#/peta/abc')).toEqual({ name: 'map', id: 'abc' });
    expect(parseHash('#/peta/abc/revisi/12')).toEqual({ name: 'revision', id: 'abc', n: 12 });
  });

  it('refuses revision numbers that are not positive integers', () => {
    expect(parseHash('#/peta/abc/revisi/0')).toEqual({ name: 'not-found' });
    expect(parseHash('#/peta/abc/revisi/dua')).toEqual({ name: 'not-found' });
    expect(parseHash('#/lain')).toEqual({ name: 'not-found' });
  });

  it('round-trips the addresses href builds, ids with reserved characters included', () => {
    expect(parseHash(href.map('a/b c'))).toEqual({ name: 'map', id: 'a/b c' });
    expect(parseHash(href.revision('x', 3))).toEqual({ name: 'revision', id: 'x', n: 3 });
    expect(href.list(new URLSearchParams({ q: 'kinerja' }))).toBe('#/?q=kinerja');
    expect(href.list()).toBe('#/');
  });
});
