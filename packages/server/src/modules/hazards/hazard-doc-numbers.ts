import { documentNumber, type EscalationStep } from '@anzhi/core';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { type Actor, auditActorOf } from '../../lib/actor.ts';
import { errors } from '../../lib/errors.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { auditedTransaction } from '../audit/audited-transaction.ts';
import { documentSequences, hazardEscalations } from './hazard.table.ts';

/**
 * The 发文字号 of an escalation letter, allocated once when the letter is first issued: the escalation row is locked,
 * the issuing office's yearly sequence bumped in one statement (two first downloads at once queue on the row lock),
 * and the number kept on the escalation, so every later copy shows the same one. The allocation is audited.
 */
export async function issueDocNumber(
  deps: { db: Db; audit: AuditService },
  actor: Actor,
  input: { hazardId: number; step: EscalationStep; issuer: string; prefix: string; year: number },
): Promise<string> {
  return auditedTransaction(deps.db, async (tx) => {
    const [row] = await tx
      .select()
      .from(hazardEscalations)
      .where(and(eq(hazardEscalations.hazardId, input.hazardId), eq(hazardEscalations.step, input.step)))
      .orderBy(desc(hazardEscalations.id))
      .limit(1)
      .for('update');
    if (!row) throw errors.notFound('该问责记录', 'hazard.escalation_not_found');
    if (row.docNumber) return row.docNumber;
    const [seq] = await tx
      .insert(documentSequences)
      .values({ issuer: input.issuer, year: input.year, last: 1 })
      .onConflictDoUpdate({ target: [documentSequences.issuer, documentSequences.year], set: { last: sql`${documentSequences.last} + 1` } })
      .returning({ last: documentSequences.last });
    if (!seq) throw new Error('document sequence returned nothing');
    const number = documentNumber(input.prefix, input.step, input.year, seq.last);
    await tx
      .update(hazardEscalations)
      .set({ docNumber: number, docIssuer: input.issuer, docYear: input.year, docSeq: seq.last })
      .where(eq(hazardEscalations.id, row.id));
    await deps.audit.record(tx, auditActorOf(actor), {
      entityType: 'hazardEscalation',
      entityId: row.id,
      action: 'issueDocNumber',
      after: { hazardId: input.hazardId, step: input.step, docNumber: number },
    });
    return number;
  });
}
