import type { Executor } from '../../db/client.ts';
import type { NoticeInput } from '../notifications/notification.service.ts';
import type { PlanRow } from './plan.repo.ts';
import { planRepo } from './plan.repo.ts';
import { planSettingsFor } from './plan-settings.ts';

/** What the plan module needs of the notifications module. */
export interface PlanNotices {
  notify(ex: Executor, notice: NoticeInput): Promise<number>;
  recipients: { ofUnit(ex: Executor, unitId: number): Promise<number[]> };
}

/** On publishing: each unit with tasks hears once what it leads and shares, and when it reports. */
export async function publishNotices(ex: Executor, deps: PlanNotices, plan: PlanRow): Promise<void> {
  const tasks = (await planRepo.tasks(ex, plan.id)).filter((t) => t.kind === 'task');
  const counts = new Map<number, { lead: number; co: number }>();
  for (const t of tasks) {
    for (const id of t.leadUnitIds) counts.set(id, { lead: (counts.get(id)?.lead ?? 0) + 1, co: counts.get(id)?.co ?? 0 });
    for (const id of t.coUnitIds) counts.set(id, { lead: counts.get(id)?.lead ?? 0, co: (counts.get(id)?.co ?? 0) + 1 });
  }
  const { reportDay } = await planSettingsFor(ex, plan);
  for (const [unitId, c] of counts) {
    const userIds = await deps.recipients.ofUnit(ex, unitId);
    const parts = [c.lead ? `牵头 ${c.lead} 项` : '', c.co ? `配合 ${c.co} 项` : ''].filter(Boolean).join('、');
    await deps.notify(ex, {
      userIds,
      kind: 'plan.published',
      title: '新的方案任务',
      body: `《${plan.title}》已发布，本单位${parts}任务，请于每月 ${reportDay} 日前报送进展`,
      link: `/plans/${plan.id}`,
      entityType: 'plan',
      entityId: plan.id,
      dedupeKey: `plan.published:${plan.id}`,
    });
  }
}
