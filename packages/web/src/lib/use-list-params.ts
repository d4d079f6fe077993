import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

export interface ListParams {
  page: number;
  pageSize: number;
  filters: Record<string, string>;
}

/**
 * Page, page size and filters of a list page live in the URL, so a refresh, the back button or a shared link
 * shows the same rows.
 */
export function useListParams(filterKeys: readonly string[], defaultPageSize = 20) {
  const [searchParams, setSearchParams] = useSearchParams();

  const params = useMemo<ListParams>(() => {
    const filters: Record<string, string> = {};
    for (const key of filterKeys) {
      const value = searchParams.get(key);
      if (value) filters[key] = value;
    }
    return {
      page: Math.max(1, Number(searchParams.get('page')) || 1),
      pageSize: Math.max(1, Number(searchParams.get('pageSize')) || defaultPageSize),
      filters,
    };
  }, [searchParams, filterKeys, defaultPageSize]);

  const setFilters = useCallback(
    (filters: Record<string, string | undefined | null>) => {
      const next = new URLSearchParams();
      for (const [key, value] of Object.entries(filters)) if (value) next.set(key, value);
      if (params.pageSize !== defaultPageSize) next.set('pageSize', String(params.pageSize));
      setSearchParams(next);
    },
    [setSearchParams, params.pageSize, defaultPageSize],
  );

  const setPage = useCallback(
    (page: number, pageSize: number) => {
      const next = new URLSearchParams(searchParams);
      next.set('page', String(pageSize !== params.pageSize ? 1 : page));
      next.set('pageSize', String(pageSize));
      setSearchParams(next);
    },
    [searchParams, setSearchParams, params.pageSize],
  );

  return { ...params, setFilters, setPage };
}
