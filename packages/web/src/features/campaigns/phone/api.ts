import { type CampaignFieldList, type CampaignLabelList, campaignFieldList, campaignLabelList } from '@anzhi/core';
import { useQuery } from '@tanstack/react-query';
import { call } from '../../../lib/api-client.ts';
import { loadWithCopy, offlineQuery } from '../../../lib/offline/load-with-copy.ts';
import { useCurrentUser } from '../../../lib/session.ts';

export const campaignTasksKey = ['campaigns', 'phone', 'tasks'] as const;

/** 我的专项检查: the open rounds with their checklists and my targets, kept on the phone for offline checks. */
export function useCampaignTasks() {
  const user = useCurrentUser();
  return useQuery({
    ...offlineQuery,
    queryKey: [...campaignTasksKey, user.id],
    queryFn: () =>
      loadWithCopy<CampaignFieldList>(user.id, 'campaign-tasks', async () => campaignFieldList.parse(await call('GET /campaign-tasks'))),
  });
}

/** A QR label's object and the open rounds covering it (a copy kept per label, for a second scan offline). */
export function useLabelLanding(code: string) {
  const user = useCurrentUser();
  return useQuery({
    ...offlineQuery,
    queryKey: ['campaigns', 'phone', 'label', code, user.id],
    queryFn: () =>
      loadWithCopy<CampaignLabelList>(user.id, `label:${code}`, async () =>
        campaignLabelList.parse(await call('GET /campaign-tasks/by-label/{code}', { params: { code } })),
      ),
  });
}
