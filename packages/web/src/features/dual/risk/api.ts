import type {
  ControlMeasureCreateBody,
  ControlMeasureUpdateBody,
  RiskAssessmentInput,
  RiskEventCreateBody,
  RiskEventUpdateBody,
  RiskPointCreateBody,
  RiskPointUpdateBody,
  RiskTree,
} from '@anzhi/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../../lib/api-client.ts';

export type { RiskTree };

const treeKey = (enterpriseId: number) => ['risk-tree', enterpriseId] as const;

export function useRiskTree(enterpriseId: number | undefined) {
  return useQuery({
    queryKey: treeKey(enterpriseId ?? 0),
    queryFn: ({ signal }) => call('GET /enterprises/{id}/risk-tree', { params: { id: enterpriseId as number }, signal }),
    enabled: enterpriseId != null && enterpriseId > 0,
  });
}

/** The assessment as the server computes it with the township's bands (the form shows it live). */
export function useAssessmentPreview(enterpriseId: number | undefined, input: RiskAssessmentInput | null) {
  return useQuery({
    queryKey: ['risk-preview', enterpriseId, input],
    queryFn: ({ signal }) =>
      call('POST /risk-assessments/preview', { body: { enterpriseId, assessment: input as RiskAssessmentInput }, signal }),
    enabled: input !== null,
    retry: false,
  });
}

type Write =
  | { op: 'createPoint'; body: RiskPointCreateBody }
  | { op: 'updatePoint'; id: number; body: RiskPointUpdateBody }
  | { op: 'deletePoint'; id: number }
  | { op: 'reviewPoint'; id: number }
  | { op: 'createUnit'; body: { pointId: number; name: string } }
  | { op: 'updateUnit'; id: number; body: { name: string } }
  | { op: 'deleteUnit'; id: number }
  | { op: 'createEvent'; body: RiskEventCreateBody }
  | { op: 'updateEvent'; id: number; body: RiskEventUpdateBody }
  | { op: 'deleteEvent'; id: number }
  | { op: 'createMeasure'; body: ControlMeasureCreateBody }
  | { op: 'updateMeasure'; id: number; body: ControlMeasureUpdateBody }
  | { op: 'deleteMeasure'; id: number };

function send(w: Write): Promise<RiskTree> {
  switch (w.op) {
    case 'createPoint':
      return call('POST /risk-points', { body: w.body });
    case 'updatePoint':
      return call('PATCH /risk-points/{id}', { params: { id: w.id }, body: w.body });
    case 'deletePoint':
      return call('DELETE /risk-points/{id}', { params: { id: w.id } });
    case 'reviewPoint':
      return call('POST /risk-points/{id}/review', { params: { id: w.id }, body: {} });
    case 'createUnit':
      return call('POST /risk-units', { body: w.body });
    case 'updateUnit':
      return call('PATCH /risk-units/{id}', { params: { id: w.id }, body: w.body });
    case 'deleteUnit':
      return call('DELETE /risk-units/{id}', { params: { id: w.id } });
    case 'createEvent':
      return call('POST /risk-events', { body: w.body });
    case 'updateEvent':
      return call('PATCH /risk-events/{id}', { params: { id: w.id }, body: w.body });
    case 'deleteEvent':
      return call('DELETE /risk-events/{id}', { params: { id: w.id } });
    case 'createMeasure':
      return call('POST /control-measures', { body: w.body });
    case 'updateMeasure':
      return call('PATCH /control-measures/{id}', { params: { id: w.id }, body: w.body });
    case 'deleteMeasure':
      return call('DELETE /control-measures/{id}', { params: { id: w.id } });
  }
}

/** Every write answers with the whole tree: it replaces the cached one. */
export function useRiskWrite() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (tree) => {
      qc.setQueryData(treeKey(tree.enterprise.id), tree);
      void qc.invalidateQueries({ queryKey: ['enterprises'] });
    },
  });
}

export function useRiskImport(enterpriseId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return call('POST /enterprises/{id}/risk-import', { params: { id: enterpriseId }, body: form });
    },
    onSuccess: () => void qc.invalidateQueries({ queryKey: treeKey(enterpriseId) }),
  });
}
