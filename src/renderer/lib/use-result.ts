import { useCallback, useEffect, useLayoutEffect, useRef, useState, type DependencyList } from 'react';
import type { AppError, Result } from '../../shared/result';

interface Answer<T> {
  value: T | null;
  error: AppError | null;
  /** The deps the answer was loaded for; null before the first answer. */
  deps: DependencyList | null;
}

function sameDeps(a: DependencyList | null, b: DependencyList): boolean {
  return a !== null && a.length === b.length && a.every((item, i) => Object.is(item, b[i]));
}

/**
 * Load a contract value on mount and whenever `deps` or `again` change (`again`: a version the page bumps to load the
 * same thing again, e.g. after a save); returns the
 * value, the error, a loading flag and setValue (for a value the page got from a save). Only the newest load may
 * answer: an older one that arrives later (a slow search for what was typed before, the profile shown before) is
 * dropped, and so is a load overtaken by setValue. While a load is on its way the previous value stays, with `loading`.
 * exhaustive-deps checks `deps` against `load` at every call site (eslint.config.js lists useResult as an effect hook).
 */
export function useResult<T>(load: () => Promise<Result<T>>, deps: DependencyList = [], again: unknown = null) {
  const key = [...deps, again];
  const [answer, setAnswer] = useState<Answer<T>>({ value: null, error: null, deps: null });
  // The newest load function and deps, for the effect and setValue (which must not change when they do).
  const latest = useRef({ load, deps: key });
  useLayoutEffect(() => {
    latest.current = { load, deps: key };
  });
  // Every load and setValue takes the next number; an answer is kept only if none was taken since.
  const sequence = useRef(0);

  useEffect(() => {
    const mine = ++sequence.current;
    const { load: run, deps: forDeps } = latest.current;
    void run().then((result) => {
      if (mine !== sequence.current) return;
      setAnswer(
        result.ok
          ? { value: result.value, error: null, deps: forDeps }
          : { value: null, error: result.error, deps: forDeps },
      );
    });
    // The caller's deps are this effect's dependency list; exhaustive-deps checks them where useResult is called.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, key);

  const setValue = useCallback((value: T) => {
    sequence.current += 1;
    setAnswer({ value, error: null, deps: latest.current.deps });
  }, []);

  return { value: answer.value, error: answer.error, loading: !sameDeps(answer.deps, key), setValue };
}
