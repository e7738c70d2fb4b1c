import { useCallback, useEffect, useRef, useState } from 'react';
import { requestHeadingFocus } from '../components/page';
import { pages } from '../pages/registry';
import { activeLeaveGuard } from './leave-guard';

const known = new Set(pages.map((p) => p.id));

function pageOf(target: string): string {
  const id = target.split('?')[0] ?? '';
  return known.has(id) ? id : 'start';
}

function queryOf(target: string): string {
  const at = target.indexOf('?');
  return at < 0 ? '' : target.slice(at + 1);
}

function currentTarget(): string {
  return window.location.hash.replace(/^#\/?/, '');
}

/** A navigation held back because the page has unsaved work. */
export interface PendingLeave {
  target: string;
  what: string;
  leave(): void;
  stay(): void;
}

/** Where the app is: the page id and the query after `?` (e.g. `edit=<id>`), both from the URL hash. */
export interface Route {
  page: string;
  query: string;
}

/**
 * The current route from the URL hash (so a reload keeps the page), a function to go elsewhere (`page` or
 * `page?key=value`), and the navigation waiting for confirmation when the page on screen has unsaved work.
 */
export function useRoute(): [Route, (target: string) => void, PendingLeave | null] {
  const [target, setTarget] = useState(currentTarget);
  const [pending, setPending] = useState<{ target: string; what: string } | null>(null);
  const accepted = useRef(currentTarget());
  const bypass = useRef(false);

  useEffect(() => {
    const onHash = () => {
      const target = currentTarget();
      if (target === accepted.current) return;
      const guard = bypass.current ? null : activeLeaveGuard();
      bypass.current = false;
      if (guard) {
        // Back/forward or a typed URL: put the address back and ask first.
        window.history.replaceState(null, '', `#/${accepted.current}`);
        setPending({ target, what: guard.what });
        return;
      }
      // After a navigation (not on first load) the new page's heading takes focus, for keyboard and screen-reader users.
      if (pageOf(target) !== pageOf(accepted.current)) requestHeadingFocus();
      accepted.current = target;
      setTarget(target);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const go = useCallback((target: string) => {
    const guard = activeLeaveGuard();
    if (guard && target !== accepted.current) {
      setPending({ target, what: guard.what });
      return;
    }
    window.location.hash = `#/${target}`;
  }, []);

  const leave = useCallback(() => {
    if (!pending) return;
    setPending(null);
    bypass.current = true;
    window.location.hash = `#/${pending.target}`;
  }, [pending]);

  const route = { page: pageOf(target), query: queryOf(target) };
  return [route, go, pending ? { ...pending, leave, stay: () => setPending(null) } : null];
}
