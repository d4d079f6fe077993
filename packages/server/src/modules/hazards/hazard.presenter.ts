import {
  type EscalationStep,
  type HazardActor,
  type HazardFacts,
  type HazardSummary,
  type HazardTimeConfig,
  hazardDueAsOf,
  type SupervisionLevel,
} from '@anzhi/core';
import type { Actor } from '../../lib/actor.ts';
import type { HazardRow, HazardSummaryRow } from './hazard.repo.ts';

/** `time` is the hazard's township's hazardTime settings (settings resolver): due soon is shown as the sweep reminds. */
export function toHazardSummary(h: HazardSummaryRow, today: string, time: HazardTimeConfig): HazardSummary {
  const due = hazardDueAsOf({ grade: h.grade, status: h.status, deadline: h.deadline }, today, time);
  return {
    id: h.id,
    code: h.code,
    title: h.title,
    grade: h.grade,
    status: h.status,
    channel: h.channel,
    category: h.category as HazardSummary['category'],
    enterpriseId: h.enterpriseId,
    enterpriseName: h.enterpriseName,
    placeName: h.enterpriseId == null ? h.location : null,
    regionCode: h.regionCode,
    regionName: h.regionName,
    supervisingUnitId: h.supervisingUnitId,
    supervisingUnitName: h.supervisingUnitName,
    foundOn: h.foundOn,
    deadline: h.deadline,
    closedOn: h.closedOn,
    overdue: due.overdue,
    dueSoon: due.dueSoon,
    daysOverdue: due.daysOverdue,
    supervisionLevel: h.supervisionLevel as SupervisionLevel | null,
    escalationStep: h.escalationStep as EscalationStep | null,
    version: h.version,
  };
}

export function hazardFacts(h: HazardRow): HazardFacts {
  return {
    grade: h.grade,
    status: h.status,
    channel: h.channel,
    enterpriseId: h.enterpriseId,
    foundBy: h.foundBy,
    finderUnitId: h.finderUnitId,
    supervisingUnitId: h.supervisingUnitId,
    hasPendingExtension: h.pendingExtension != null,
    stoppage: h.plan?.stoppage ?? null,
    supervised: h.supervisionLevel != null,
  };
}

export function hazardActorOf(actor: Actor): HazardActor {
  return {
    userId: actor.userId,
    office: actor.roles.includes('office') || actor.roles.includes('admin'),
    unitId: actor.unitId,
    enterpriseId: actor.roles.includes('enterprise') ? actor.enterpriseId : null,
    supervisor: actor.roles.some((r) => r === 'admin' || r === 'office' || r === 'unit' || r === 'inspector'),
  };
}

/** What the audit trail keeps of a hazard: the facts that change, not the long texts. */
export function auditedHazard(h: HazardRow) {
  return {
    code: h.code,
    grade: h.grade,
    status: h.status,
    deadline: h.deadline,
    supervisionLevel: h.supervisionLevel,
    criteriaCodes: h.criteriaCodes,
    closedOn: h.closedOn,
  };
}

export const fileLinks = (id: number) => ({ id, url: `/api/v1/files/${id}`, thumbUrl: `/api/v1/files/${id}/thumb` });
