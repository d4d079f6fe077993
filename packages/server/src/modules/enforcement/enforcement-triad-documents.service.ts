import {
  type CriteriaSet,
  citeCriteria,
  citeSafetyLaw,
  doneCheckStatuses,
  type EnforcementDocumentKind,
  imposedPenaltyStatuses,
  recheckItemResultLabels,
  safetyLawArticle,
} from '@anzhi/core';
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { type Actor, auditActorOf } from '../../lib/actor.ts';
import { type Clock, chinaToday } from '../../lib/clock.ts';
import { errors } from '../../lib/errors.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { auditedTransaction } from '../audit/audited-transaction.ts';
import type { CriteriaService } from '../criteria/criteria.service.ts';
import { enterprises } from '../enterprises/enterprise.table.ts';
import type { FileService } from '../files/file.service.ts';
import { units } from '../units/unit.table.ts';
import { enforcementInspectors } from './enforcement.table.ts';
import { allocateEnforcementDoc, type EnforcementDocEntity } from './enforcement-doc-numbers.ts';
import { type OrderRow, triadRepo } from './enforcement-triad.repo.ts';
import { checkRecordDocx, decisionDocx, orderDocx, recheckDocx, type SignatureImage } from './enforcement-triad-docx.ts';

export interface DocxFile {
  buffer: Buffer;
  name: string;
  number: string;
}

const cite = (code: string | null, library: readonly CriteriaSet[]) => (code ? (citeCriteria([code], library)[0] ?? null) : null);

/**
 * The four documents of the 执法三部曲, filled from the records. A document's number is allocated once (the first
 * download of a check record; orders, 复查 and decisions are numbered when they happen) and kept, so every copy shows
 * the same number; a new number is audited.
 */
export function createEnforcementDocuments(deps: {
  db: Db;
  clock: Clock;
  audit: AuditService;
  criteria: CriteriaService;
  files: FileService;
}) {
  const { db, clock, audit } = deps;

  async function number(
    actor: Actor,
    kind: EnforcementDocumentKind,
    entityType: EnforcementDocEntity,
    entityId: number,
    unitId: number,
    onDay: string,
  ) {
    return auditedTransaction(db, async (tx) => {
      const { row, created } = await allocateEnforcementDoc(tx, {
        unitId,
        kind,
        entityType,
        entityId,
        year: Number(onDay.slice(0, 4)),
        now: clock.now(),
        actorId: actor.userId,
      });
      if (created)
        await audit.record(tx, auditActorOf(actor), {
          entityType: 'enforcementDocument',
          entityId: row.id,
          action: 'issueNumber',
          after: { kind, entityType, entityId, number: row.number },
        });
      return row.number;
    });
  }

  async function basics(unitId: number, enterpriseId: number, inspectorIds: number[]) {
    const [[unit], [ent], inspectors] = await Promise.all([
      db.select({ name: units.name }).from(units).where(eq(units.id, unitId)),
      db.select().from(enterprises).where(eq(enterprises.id, enterpriseId)),
      inspectorIds.length
        ? db
            .select({ id: enforcementInspectors.id, name: enforcementInspectors.name, certificateNo: enforcementInspectors.certificateNo })
            .from(enforcementInspectors)
            .where(inArray(enforcementInspectors.id, inspectorIds))
        : Promise.resolve([]),
    ]);
    const byId = new Map(inspectors.map((i) => [i.id, i]));
    return {
      unitName: unit?.name ?? '',
      ent,
      inspectors: inspectorIds.flatMap((id) => {
        const i = byId.get(id);
        return i ? [{ name: i.name, certificateNo: i.certificateNo }] : [];
      }),
    };
  }

  /**
   * A signature's image when the caller may read the file (uploads are stored as JPEG, PDFs are not images); a file
   * that cannot be read leaves the 签字 line with the signer's name.
   */
  async function signatureImage(actor: Actor, fileId: number): Promise<SignatureImage['image']> {
    try {
      const f = await deps.files.read(actor, fileId, 'file');
      if (f.mime === 'image/jpeg') return { type: 'jpg', data: Buffer.from(f.bytes) };
      if (f.mime === 'image/png') return { type: 'png', data: Buffer.from(f.bytes) };
      return null;
    } catch {
      return null;
    }
  }

  async function orderParts(actor: Actor, id: number) {
    const order = await triadRepo.orderInScope(db, actor.scope, id);
    if (!order) throw errors.notFound('整改指令书', 'enforcement.order_not_found');
    const check = await triadRepo.checkInScope(db, actor.scope, order.checkId);
    if (!check) throw errors.notFound('检查记录', 'enforcement.check_not_found');
    const [b, items, library] = await Promise.all([
      basics(order.unitId, order.enterpriseId, check.inspectorIds),
      triadRepo.checkItems(db, check.id),
      deps.criteria.library(),
    ]);
    const itemById = new Map(items.map((i) => [i.id, i]));
    const ordered = order.itemIds.flatMap((x) => {
      const i = itemById.get(x);
      return i ? [i] : [];
    });
    return { order, check, b, ordered, library };
  }

  const orderNumberOf = (actor: Actor, order: OrderRow) =>
    number(actor, 'rectificationOrder', 'order', order.id, order.unitId, order.issuedOn);

  return {
    async checkRecord(actor: Actor, checkId: number): Promise<DocxFile> {
      const check = await triadRepo.checkInScope(db, actor.scope, checkId);
      if (!check) throw errors.notFound('检查记录', 'enforcement.check_not_found');
      if (!(doneCheckStatuses as readonly string[]).includes(check.status))
        throw errors.badRequest('enforcement.check_not_signed', '检查尚未现场签字，不能出具现场检查记录', [
          { path: 'id', message: '请先完成现场检查并由双方签字' },
        ]);
      const [b, items, library, order] = await Promise.all([
        basics(check.unitId, check.enterpriseId, check.inspectorIds),
        triadRepo.checkItems(db, check.id),
        deps.criteria.library(),
        triadRepo.orderOfCheck(db, check.id),
      ]);
      const failed = items.filter((i) => i.result === 'fail');
      const open = failed.filter((i) => !i.fixedOnSpot);
      const orderNo = order ? await orderNumberOf(actor, order) : null;
      const handling = !failed.length
        ? '未发现问题。'
        : !open.length
          ? '发现的问题已当场整改，经现场验收合格。'
          : order
            ? `对上述 ${open.length} 项问题责令限期整改，于 ${order.deadline} 前整改完毕（${orderNo}）。`
            : `对上述 ${open.length} 项问题责令限期整改（另行下达责令限期整改指令书）。`;
      const signedDay = check.signedAt ? chinaToday(check.signedAt) : chinaToday(clock.now());
      const docNo = await number(actor, 'checkRecord', 'check', check.id, check.unitId, signedDay);
      const sigs: SignatureImage[] = [];
      for (const s of check.signatures)
        sigs.push({
          label: s.role === 'inspector' ? '检查人员' : '被检查单位负责人',
          name: s.name,
          image: await signatureImage(actor, s.fileId),
          at: s.at,
        });
      const buffer = await checkRecordDocx({
        number: docNo,
        unitName: b.unitName,
        checkCode: check.code,
        enterpriseName: b.ent?.name ?? '',
        address: b.ent?.address ?? '',
        legalRepresentative: b.ent?.legalRepresentative ?? '',
        principal: b.ent?.principal ?? check.representativeName ?? '',
        place: check.place ?? b.ent?.address ?? '',
        startedAt: check.startedAt,
        endedAt: check.signedAt,
        inspectors: b.inspectors,
        findings: failed.map((i) => ({
          seq: i.seq,
          text: i.text,
          citation: cite(i.criterionCode, library),
          note: i.note,
          fixedOnSpot: i.fixedOnSpot,
          major: i.major,
        })),
        passedCount: items.filter((i) => i.result === 'pass').length,
        handling,
        explained: check.explained,
        refusedToSign: check.refusedToSign,
        signatures: sigs,
        recordHash: check.recordHash ?? '',
      });
      return { buffer, name: `${check.code}-现场检查记录.docx`, number: docNo };
    },

    async order(actor: Actor, id: number): Promise<DocxFile> {
      const { order, check, b, ordered, library } = await orderParts(actor, id);
      const docNo = await orderNumberOf(actor, order);
      const buffer = await orderDocx({
        number: docNo,
        unitName: b.unitName,
        enterpriseName: b.ent?.name ?? '',
        checkCode: check.code,
        checkedOn: check.signedAt ? chinaToday(check.signedAt) : check.scheduledOn,
        issuedOn: order.issuedOn,
        deadline: order.deadline,
        items: ordered.map((i) => ({ text: i.text, citation: cite(i.criterionCode, library), note: i.note })),
        inspectors: b.inspectors,
      });
      return { buffer, name: `${check.code}-责令限期整改指令书.docx`, number: docNo };
    },

    async recheck(actor: Actor, id: number): Promise<DocxFile> {
      const { order, check, b, ordered } = await orderParts(actor, id);
      if (!order.recheckedOn || !order.recheckResults)
        throw errors.badRequest('enforcement.not_rechecked', '该指令书尚未复查，不能出具整改复查意见书', [
          { path: 'id', message: '请先复查' },
        ]);
      const orderNo = await orderNumberOf(actor, order);
      const docNo = await number(actor, 'recheckOpinion', 'order', order.id, order.unitId, order.recheckedOn);
      const results = new Map(order.recheckResults.map((r) => [r.itemId, r]));
      const notFixed = order.recheckResults.filter((r) => r.result === 'notFixed').length;
      const buffer = await recheckDocx({
        number: docNo,
        orderNumber: orderNo,
        unitName: b.unitName,
        enterpriseName: b.ent?.name ?? '',
        issuedOn: order.issuedOn,
        deadline: order.deadline,
        recheckedOn: order.recheckedOn,
        earlyReason: order.earlyRecheckReason,
        items: ordered.map((i) => {
          const r = results.get(i.id);
          return { text: i.text, result: r ? recheckItemResultLabels[r.result] : '—', note: r?.note ?? null };
        }),
        furtherMeasures: notFixed
          ? `尚有 ${notFixed} 项未整改到位，本机关将依据《中华人民共和国安全生产法》第一百零二条等规定依法立案查处。`
          : '所列问题已整改完毕，同意销号。',
        inspectors: b.inspectors,
      });
      return { buffer, name: `${check.code}-整改复查意见书.docx`, number: docNo };
    },

    async decision(actor: Actor, id: number): Promise<DocxFile> {
      const p = await triadRepo.penaltyInScope(db, actor.scope, id);
      if (!p) throw errors.notFound('处罚案件', 'enforcement.penalty_not_found');
      if (!(imposedPenaltyStatuses as readonly string[]).includes(p.status) || !p.decisionNo || !p.decidedOn)
        throw errors.badRequest('enforcement.not_decided', '该案件尚未作出处罚决定，不能出具行政处罚决定书', [
          { path: 'id', message: '请先作出处罚决定' },
        ]);
      const b = await basics(p.unitId, p.enterpriseId, []);
      const buffer = await decisionDocx({
        number: p.decisionNo,
        unitName: b.unitName,
        enterpriseName: b.ent?.name ?? '',
        address: b.ent?.address ?? '',
        legalRepresentative: b.ent?.legalRepresentative ?? b.ent?.principal ?? '',
        facts: p.facts,
        legalBasis: p.legalBasis.map((c) => {
          const a = safetyLawArticle(c);
          return { article: a?.article ?? c, summary: a?.summary ?? '' };
        }),
        basisCitation: citeSafetyLaw(p.legalBasis),
        amount: Number(p.amount ?? 0),
        decidedOn: p.decidedOn,
        majorHazard: p.majorHazard,
      });
      return { buffer, name: `行政处罚决定书-${p.id}.docx`, number: p.decisionNo };
    },
  };
}

export type EnforcementDocuments = ReturnType<typeof createEnforcementDocuments>;
