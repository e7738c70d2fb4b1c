import { useCallback, useEffect, useRef, useState } from 'react';
import { asHref, parseHref, type Href, type PageId } from '../../shared/routes';
import { requestHeadingFocus } from '../components/page';
import { activeLeaveGuard } from './leave-guard';

/** The app's address now (`#/page?query`; `#/` on first start). */
function currentHref(): Href {
  return asHref(window.location.hash);
}

/** A navigation held back because the page has unsaved work. */
export interface PendingLeave {
  target: Href;
  what: string;
  leave(): void;
  stay(): void;
}

/**
 * Where the app is, from the URL hash: the page (null when the address names no page: the app says so rather than
 * show another), the id as written, and the query after `?` (e.g. `edit=<id>`).
 */
export interface Route {
  page: PageId | null;
  written: string;
  query: string;
}

/** The page of an address, or the address itself when it names none (so two unknown addresses differ). */
function pageKey(address: Href): string {
  const parsed = parseHref(address);
  return parsed.page ?? address;
}

/**
 * The current route from the URL hash (so a reload keeps the page), a function to go elsewhere (an `href()`), and the
 * navigation waiting for confirmation when the page on screen has unsaved work.
 */
export function useRoute(): [Route, (to: Href) => void, PendingLeave | null] {
  const [address, setAddress] = useState(currentHref);
  const [pending, setPending] = useState<{ target: Href; what: string } | null>(null);
  const accepted = useRef(currentHref());
  const bypass = useRef(false);

  useEffect(() => {
    const onHash = () => {
      const target = currentHref();
      if (target === accepted.current) return;
      const guard = bypass.current ? null : activeLeaveGuard();
      bypass.current = false;
      if (guard) {
        // Back/forward or a typed URL: put the address back and ask first.
        window.history.replaceState(null, '', accepted.current);
        setPending({ target, what: guard.what });
        return;
      }
      // After a navigation (not on first load) the new page's heading takes focus, for keyboard and screen-reader users.
      if (pageKey(target) !== pageKey(accepted.current)) requestHeadingFocus();
      accepted.current = target;
      setAddress(target);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const go = useCallback((to: Href) => {
    const guard = activeLeaveGuard();
    if (guard && to !== accepted.current) {
      setPending({ target: to, what: guard.what });
      return;
    }
    window.location.hash = to;
  }, []);

  const leave = useCallback(() => {
    if (!pending) return;
    setPending(null);
    bypass.current = true;
    window.location.hash = pending.target;
  }, [pending]);

  const { page, written, query } = parseHref(address);
  return [{ page, written, query }, go, pending ? { ...pending, leave, stay: () => setPending(null) } : null];
}
