import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../lib/api-client.ts';

export const criteriaKey = ['criteria'] as const;

export function useCriteriaSets() {
  return useQuery({
    queryKey: [...criteriaKey, 'sets'],
    queryFn: ({ signal }) => call('GET /criteria-sets', { signal }).then((r) => r.items),
  });
}

export function useCriteriaSet(id: string | undefined) {
  return useQuery({
    queryKey: [...criteriaKey, 'set', id],
    queryFn: ({ signal }) => call('GET /criteria-sets/{id}', { params: { id: id ?? '' }, signal }),
    enabled: !!id,
  });
}

/** Every item in use, for pickers: fetched once per session and kept (the library changes rarely). */
export function useCriteriaItems() {
  return useQuery({
    queryKey: [...criteriaKey, 'items'],
    queryFn: ({ signal }) => call('GET /criteria/items', { signal }).then((r) => r.items),
    staleTime: 10 * 60_000,
  });
}

export interface SuggestInput {
  text: string;
  enterpriseId?: number | null;
  foundOn?: string | null;
}

export function useCriteriaSuggestions(input: SuggestInput) {
  const text = input.text.trim();
  return useQuery({
    queryKey: [...criteriaKey, 'suggest', text, input.enterpriseId ?? null, input.foundOn ?? null],
    queryFn: ({ signal }) =>
      call('GET /criteria/suggest', {
        query: { text, enterpriseId: input.enterpriseId ?? undefined, foundOn: input.foundOn ?? undefined },
        signal,
      }),
    enabled: Array.from(text).length >= 2,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

function useInvalidateCriteria() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: criteriaKey });
}

/** The set's own fields of an .xlsx import, as form text fields; lists repeat the field. */
export type SheetFieldValues = Record<string, string | string[] | undefined>;

export interface ImportInput {
  file: File;
  fields?: SheetFieldValues;
  dryRun: boolean;
  overwrite?: boolean;
}

export function useImportCriteriaSet() {
  const invalidate = useInvalidateCriteria();
  return useMutation({
    mutationFn: ({ file, fields, dryRun, overwrite }: ImportInput) => {
      const form = new FormData();
      for (const [name, value] of Object.entries(fields ?? {})) {
        for (const v of Array.isArray(value) ? value : value ? [value] : []) form.append(name, v);
      }
      form.append('file', file, file.name);
      return call('POST /criteria-sets/import', { query: { dryRun, overwrite: overwrite || undefined }, body: form });
    },
    onSuccess: (report) => {
      if (report.saved) invalidate();
    },
  });
}

export function useRetireCriteriaSet() {
  const onSuccess = useInvalidateCriteria();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      call('POST /criteria-sets/{id}/retire', { params: { id }, body: { reason } }),
    onSuccess,
  });
}

export function useRestoreCriteriaSet() {
  const onSuccess = useInvalidateCriteria();
  return useMutation({
    mutationFn: (id: string) => call('POST /criteria-sets/{id}/restore', { params: { id } }),
    onSuccess,
  });
}
