import type { Db } from '../../db/client.ts';
import { scopeOn } from '../../db/data-scope.ts';
import type { Actor } from '../../lib/actor.ts';
import { type Clock, chinaToday } from '../../lib/clock.ts';
import { errors } from '../../lib/errors.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { ledgerExportErrors, ledgerWorkbook, MAX_EXPORT_ROWS } from './ledger-export.ts';
import { createLedgerImportService } from './ledger-import.service.ts';
import { ledgerLabelsDocx, MAX_LABELS } from './ledger-labels-docx.ts';
import { ledgerObjectRepo } from './ledger-object.repo.ts';
import { ledgerObjectErrors } from './ledger-object.service.ts';
import type { LedgerTypeService } from './ledger-type.service.ts';

/** The ledger's files: the Excel export and import, and the label sheet. Exports read `readDb` (ADR 0017). */
export function createLedgerIoService(deps: { db: Db; readDb: Db; clock: Clock; audit: AuditService; types: LedgerTypeService }) {
  const { readDb, clock, types } = deps;
  const fileDate = () => chinaToday(clock.now()).replaceAll('-', '');
  return {
    importer: createLedgerImportService(deps),

    async exportXlsx(actor: Actor, typeId: number) {
      const type = await types.load(readDb, typeId);
      const objects = await ledgerObjectRepo.all(readDb, scopeOn.ledger_objects(actor.scope), { typeId }, MAX_EXPORT_ROWS + 1);
      if (objects.length > MAX_EXPORT_ROWS) throw ledgerExportErrors.tooMany();
      return { fileName: `${type.name}台账-${fileDate()}.xlsx`, buffer: await ledgerWorkbook(type, objects) };
    },

    /** The labels of the objects named (every one must be in scope), or of every active object of a type in scope. */
    async labelsDocx(actor: Actor, q: { typeId?: number; ids?: string }, url: (code: string) => string) {
      const scope = scopeOn.ledger_objects(actor.scope);
      let objects: Awaited<ReturnType<typeof ledgerObjectRepo.all>>;
      if (q.ids) {
        const ids = [...new Set(q.ids.split(',').map(Number))];
        if (ids.length > MAX_LABELS) throw tooManyLabels();
        objects = await ledgerObjectRepo.byIds(readDb, scope, ids);
        if (objects.length < ids.length) throw ledgerObjectErrors.notFound();
        if (q.typeId) objects = objects.filter((o) => o.typeId === q.typeId);
      } else {
        if (!q.typeId)
          throw errors.badRequest('ledger.labels_no_selection', '请选择台账类型或要打印标签的对象', [
            { path: 'typeId', message: '请选择台账类型' },
          ]);
        await types.load(readDb, q.typeId);
        objects = await ledgerObjectRepo.all(readDb, scope, { typeId: q.typeId, status: 'active' }, MAX_LABELS + 1);
        if (objects.length > MAX_LABELS) throw tooManyLabels();
      }
      const labels = objects.map((o) => ({
        name: o.name,
        typeName: o.typeName,
        place: [o.regionName, o.enterpriseName, o.address].filter(Boolean).join(' · '),
        labelCode: o.labelCode,
      }));
      return { fileName: `台账对象标签-${fileDate()}.docx`, buffer: await ledgerLabelsDocx(labels, url) };
    },
  };
}

const tooManyLabels = () =>
  errors.badRequest('ledger.labels_too_many', `一次最多打印 ${MAX_LABELS} 个标签，请按村或企业筛选后选择对象分批打印`);

export type LedgerIoService = ReturnType<typeof createLedgerIoService>;
