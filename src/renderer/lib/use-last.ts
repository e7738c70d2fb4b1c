import { useState } from 'react';

/**
 * The value, or while it is null the last one it had: an overlay keeps showing what it showed while it animates
 * closed. `value` must keep its identity between renders (a string, or state), or every render would store it anew.
 */
export function useLastNonNull<T>(value: T | null): T | null {
  const [last, setLast] = useState(value);
  if (value !== null && value !== last) setLast(value);
  return value ?? last;
}
