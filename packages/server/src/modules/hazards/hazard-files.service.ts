import { type CriteriaSet, citeCriteria, defaultDocPrefix, type EscalationStep, type HazardFilter } from '@anzhi/core';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { errors } from '../../lib/errors.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { regionRepo } from '../regions/region.repo.ts';
import { loadSettingsBook } from '../settings/settings.resolver.ts';
import { hazardActorOf, toHazardSummary } from './hazard.presenter.ts';
import { hazardRepo, hazardWhere } from './hazard.repo.ts';
import type { HazardService } from './hazard.service.ts';
import { issueDocNumber } from './hazard-doc-numbers.ts';
import { escalationDocx } from './hazard-documents.ts';
import { hazardLedgerXlsx } from './hazard-export.ts';

const EXPORT_MAX_ROWS = 200_000;
const BATCH = 2000;

/** The files the hazard module produces: the ledger workbook and the escalation documents. */
export function createHazardFiles(deps: {
  db: Db;
  audit: AuditService;
  hazards: HazardService;
  criteriaLibrary(): Promise<readonly CriteriaSet[]>;
}) {
  const { db, hazards } = deps;

  return {
    /** The ledger as .xlsx with the list's filters, read in keyset batches so a large export never sits in memory. */
    async ledger(actor: Actor, filter: HazardFilter): Promise<{ buffer: Buffer; date: string }> {
      const today = hazards.today();
      const where = hazardWhere(actor.scope, filter, today, hazardActorOf(actor));
      const total = await hazardRepo.count(db, where);
      if (total > EXPORT_MAX_ROWS) {
        throw errors.badRequest(
          'hazard.export_too_large',
          `符合条件的隐患有 ${total} 条，超过单次导出上限 ${EXPORT_MAX_ROWS} 条，请缩小筛选范围`,
        );
      }
      const library = await deps.criteriaLibrary();
      const settings = await loadSettingsBook(db);
      async function* batches() {
        let cursor: { foundOn: string; id: number } | undefined;
        for (;;) {
          const rows = await hazardRepo.page(db, where, { cursor, offset: 0, limit: BATCH });
          if (rows.length === 0) return;
          yield rows.map((h) => ({
            ...toHazardSummary(h, today, settings.forRegion(h.regionCode).hazardTime),
            description: h.description,
            citations: citeCriteria(h.criteriaCodes, library),
            cause: h.cause,
            harm: h.harm,
            difficulty: h.difficulty,
          }));
          const last = rows[rows.length - 1] as (typeof rows)[number];
          cursor = { foundOn: last.foundOn, id: last.id };
          if (rows.length < BATCH) return;
        }
      }
      return { buffer: await hazardLedgerXlsx(`隐患排查治理台账（截至 ${today}）`, batches()), date: today };
    },

    /** The 督办函 / 通报 / 约谈通知书 / 曝光 of one escalation step, issued by the township's safety office. */
    async escalationDocument(actor: Actor, id: number, step: EscalationStep): Promise<{ buffer: Buffer; name: string }> {
      const h = await hazards.get(actor, id);
      if (!h.escalations.some((x) => x.step === step)) throw errors.notFound('该问责记录', 'hazard.escalation_not_found');
      const townshipCode = `${h.regionCode.slice(0, 9)}000`;
      const township = await regionRepo.findByCode(db, townshipCode);
      const today = hazards.today();
      const docNumber = await issueDocNumber(deps, actor, {
        hazardId: id,
        step,
        issuer: townshipCode,
        prefix: township?.docPrefix ?? defaultDocPrefix(township?.name ?? ''),
        year: Number(today.slice(0, 4)),
      });
      const buffer = await escalationDocx(h, step, { name: `${township?.name ?? ''}安全生产委员会办公室`, docNumber }, today);
      return { buffer, name: `${h.code}-${step}.docx` };
    },
  };
}

export type HazardFiles = ReturnType<typeof createHazardFiles>;
