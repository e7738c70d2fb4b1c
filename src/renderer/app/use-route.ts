import { useCallback, useEffect, useState } from 'react';
import { requestHeadingFocus } from '../components/page';
import { pages } from '../pages/registry';

const known = new Set(pages.map((p) => p.id));

function readHash(): string {
  const id = window.location.hash.replace(/^#\/?/, '').split('?')[0] ?? '';
  return known.has(id) ? id : 'start';
}

/** The current page from the URL hash (so a reload keeps the page), and a function to go elsewhere. */
export function useRoute(): [string, (id: string) => void] {
  const [page, setPage] = useState(readHash);
  useEffect(() => {
    const onHash = () => {
      // After a navigation (not on first load) the new page's heading takes focus, for keyboard and screen-reader users.
      requestHeadingFocus();
      setPage(readHash());
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const go = useCallback((id: string) => {
    window.location.hash = `#/${id}`;
  }, []);
  return [page, go];
}
