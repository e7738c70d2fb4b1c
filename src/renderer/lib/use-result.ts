import { useCallback, useEffect, useState } from 'react';
import type { AppError, Result } from '../../shared/result';

/** Load a contract value on mount; returns the value, the error, a loading flag and a reload function. */
export function useResult<T>(load: () => Promise<Result<T>>, deps: unknown[] = []) {
  const [state, setState] = useState<{ value: T | null; error: AppError | null; loading: boolean }>({ value: null, error: null, loading: true });
  const run = useCallback(load, deps);
  const reload = useCallback(async () => {
    setState((s) => ({ ...s, loading: true }));
    const result = await run();
    setState(result.ok ? { value: result.value, error: null, loading: false } : { value: null, error: result.error, loading: false });
  }, [run]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { ...state, reload, setValue: (value: T) => setState({ value, error: null, loading: false }) };
}
