import { addDays, can, type TodoItem } from '@anzhi/core';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { scopeOn } from '../../db/data-scope.ts';
import type { Actor } from '../../lib/actor.ts';
import { type Clock, chinaToday } from '../../lib/clock.ts';
import type { TodoProvider } from '../todos/todo.provider.ts';
import { subjectOf } from './campaign.presenter.ts';
import { campaignRepo } from './campaign.repo.ts';
import { campaignRounds, campaigns } from './campaign.table.ts';
import { campaignProgressRepo } from './campaign-progress.repo.ts';
import { roundRef, scopesOf } from './campaign-progress.service.ts';

/** How many days before a round's deadline the office is told what is left. */
export const ROUND_DUE_SOON_DAYS = 7;

const dateLabel = (d: string) => `${Number(d.slice(5, 7))}月${Number(d.slice(8))}日`;

/**
 * The campaign module's to-dos, for whoever runs campaigns (campaign.manage): an open round due within
 * ROUND_DUE_SOON_DAYS days (or past its deadline) with targets not yet checked — "专项整治第N轮将于X截止，尚有M栋…未检查",
 * counted by the same rows as the progress page.
 */
export function createCampaignTodoProvider(deps: { db: Db; clock: Clock }): TodoProvider {
  const { db, clock } = deps;
  return {
    kinds: ['campaign.round'],
    async list(actor: Actor, box) {
      if (box !== 'mine' || !can(actor.roles, 'campaign.manage')) return [];
      const today = chinaToday(clock.now());
      const rows = await db
        .select({ c: campaigns, r: campaignRounds })
        .from(campaignRounds)
        .innerJoin(campaigns, eq(campaigns.id, campaignRounds.campaignId))
        .where(and(eq(campaignRounds.status, 'open'), scopeOn.campaigns(actor.scope)))
        .limit(200);
      const items: TodoItem[] = [];
      for (const { c, r } of rows) {
        if (r.dueOn > addDays(today, ROUND_DUE_SOON_DAYS)) continue;
        const f = await campaignProgressRepo.figures(db, c, roundRef(r, today), scopesOf(c, actor.scope));
        const left = f.targets - f.covered;
        if (left <= 0) continue;
        const type = c.scope.kind === 'ledger' ? await campaignRepo.objectType(db, c.scope.typeId) : undefined;
        const { subject, counter } = subjectOf(c.scope, type);
        const overdue = r.dueOn < today;
        items.push({
          kind: 'campaign.round',
          title: overdue
            ? `${c.title}第${r.ordinal}轮已于${dateLabel(r.dueOn)}截止，尚有${left}${counter}${subject}未检查`
            : `${c.title}第${r.ordinal}轮将于${dateLabel(r.dueOn)}截止，尚有${left}${counter}${subject}未检查`,
          detail: `已检查 ${f.covered}/${f.targets}`,
          link: `/campaigns/${c.id}?round=${r.ordinal}&state=uncovered`,
          dueOn: r.dueOn,
          overdue,
          entityType: 'campaign',
          entityId: c.id,
          at: null,
        });
      }
      return items;
    },
  };
}
