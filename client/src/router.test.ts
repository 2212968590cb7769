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

describe('account routes', () => {
  it('reads the login page with a safe address to return to', () => {
    expect(parseHash('#/masuk')).toEqual({ name: 'login', returnTo: null });
    expect(parseHash(href.login('#/peta/abc'))).toEqual({ name: 'login', returnTo: '#/peta/abc' });
    expect(parseHash(href.login('#/?q=izin'))).toEqual({ name: 'login', returnTo: '#/?q=izin' });
  });

  it('never returns to the login or setup page, nor to something that is not an address of the app', () => {
    expect(parseHash('#/masuk?kembali=%2Fmasuk')).toEqual({ name: 'login', returnTo: null });
    expect(parseHash('#/masuk?kembali=%2Fpenyiapan')).toEqual({ name: 'login', returnTo: null });
    expect(parseHash('#/masuk?kembali=https%3A%2F%2Fcontoh.id')).toEqual({ name: 'login', returnTo: null });
    expect(parseHash('#/masuk?kembali=%2F%2Fcontoh.id')).toEqual({ name: 'login', returnTo: null });
    expect(href.login('#/')).toBe('#/masuk');
    expect(href.login('#/masuk?kembali=x')).toBe('#/masuk');
  });

  it('reads the first-run, users and audit pages', () => {
    expect(parseHash(href.setup())).toEqual({ name: 'setup' });
    expect(parseHash(href.users())).toEqual({ name: 'users' });
    expect(parseHash(href.audit())).toEqual({ name: 'audit' });
  });

  it('treats a malformed escape in the address as unknown instead of failing', () => {
    expect(parseHash('#/peta/%E0%A4%A')).toEqual({ name: 'not-found' });
  });
});
