import { useEffect, useRef } from 'react';
import { useSearchParams } from 'react-router';

/**
 * A deep link from the 待办 centre (?answer=12, ?sign=2026Q1): once `found` can resolve the parameter's value, `open`
 * is called once and the parameter is dropped, so closing what it opened does not open it again.
 */
export function useDeepLink<T>(param: string, found: (value: string) => T | undefined, open: (item: T) => void, ready: boolean) {
  const [params, setParams] = useSearchParams();
  const value = params.get(param);
  const handled = useRef<string | null>(null);
  useEffect(() => {
    if (!value || !ready || handled.current === value) return;
    handled.current = value;
    const item = found(value);
    if (item !== undefined) open(item);
    setParams(
      (p) => {
        p.delete(param);
        return p;
      },
      { replace: true },
    );
  }, [value, ready, found, open, param, setParams]);
}
