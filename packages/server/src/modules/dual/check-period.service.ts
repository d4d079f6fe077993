import type { CheckPeriodListQuery, CheckPeriodPage } from '@anzhi/core';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { type Clock, chinaToday } from '../../lib/clock.ts';
import { checkPeriodRepo, checkPeriodWhere } from './check-period.repo.ts';

/** The due checks behind the oversight figures, read from the read database with the oversight's filters. */
export function createCheckPeriodService(deps: { readDb: Db; clock: Clock }) {
  const { readDb, clock } = deps;
  return {
    async list(actor: Actor, q: CheckPeriodListQuery): Promise<CheckPeriodPage> {
      const { page, pageSize, ...f } = q;
      const today = chinaToday(clock.now());
      return checkPeriodRepo.page(readDb, checkPeriodWhere(actor.scope, f, today), today, page, pageSize);
    },
  };
}

export type CheckPeriodService = ReturnType<typeof createCheckPeriodService>;
