import {
  applicableCriteriaSets,
  type CriteriaLibraryItem,
  type CriteriaSet,
  type CriteriaSetDetail,
  type CriteriaSetListItem,
  type CriteriaSuggestParams,
  type CriteriaSuggestResult,
  checkGradingCitations,
  citationWarnings,
  findCriterion,
  formatCitation,
  type GradingCitationCheck,
  type HazardGradeForCriteria,
  suggestCriteria,
  unverifiedCitationWarning,
} from '@anzhi/core';
import type { Db, Executor } from '../../db/client.ts';
import { type Actor, auditActorOf } from '../../lib/actor.ts';
import { type Clock, chinaToday } from '../../lib/clock.ts';
import { errors } from '../../lib/errors.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { auditedTransaction } from '../audit/audited-transaction.ts';
import { enterpriseRepo } from '../enterprises/enterprise.repo.ts';
import { criteriaRepo } from './criteria.repo.ts';
import { createCriteriaImporter } from './criteria-import.ts';
import { type CatalogEntry, type CriteriaLibrary, composeLibrary, libraryItems, toDetail, toListItem } from './criteria-library.ts';

export interface CriteriaDeps {
  db: Db;
  clock: Clock;
  audit: AuditService;
}

export interface CitationCheckInput {
  grade: HazardGradeForCriteria;
  citations: readonly string[];
  /** The hazard's discovery date, YYYY-MM-DD. */
  foundOn: string;
}

/**
 * The 重大事故隐患判定标准 library: the sets shipped in core, overridden by id by what admins imported, minus the
 * retired. Read through a per-process snapshot that is rebuilt when the table's stamp changes, so several processes
 * see each other's imports on their next request.
 */
export function createCriteriaService(deps: CriteriaDeps) {
  const { db, clock, audit } = deps;
  let snapshot: CriteriaLibrary | null = null;
  let items: { stamp: string; items: CriteriaLibraryItem[] } | null = null;

  async function load(ex: Executor = db): Promise<CriteriaLibrary> {
    const stamp = await criteriaRepo.stamp(ex);
    if (ex === db && snapshot?.stamp === stamp) return snapshot;
    const fresh = composeLibrary(await criteriaRepo.list(ex), stamp);
    if (ex === db) snapshot = fresh;
    return fresh;
  }
  const invalidate = () => {
    snapshot = null;
  };

  function entryOf(lib: CriteriaLibrary, id: string): CatalogEntry {
    const entry = lib.catalog.find((e) => e.set.id === id);
    if (!entry) throw errors.notFound('判定标准', 'criteria.set_not_found');
    return entry;
  }

  /** Marks a set retired (reason) or back in use (null), audited in the same transaction. */
  async function setRetired(actor: Actor, id: string, reason: string | null): Promise<CriteriaSetListItem> {
    await auditedTransaction(db, async (tx) => {
      const at = await criteriaRepo.lockForWrite(tx, clock.now());
      const entry = entryOf(await load(tx), id);
      if (reason !== null && entry.retired) throw errors.conflict('criteria.already_retired', `《${entry.set.title}》已停用`);
      if (reason === null && !entry.retired) throw errors.conflict('criteria.not_retired', `《${entry.set.title}》未停用，无需恢复`);
      await criteriaRepo.setRetired(tx, id, reason === null ? null : { at, reason }, actor.userId, at);
      await audit.record(tx, auditActorOf(actor), {
        entityType: 'criteriaSet',
        entityId: id,
        action: reason === null ? 'restore' : 'retire',
        before: entry.retired ? { retiredAt: entry.retired.at.toISOString(), reason: entry.retired.reason } : null,
        after: reason === null ? null : { retiredAt: at.toISOString(), reason },
      });
    });
    invalidate();
    return toListItem(entryOf(await load(), id));
  }

  const importer = createCriteriaImporter({ db, clock, audit, load, invalidate });

  return {
    /** The sets in use (shipped, overridden by imports, minus retired), for the hazard module and reports. */
    async library(): Promise<readonly CriteriaSet[]> {
      return (await load()).sets;
    },

    /** Every set, retired ones included (they can be restored). */
    async list(): Promise<CriteriaSetListItem[]> {
      return (await load()).catalog.map(toListItem);
    },

    async get(id: string): Promise<CriteriaSetDetail> {
      return toDetail(entryOf(await load(), id));
    },

    /** Every item of the sets in use, flat, for pickers. */
    async items(): Promise<CriteriaLibraryItem[]> {
      const lib = await load();
      if (items?.stamp !== lib.stamp) items = { stamp: lib.stamp, items: libraryItems(lib.sets) };
      return items.items;
    },

    importJson: importer.importJson,
    importSheet: importer.importSheet,
    importFile: importer.importFile,

    retire: (actor: Actor, id: string, reason: string) => setRetired(actor, id, reason),
    restore: (actor: Actor, id: string) => setRetired(actor, id, null),

    /**
     * Items a hazard description most likely matches. With an enterprise (within the actor's data scope), its
     * domains and flags rank items higher and keep the search to the sets covering it (all sets if none does).
     */
    async suggest(actor: Actor, q: Omit<CriteriaSuggestParams, 'limit'> & { limit?: number }): Promise<CriteriaSuggestResult> {
      const lib = await load();
      const at = q.foundOn ?? chinaToday(clock.now());
      let tags: { domains: string[]; flags: string[] } = { domains: [], flags: [] };
      let kept: CriteriaSet[] | null = null;
      if (q.enterpriseId !== undefined) {
        const e = await enterpriseRepo.findById(db, q.enterpriseId, actor.scope);
        if (!e) throw errors.notFound('企业', 'enterprise.not_found');
        tags = { domains: e.domains, flags: e.flags };
        const applicable = applicableCriteriaSets(tags, lib.sets, { at });
        if (applicable.length) kept = applicable;
      }
      const found = suggestCriteria({ text: q.text, ...tags, sets: lib.index, at, setIds: kept?.map((s) => s.id), limit: q.limit ?? 8 });
      return {
        items: found.map((s) => {
          const ref = findCriterion(s.item.code, lib.sets);
          const set = ref?.set as CriteriaSet;
          return {
            ...s,
            citation: formatCitation(s.item, set),
            warning: unverifiedCitationWarning(s.item, set),
            warnings: ref ? citationWarnings(ref) : [],
          };
        }),
        sets: kept?.map((s) => ({ id: s.id, title: s.title })) ?? null,
        at,
      };
    },

    /** 重大 gradings cite items in force on the discovery date (安全生产法 第一百一十八条); for the hazard module. */
    async checkCitations(input: CitationCheckInput): Promise<GradingCitationCheck> {
      return checkGradingCitations({ ...input, sets: (await load()).sets });
    },
  };
}

export type CriteriaService = ReturnType<typeof createCriteriaService>;
