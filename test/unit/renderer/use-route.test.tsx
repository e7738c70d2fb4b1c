// @vitest-environment jsdom
// useRoute and useLeaveGuard: the address is the route (a reload keeps the page), an unknown address is said to be
// unknown, and a page with unsaved work holds every way of leaving (in-app links, back/forward, reload) until the admin
// answers.
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { activeLeaveGuard, useLeaveGuard } from '../../../src/renderer/app/leave-guard';
import { useRoute } from '../../../src/renderer/app/use-route';
import { href } from '../../../src/shared/routes';

beforeEach(() => {
  window.history.replaceState(null, '', '/index.html');
});
afterEach(cleanup);

/** useRoute on the page, with a leave guard whose dirty flag the test sets. */
function renderApp(dirty = false) {
  return renderHook(
    ({ dirty: d }) => {
      const [route, go, pending] = useRoute();
      const guard = useLeaveGuard(d, 'The profile');
      return { route, go, pending, guard };
    },
    { initialProps: { dirty } },
  );
}

describe('useRoute', () => {
  it('starts on Start, and reads the page and query from the address (so a reload keeps them)', () => {
    expect(renderApp().result.current.route).toEqual({ page: 'start', written: '', query: '' });
    cleanup();
    window.history.replaceState(null, '', '/index.html#/connections?edit=p1');
    expect(renderApp().result.current.route).toEqual({ page: 'connections', written: 'connections', query: 'edit=p1' });
  });

  it('goes to an href, and follows back and forward', async () => {
    const { result } = renderApp();
    act(() => result.current.go(href('signin', { profile: 'p 1' })));
    await waitFor(() => expect(result.current.route.page).toBe('signin'));
    expect(new URLSearchParams(result.current.route.query).get('profile')).toBe('p 1');
    expect(window.location.hash).toBe('#/signin?profile=p%201');
    act(() => result.current.go(href('about')));
    await waitFor(() => expect(result.current.route.page).toBe('about'));
    act(() => window.history.back());
    await waitFor(() => expect(result.current.route.page).toBe('signin'));
  });

  it('says an address names no page instead of showing another page', async () => {
    const { result } = renderApp();
    act(() => {
      window.location.hash = '#/conections?edit=p1';
    });
    await waitFor(() => expect(result.current.route).toEqual({ page: null, written: 'conections', query: 'edit=p1' }));
  });
});

describe('useLeaveGuard with useRoute', () => {
  it('holds an in-app navigation while there is unsaved work: Stay keeps the page, Leave goes', async () => {
    const { result } = renderApp(true);
    act(() => result.current.go(href('help')));
    expect(result.current.pending).toMatchObject({ target: '#/help', what: 'The profile' });
    expect(result.current.route.page).toBe('start');
    act(() => result.current.pending!.stay());
    expect(result.current.pending).toBeNull();
    expect(result.current.route.page).toBe('start');
    act(() => result.current.go(href('help')));
    act(() => result.current.pending!.leave());
    await waitFor(() => expect(result.current.route.page).toBe('help'));
    expect(result.current.pending).toBeNull();
  });

  it('puts the address back when it changes outside the app (back, a typed URL) and asks first', async () => {
    const { result } = renderApp(true);
    act(() => {
      window.location.hash = '#/settings';
    });
    await waitFor(() => expect(result.current.pending).toMatchObject({ target: '#/settings' }));
    expect(window.location.hash).toBe('#/');
    expect(result.current.route.page).toBe('start');
  });

  it('lets a navigation through right after saved(), before the clean state has rendered', async () => {
    const { result } = renderApp(true);
    act(() => {
      result.current.guard.saved();
      result.current.go(href('connections'));
    });
    expect(result.current.pending).toBeNull();
    await waitFor(() => expect(result.current.route.page).toBe('connections'));
  });

  it('asks before a reload or close only while dirty, and lets go when the page unmounts', () => {
    const { rerender, unmount } = renderApp(true);
    const unload = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(unload()).toBe(true);
    expect(activeLeaveGuard()?.what).toBe('The profile');
    rerender({ dirty: false });
    expect(unload()).toBe(false);
    expect(activeLeaveGuard()).toBeNull();
    rerender({ dirty: true });
    unmount();
    expect(unload()).toBe(false);
    expect(activeLeaveGuard()).toBeNull();
  });
});
