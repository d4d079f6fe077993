import { type EnforcementDocumentKind, enforcementDocIssuer, enforcementDocNumber, unitDocPrefix } from '@anzhi/core';
import { and, eq, sql } from 'drizzle-orm';
import type { Executor, Tx } from '../../db/client.ts';
import { documentSequences } from '../hazards/hazard.table.ts';
import { units } from '../units/unit.table.ts';
import { enforcementDocuments } from './enforcement.table.ts';

export type EnforcementDocEntity = 'check' | 'order' | 'penalty';
export type EnforcementDocumentRow = typeof enforcementDocuments.$inferSelect;

/**
 * The number of a document about one record, allocated once: a second call (a second download, a retry) returns the
 * kept row. A new number bumps the unit's yearly sequence of that kind in document_sequences (issuer
 * `enforcement:<unitId>:<kind>`) in one statement. Two first calls for one record queue on a transaction advisory lock
 * (so no number is skipped); the unique (kind, entity) index backs it. The caller audits, in the same transaction.
 */
export async function allocateEnforcementDoc(
  tx: Tx,
  input: {
    unitId: number;
    kind: EnforcementDocumentKind;
    entityType: EnforcementDocEntity;
    entityId: number;
    year: number;
    now: Date;
    actorId: number | null;
  },
): Promise<{ row: EnforcementDocumentRow; created: boolean }> {
  // Two first downloads of one record queue here, so the loser reads the winner's number and no sequence number is lost.
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`enforcement-doc:${input.kind}:${input.entityType}:${input.entityId}`}))`);
  const existing = await findEnforcementDoc(tx, input.kind, input.entityType, input.entityId);
  if (existing) return { row: existing, created: false };
  const [unit] = await tx.select({ name: units.name, shortName: units.shortName }).from(units).where(eq(units.id, input.unitId));
  if (!unit) throw new Error(`unit ${input.unitId} not found`);
  const issuer = enforcementDocIssuer(input.unitId, input.kind);
  const [seq] = await tx
    .insert(documentSequences)
    .values({ issuer, year: input.year, last: 1 })
    .onConflictDoUpdate({ target: [documentSequences.issuer, documentSequences.year], set: { last: sql`${documentSequences.last} + 1` } })
    .returning({ last: documentSequences.last });
  if (!seq) throw new Error('document sequence returned nothing');
  const [row] = await tx
    .insert(enforcementDocuments)
    .values({
      unitId: input.unitId,
      kind: input.kind,
      entityType: input.entityType,
      entityId: input.entityId,
      year: input.year,
      seq: seq.last,
      number: enforcementDocNumber(unitDocPrefix(unit), input.kind, input.year, seq.last),
      issuedAt: input.now,
      issuedBy: input.actorId,
    })
    .onConflictDoNothing({ target: [enforcementDocuments.kind, enforcementDocuments.entityType, enforcementDocuments.entityId] })
    .returning();
  if (row) return { row, created: true };
  const winner = await findEnforcementDoc(tx, input.kind, input.entityType, input.entityId);
  if (!winner) throw new Error('document number lost');
  return { row: winner, created: false };
}

export async function findEnforcementDoc(
  tx: Executor,
  kind: EnforcementDocumentKind,
  entityType: EnforcementDocEntity,
  entityId: number,
): Promise<EnforcementDocumentRow | undefined> {
  const [row] = await tx
    .select()
    .from(enforcementDocuments)
    .where(
      and(
        eq(enforcementDocuments.kind, kind),
        eq(enforcementDocuments.entityType, entityType),
        eq(enforcementDocuments.entityId, entityId),
      ),
    );
  return row;
}
