import type {
  OrderCreateBody,
  OrderListQuery,
  OrderView,
  PenaltyCreateBody,
  PenaltyListQuery,
  PenaltyPatchBody,
  PenaltyView,
  RecheckBody,
} from '@anzhi/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiUrl, call } from '../../lib/api-client.ts';

export type { OrderView, PenaltyView };

const ordersKey = ['enforcement-orders'] as const;
const penaltiesKey = ['penalties'] as const;

export type OrderFilters = Partial<Omit<OrderListQuery, 'page' | 'pageSize'>>;
export type PenaltyFilters = Partial<Omit<PenaltyListQuery, 'page' | 'pageSize'>>;

export function useOrders(filters: OrderFilters, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...ordersKey, 'list', filters, page, pageSize],
    queryFn: ({ signal }) => call('GET /enforcement-orders', { query: { ...filters, page, pageSize }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useOrder(id: number) {
  return useQuery({
    queryKey: [...ordersKey, 'detail', id],
    queryFn: ({ signal }) => call('GET /enforcement-orders/{id}', { params: { id }, signal }),
    enabled: Number.isInteger(id) && id > 0,
  });
}

export function useCreateOrder() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: OrderCreateBody) => call('POST /enforcement-orders', { body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ordersKey }),
  });
}

export function useRecheck(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: RecheckBody) => call('POST /enforcement-orders/{id}/recheck', { params: { id }, body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ordersKey }),
  });
}

export function usePenalties(filters: PenaltyFilters, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...penaltiesKey, 'list', filters, page, pageSize],
    queryFn: ({ signal }) => call('GET /penalties', { query: { ...filters, page, pageSize }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function usePenalty(id: number) {
  return useQuery({
    queryKey: [...penaltiesKey, 'detail', id],
    queryFn: ({ signal }) => call('GET /penalties/{id}', { params: { id }, signal }),
    enabled: Number.isInteger(id) && id > 0,
  });
}

export function useCreatePenalty() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PenaltyCreateBody) => call('POST /penalties', { body }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: penaltiesKey });
      void qc.invalidateQueries({ queryKey: ordersKey });
    },
  });
}

export function useMovePenalty(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PenaltyPatchBody) => call('PATCH /penalties/{id}', { params: { id }, body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: penaltiesKey }),
  });
}

/** Download links of the 执法文书 (.docx); the browser fetches them with the session cookie. */
export const triadDocs = {
  checkRecord: (checkId: number) => apiUrl(`/enforcement-checks/${checkId}/record.docx`),
  order: (id: number) => apiUrl(`/enforcement-orders/${id}/order.docx`),
  recheck: (id: number) => apiUrl(`/enforcement-orders/${id}/recheck.docx`),
  decision: (id: number) => apiUrl(`/penalties/${id}/decision.docx`),
};
