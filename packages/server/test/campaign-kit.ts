import { randomBytes, randomUUID } from 'node:crypto';
import {
  type CampaignChecklistItem,
  type CampaignScope,
  defaultObjectTypes,
  labelCodeOf,
  type PlanTarget,
  type RoundStatus,
} from '@anzhi/core';
import { eq } from 'drizzle-orm';
import type { Executor } from '../src/db/client.ts';
import {
  campaignChecks,
  campaignHazards,
  campaignRounds,
  campaigns,
  ledgerObjects,
  ledgerObjectTypes,
} from '../src/modules/campaigns/campaign.table.ts';
import { plans, planTasks } from '../src/modules/plans/plan.table.ts';

/**
 * 专项台账 / 专项整治 rows written straight into the database, as the module's services would leave them: for tests
 * of the parts that read what another part wrote, and for the role matrix. Each part's own tests go through its API.
 */
let serial = 0;

/** The shipped object type `code` (core defaultObjectTypes), inserted once. */
export async function ensureObjectType(ex: Executor, code = 'selfBuiltHouse') {
  const [found] = await ex.select().from(ledgerObjectTypes).where(eq(ledgerObjectTypes.code, code));
  if (found) return found;
  const d = defaultObjectTypes.find((t) => t.code === code);
  if (!d) throw new Error(`ensureObjectType: no shipped type ${code}`);
  const [row] = await ex
    .insert(ledgerObjectTypes)
    .values({ code: d.code, name: d.name, anchor: d.anchor, counter: d.counter, fields: d.fields, checklist: d.checklist, builtin: true })
    .returning();
  if (!row) throw new Error('ensureObjectType: no row');
  return row;
}

export async function makeLedgerObject(
  ex: Executor,
  opts: {
    typeId: number;
    regionCode: string;
    enterpriseId?: number | null;
    name?: string;
    data?: Record<string, unknown>;
    createdAt?: Date;
    removedAt?: Date | null;
  },
) {
  const name = opts.name ?? `对象 ${++serial}`;
  const [row] = await ex
    .insert(ledgerObjects)
    .values({
      typeId: opts.typeId,
      labelCode: labelCodeOf(randomBytes(10)),
      name,
      nameKey: name.replace(/\s+/g, ''),
      regionCode: opts.regionCode,
      enterpriseId: opts.enterpriseId ?? null,
      data: opts.data ?? { owner: '王某', floors: 3, use: '餐饮' },
      status: opts.removedAt ? 'removed' : 'active',
      removedAt: opts.removedAt ?? null,
      ...(opts.createdAt ? { createdAt: opts.createdAt, updatedAt: opts.createdAt } : {}),
    })
    .returning();
  if (!row) throw new Error('makeLedgerObject: no row');
  return row;
}

const defaultChecklist: CampaignChecklistItem[] = [
  { key: 'c1', text: '疏散通道、安全出口畅通', source: 'own', criteriaCode: null, major: false },
  { key: 'c2', text: '无电动自行车在室内充电', source: 'own', criteriaCode: null, major: false },
];

/** A campaign with `rounds` rounds (round statuses as given, default the first open). */
export async function makeCampaign(
  ex: Executor,
  opts: {
    regionCode: string;
    scope: CampaignScope;
    title?: string;
    checklist?: CampaignChecklistItem[];
    planTaskId?: number | null;
    createdBy?: number;
    rounds?: Array<{ startsOn: string; dueOn: string; status?: RoundStatus; closedOn?: string | null }>;
  },
) {
  const rounds = opts.rounds ?? [{ startsOn: '2026-01-01', dueOn: '2026-12-31', status: 'open' as const }];
  const [campaign] = await ex
    .insert(campaigns)
    .values({
      regionCode: opts.regionCode,
      title: opts.title ?? `专项整治 ${++serial}`,
      scope: opts.scope,
      checklist: opts.checklist ?? defaultChecklist,
      planTaskId: opts.planTaskId ?? null,
      status: rounds.some((r) => (r.status ?? 'planned') !== 'planned') ? 'active' : 'draft',
      createdBy: opts.createdBy ?? null,
    })
    .returning();
  if (!campaign) throw new Error('makeCampaign: no row');
  const roundRows = await ex
    .insert(campaignRounds)
    .values(
      rounds.map((r, i) => ({
        campaignId: campaign.id,
        ordinal: i + 1,
        title: `第${i + 1}轮`,
        startsOn: r.startsOn,
        dueOn: r.dueOn,
        status: r.status ?? 'planned',
        openedAt: (r.status ?? 'planned') !== 'planned' ? new Date(`${r.startsOn}T01:00:00Z`) : null,
        closedOn: r.status === 'closed' ? (r.closedOn ?? r.dueOn) : null,
        closedAt: r.status === 'closed' ? new Date(`${r.closedOn ?? r.dueOn}T09:00:00Z`) : null,
      })),
    )
    .returning();
  return { campaign, rounds: roundRows.sort((a, b) => a.ordinal - b.ordinal) };
}

/**
 * A campaign check of a target in a round, written straight (part C's endpoint does it through the API), with the
 * hazards its failed items became linked to the campaign (campaign_hazards), one item each.
 */
export async function makeCampaignCheck(
  ex: Executor,
  opts: {
    campaignId: number;
    roundId: number;
    target: { objectId: number } | { enterpriseId: number };
    regionCode: string;
    checkedBy: number;
    checkerUnitId?: number | null;
    checkedAt?: Date;
    /** Failed items (default: one per hazard). */
    failed?: number;
    hazardIds?: number[];
  },
) {
  const hazardIds = opts.hazardIds ?? [];
  const objectId = 'objectId' in opts.target ? opts.target.objectId : null;
  const enterpriseId = 'enterpriseId' in opts.target ? opts.target.enterpriseId : null;
  const items = hazardIds.map((hazardId, i) => ({
    key: `c${i + 1}`,
    text: `检查项 ${i + 1}`,
    result: 'fail' as const,
    note: '发现问题',
    hazardId,
    fileIds: [],
  }));
  const [check] = await ex
    .insert(campaignChecks)
    .values({
      campaignId: opts.campaignId,
      roundId: opts.roundId,
      objectId,
      enterpriseId,
      regionCode: opts.regionCode,
      clientId: randomUUID(),
      checkedBy: opts.checkedBy,
      checkerUnitId: opts.checkerUnitId ?? null,
      checkedAt: opts.checkedAt ?? new Date('2026-03-01T02:00:00Z'),
      items: items.length ? items : [{ key: 'c1', text: '检查项 1', result: 'pass', note: null, hazardId: null, fileIds: [] }],
      failed: opts.failed ?? hazardIds.length,
    })
    .returning();
  if (!check) throw new Error('makeCampaignCheck: no row');
  if (hazardIds.length) {
    await ex.insert(campaignHazards).values(
      hazardIds.map((hazardId, i) => ({
        hazardId,
        campaignId: opts.campaignId,
        roundId: opts.roundId,
        checkId: check.id,
        itemKey: `c${i + 1}`,
        objectId,
        enterpriseId,
        regionCode: opts.regionCode,
      })),
    );
  }
  return check;
}

/** A plan of a township (published unless said) with one task (or heading) in it, for a campaign to link to. */
export async function makePlanTask(
  ex: Executor,
  opts: {
    regionCode: string;
    createdBy: number;
    status?: 'draft' | 'published';
    kind?: 'task' | 'group';
    title?: string;
    targets?: PlanTarget[];
    leadUnitIds?: number[];
    planId?: number;
  },
) {
  const now = new Date('2026-01-01T00:00:00Z');
  let planId = opts.planId;
  if (planId === undefined) {
    const [plan] = await ex
      .insert(plans)
      .values({
        regionCode: opts.regionCode,
        title: `安全生产行动方案 ${++serial}`,
        status: opts.status ?? 'published',
        createdBy: opts.createdBy,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!plan) throw new Error('makePlanTask: no plan');
    planId = plan.id;
  }
  const [task] = await ex
    .insert(planTasks)
    .values({
      planId,
      kind: opts.kind ?? 'task',
      ordinal: String(++serial),
      title: opts.title ?? `开展经营性自建房整治 ${serial}`,
      sortOrder: serial,
      targets: opts.targets ?? [],
      leadUnitIds: opts.leadUnitIds ?? [],
      leadUnitNames: [],
      path: [],
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!task) throw new Error('makePlanTask: no task');
  return { planId, task };
}
