import {
  type CampaignFieldList,
  type CampaignFieldRound,
  type CampaignLabelList,
  type CampaignLabelObject,
  campaignFieldTargetCap,
  type ObjectFieldDef,
  roundWindow,
} from '@anzhi/core';
import type { Executor } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { chinaToday } from '../../lib/clock.ts';
import { errors } from '../../lib/errors.ts';
import type { CampaignDeps } from './campaign.module.ts';
import { type FieldCampaign, type FieldRound, campaignFieldRepo as repo, type TargetPick } from './campaign-field.repo.ts';

/** What a campaign counts, in words: the ledger's type (经营性自建房, 栋) or the registry's enterprises (企业, 家). */
export async function subjectsOf(ex: Executor, campaigns: FieldCampaign[]) {
  const typeIds = [...new Set(campaigns.flatMap((c) => (c.scope.kind === 'ledger' ? [c.scope.typeId] : [])))];
  const types = new Map((await repo.objectTypes(ex, typeIds)).map((t) => [t.id, t]));
  return (c: FieldCampaign) => {
    if (c.scope.kind === 'registry') return { subject: '企业', counter: '家' };
    const t = types.get(c.scope.typeId);
    return { subject: t?.name ?? '台账对象', counter: t?.counter ?? '个' };
  };
}

/** The round as the phone keeps it (the targets of the caller's area, as counted today). */
export function windowOf(round: FieldRound, today: string) {
  return (
    roundWindow(
      { ordinal: round.ordinal, status: round.status, startsOn: round.startsOn, dueOn: round.dueOn, closedOn: round.closedOn },
      today,
    ) ?? {
      from: round.startsOn,
      to: today,
    }
  );
}

function fieldValue(def: ObjectFieldDef, v: unknown): string {
  if (v === undefined || v === null || v === '') return '';
  if (def.kind === 'bool') return v ? '是' : '否';
  return `${String(v)}${def.unit ? ` ${def.unit}` : ''}`;
}

/**
 * The phone's work list (issue 17, field checks): every open round of the campaigns the caller sees, with its
 * checklist and its targets in the caller's area, and whether each is checked in the round — cached on the device so
 * the checks can be made offline. `by-label` narrows it to the object a QR label names.
 */
export function createCampaignFieldService(deps: Pick<CampaignDeps, 'db' | 'clock'>) {
  const { db, clock } = deps;

  async function roundsFor(actor: Actor, pick?: TargetPick, only?: (c: FieldCampaign) => boolean): Promise<CampaignFieldRound[]> {
    const today = chinaToday(clock.now());
    const open = (await repo.rounds(db, actor.scope)).filter((r) => !only || only(r.campaign));
    const subject = await subjectsOf(
      db,
      open.map((r) => r.campaign),
    );
    const out: CampaignFieldRound[] = [];
    for (const { campaign, round } of open) {
      const rows = await repo.targets(db, campaign, { id: round.id, window: windowOf(round, today) }, actor.scope, {
        limit: campaignFieldTargetCap + 1,
        pick,
      });
      if (pick && rows.length === 0) continue;
      out.push({
        campaignId: campaign.id,
        campaignTitle: campaign.title,
        roundId: round.id,
        ordinal: round.ordinal,
        dueOn: round.dueOn,
        ...subject(campaign),
        checklist: campaign.checklist,
        targets: rows.slice(0, campaignFieldTargetCap).map((t) => ({
          objectId: t.object_id,
          enterpriseId: t.enterprise_id,
          name: t.name,
          regionCode: t.region_code,
          regionName: t.region_name,
          address: t.address,
          labelCode: t.label_code,
          checkId: t.check_id,
        })),
        targetsCapped: rows.length > campaignFieldTargetCap,
      });
    }
    return out;
  }

  async function list(actor: Actor): Promise<CampaignFieldList> {
    return { asOf: chinaToday(clock.now()), rounds: await roundsFor(actor) };
  }

  async function byLabel(actor: Actor, code: string): Promise<CampaignLabelList> {
    const found = await repo.objectInScope(db, actor.scope, { labelCode: code.toUpperCase() });
    if (!found) throw errors.notFound('标签对应的台账对象', 'campaignField.label_not_found');
    const { object: o, type } = found;
    const data = o.data ?? {};
    const object: CampaignLabelObject = {
      id: o.id,
      labelCode: o.labelCode,
      typeName: type.name,
      counter: type.counter,
      name: o.name,
      regionCode: o.regionCode,
      regionName: found.regionName ?? o.regionCode,
      address: o.address,
      enterpriseName: found.enterpriseName,
      removed: o.removedAt !== null,
      fields: type.fields.map((f) => ({ key: f.key, label: f.label, value: fieldValue(f, data[f.key]) })).filter((f) => f.value !== ''),
    };
    const rounds = await roundsFor(actor, { objectId: o.id }, (c) => c.scope.kind === 'ledger' && c.scope.typeId === o.typeId);
    return { asOf: chinaToday(clock.now()), rounds, object };
  }

  return { list, byLabel };
}

export type CampaignFieldService = ReturnType<typeof createCampaignFieldService>;
