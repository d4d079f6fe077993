import type { PlanDraft, PlanDraftPatch } from '@anzhi/core';
import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useCallback } from 'react';
import { ApiError, errorMessage } from '../../../lib/api-client.ts';
import { plansKey, usePatchDraft } from '../api.ts';

export const STALE_MESSAGE = '已被他人修改，请刷新';

/**
 * Sends one review edit with the version on screen. A 409 means someone else changed the draft meanwhile: the
 * page reloads it rather than overwrite their work. Resolves true when saved.
 */
export function useDraftSave(draft: PlanDraft) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const patch = usePatchDraft(draft.plan.id);
  const version = draft.plan.version;
  const id = draft.plan.id;

  const save = useCallback(
    async (change: Omit<PlanDraftPatch, 'version'>, done?: string): Promise<boolean> => {
      try {
        await patch.mutateAsync({ ...change, version });
        if (done) message.success(done);
        return true;
      } catch (e) {
        if (e instanceof ApiError && e.status === 409) {
          message.warning(`${STALE_MESSAGE}：已重新载入最新内容`);
          void queryClient.invalidateQueries({ queryKey: [...plansKey, 'draft', id] });
        } else {
          const extra = e instanceof ApiError ? e.fieldProblems.map((p) => p.message).join('；') : '';
          message.error(extra && extra !== errorMessage(e) ? `${errorMessage(e)}：${extra}` : errorMessage(e));
        }
        return false;
      }
    },
    [patch, version, id, message, queryClient],
  );

  return { save, saving: patch.isPending };
}
