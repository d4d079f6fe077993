import { useEffect, useState } from 'react';

/** `value` once it has stopped changing for `delay` ms: suggestions follow typing without a request per key. */
export function useDebouncedValue<T>(value: T, delay = 400): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return settled;
}
