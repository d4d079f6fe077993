import { highestRiskLevel } from '@anzhi/core';
import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { type Actor, auditActorOf } from '../../lib/actor.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { enterprises } from '../enterprises/enterprise.table.ts';
import { riskChainRepo } from './risk-chain.repo.ts';

/**
 * The registry feed (issue 16): after any assessment change the enterprise's assessed level is the highest of its
 * events (core `highestRiskLevel`), with who changed it and when; the registry's effective level takes it into
 * account (core `effectiveRiskLevel`). Audited when the level changes.
 */
export async function refreshAssessedRisk(tx: Tx, audit: AuditService, actor: Actor | null, enterpriseId: number, at: Date) {
  const level = highestRiskLevel(await riskChainRepo.eventLevels(tx, enterpriseId));
  const [before] = await tx
    .select({ level: enterprises.assessedRiskLevel })
    .from(enterprises)
    .where(eq(enterprises.id, enterpriseId))
    .for('update');
  await tx
    .update(enterprises)
    .set({ assessedRiskLevel: level, assessedRiskBy: level ? (actor?.userId ?? null) : null, assessedRiskAt: level ? at : null })
    .where(eq(enterprises.id, enterpriseId));
  if (before?.level !== level)
    await audit.record(tx, auditActorOf(actor), {
      entityType: 'enterprise',
      entityId: enterpriseId,
      action: 'assessedRisk',
      before: { assessedRiskLevel: before?.level ?? null },
      after: { assessedRiskLevel: level },
    });
}
