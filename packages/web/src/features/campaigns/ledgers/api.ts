import type { LedgerObjectFilter, LedgerObjectInput, LedgerObjectUpdate, ObjectTypeInput, ObjectTypeUpdate } from '@anzhi/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../../lib/api-client.ts';

const typesKey = ['ledger-object-types'] as const;
const objectsKey = ['ledger-objects'] as const;

export function useObjectTypes() {
  return useQuery({ queryKey: typesKey, queryFn: ({ signal }) => call('GET /ledger-object-types', { signal }) });
}

export type ObjectFilters = Partial<Omit<LedgerObjectFilter, 'page' | 'pageSize'>>;
export function useLedgerObjects(filters: ObjectFilters, page: number, pageSize: number, enabled = true) {
  return useQuery({
    queryKey: [...objectsKey, 'list', filters, page, pageSize],
    queryFn: ({ signal }) => call('GET /ledger-objects', { query: { ...filters, page, pageSize }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useLedgerObject(id: number | null) {
  return useQuery({
    queryKey: [...objectsKey, 'detail', id],
    queryFn: ({ signal }) => call('GET /ledger-objects/{id}', { params: { id: id as number }, signal }),
    enabled: id !== null,
  });
}

function useLedgerMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: objectsKey });
      void qc.invalidateQueries({ queryKey: typesKey });
    },
  });
}

export const useCreateObject = () => useLedgerMutation((body: LedgerObjectInput) => call('POST /ledger-objects', { body }));
export const useUpdateObject = () =>
  useLedgerMutation((v: { id: number; body: LedgerObjectUpdate }) =>
    call('PUT /ledger-objects/{id}', { params: { id: v.id }, body: v.body }),
  );
export const useRemoveObject = () =>
  useLedgerMutation((v: { id: number; reason: string }) =>
    call('POST /ledger-objects/{id}/remove', { params: { id: v.id }, body: { reason: v.reason } }),
  );

/** Uploads a ledger workbook of one type; `dryRun` only checks it and reports what would change. */
export const useImportObjects = () =>
  useLedgerMutation(({ typeId, file, dryRun }: { typeId: number; file: File; dryRun: boolean }) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return call('POST /ledger-objects/import', { query: { typeId, dryRun: String(dryRun) }, body: form });
  });

export const useCreateType = () => useLedgerMutation((body: ObjectTypeInput) => call('POST /ledger-object-types', { body }));
export const useUpdateType = () =>
  useLedgerMutation((v: { id: number; body: ObjectTypeUpdate }) =>
    call('PUT /ledger-object-types/{id}', { params: { id: v.id }, body: v.body }),
  );
export const useRestoreType = () => useLedgerMutation((id: number) => call('POST /ledger-object-types/{id}/restore', { params: { id } }));

export function useEnterpriseOptions(q: string) {
  return useQuery({
    queryKey: ['enterprises', 'ledger-options', q],
    queryFn: ({ signal }) => call('GET /enterprises', { query: { q: q || undefined, pageSize: 20 }, signal }),
    placeholderData: keepPreviousData,
  });
}
