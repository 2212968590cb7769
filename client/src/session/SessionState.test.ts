import { describe, expect, it, vi } from 'vitest';
import type { Api } from '../api/client';
import { ApiError } from '../api/client';
import type { Session, User } from '../api/types';
import { SESSION_ENDED_NOTICE, SessionState } from './SessionState';

const user = (id: string, roles: User['roles'] = ['pembaca']): User => ({
  id,
  username: id,
  name: `Pengguna ${id}`,
  jabatan: 'Staf',
  unit: 'Dinas Kesehatan',
  roles,
  disabled: false,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});
const session = (id: string, token: string, roles?: User['roles']): Session => ({ user: user(id, roles), csrfToken: token, allUnits: false });

function fakeApi(overrides: Partial<Api>): Api {
  return overrides as Api;
}

describe('SessionState', () => {
  it('asks for the session only once setup is done', async () => {
    const ask = vi.fn(async () => session('ani', 't1', ['penyusun']));
    const state = new SessionState(fakeApi({ setupNeeded: async () => true, session: ask }));
    await state.load();
    expect(state.setupNeeded).toBe(true);
    expect(ask).not.toHaveBeenCalled();

    const ready = new SessionState(fakeApi({ setupNeeded: async () => false, session: ask }));
    await ready.load();
    expect(ready.signedIn).toBe(true);
    expect(ready.canEditMaps).toBe(true);
    expect(ready.isAdmin).toBe(false);
    expect(ready.csrfToken).toBe('t1');
  });

  it('remembers why the user must sign in again, once', async () => {
    const changes = vi.fn();
    const state = new SessionState(fakeApi({ signIn: async () => session('ani', 't1') }));
    state.onChange(changes);
    await state.signIn('ani', 'sandi-rahasia-1');
    state.expire();
    expect(state.signedIn).toBe(false);
    expect(state.csrfToken).toBeNull();
    expect(changes).toHaveBeenCalledTimes(2);
    expect(state.takeNotice()).toBe(SESSION_ENDED_NOTICE);
    expect(state.takeNotice()).toBeNull();
  });

  it('takes over a session the same user opened elsewhere, but not someone else\'s', async () => {
    let current = session('ani', 't2');
    const state = new SessionState(fakeApi({ signIn: async () => session('ani', 't1'), session: async () => current }));
    await state.signIn('ani', 'sandi-rahasia-1');
    state.expire();
    await expect(state.renew()).resolves.toBe(true);
    expect(state.csrfToken).toBe('t2');

    current = session('budi', 't3');
    await expect(state.renew()).resolves.toBe(false);
    expect(state.user.id).toBe('ani');
  });

  it('signs out even when the session had already ended, but not when the server could not be reached', async () => {
    const ended = new SessionState(
      fakeApi({ signIn: async () => session('ani', 't1'), signOut: async () => Promise.reject(new ApiError(401, 'UNAUTHENTICATED', 'Sesi berakhir')) }),
    );
    await ended.signIn('ani', 'x');
    await ended.signOut();
    expect(ended.signedIn).toBe(false);

    const offline = new SessionState(
      fakeApi({ signIn: async () => session('ani', 't1'), signOut: async () => Promise.reject(new ApiError(0, 'NETWORK', 'Tidak dapat menghubungi server.')) }),
    );
    await offline.signIn('ani', 'x');
    await expect(offline.signOut()).rejects.toMatchObject({ code: 'NETWORK' });
    expect(offline.signedIn).toBe(true);
  });
});
