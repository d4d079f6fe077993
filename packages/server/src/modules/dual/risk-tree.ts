import {
  type DataScope,
  highestRiskLevel,
  type RiskLevel,
  type RiskLevelCounts,
  type RiskPointList,
  type RiskPointView,
  type RiskTree,
  type RiskTreePoint,
  riskLevels,
} from '@anzhi/core';
import type { Executor } from '../../db/client.ts';
import { type RiskEnterprise, type RiskPointRow, riskChainRepo } from './risk-chain.repo.ts';

function presentPoint(p: RiskPointRow, postName: string | null, levels: RiskLevel[]): RiskPointView {
  return {
    id: p.id,
    enterpriseId: p.enterpriseId,
    kind: p.kind,
    name: p.name,
    location: p.location,
    postId: p.postId,
    postName,
    reviewedOn: p.reviewedOn,
    publicCode: p.publicCode,
    level: highestRiskLevel(levels),
    eventCount: levels.length,
    version: p.version,
    updatedAt: p.updatedAt.toISOString(),
  };
}

/** How many events of each level (the page's four coloured counters). */
function countLevels(levels: Iterable<RiskLevel>): RiskLevelCounts {
  const counts = Object.fromEntries(riskLevels.map((l) => [l, 0])) as RiskLevelCounts;
  for (const l of levels) counts[l] += 1;
  return counts;
}

/** Points with their highest level and the event counts by level (the list). */
export async function riskPointList(ex: Executor, scope: DataScope, enterprise: RiskEnterprise): Promise<RiskPointList> {
  const tree = await loadRiskTree(ex, scope, enterprise);
  return { items: tree.points.map(({ units: _u, ...p }) => p), levelCounts: tree.levelCounts };
}

/** One enterprise's chain: points → units → events → measures → their check tasks, read in five queries. */
export async function loadRiskTree(ex: Executor, scope: DataScope, enterprise: RiskEnterprise): Promise<RiskTree> {
  const [points, units, events, measures] = await Promise.all([
    riskChainRepo.points(ex, scope, enterprise.id),
    riskChainRepo.units(ex, scope, enterprise.id),
    riskChainRepo.events(ex, scope, enterprise.id),
    riskChainRepo.measures(ex, scope, enterprise.id),
  ]);
  const tasks = await riskChainRepo.tasksOfMeasures(
    ex,
    scope,
    measures.map((m) => m.id),
  );
  const tasksOf = group(tasks, (t) => t.t.measureId ?? 0);
  const measuresOf = group(measures, (m) => m.eventId);
  const eventsOf = group(events, (e) => e.ev.unitId);
  const unitsOf = group(units, (u) => u.pointId);

  const out: RiskTreePoint[] = points.map(({ p, postName }) => {
    const pointUnits = (unitsOf.get(p.id) ?? []).map((u) => ({
      id: u.id,
      pointId: u.pointId,
      name: u.name,
      events: (eventsOf.get(u.id) ?? []).map(({ ev, assessedByName }) => ({
        id: ev.id,
        unitId: ev.unitId,
        name: ev.name,
        consequence: ev.consequence,
        method: ev.method,
        l: Number(ev.l),
        e: ev.e == null ? null : Number(ev.e),
        c: ev.c == null ? null : Number(ev.c),
        s: ev.s == null ? null : Number(ev.s),
        score: Number(ev.score),
        level: ev.level,
        controlLevel: ev.controlLevel,
        assessedBy: assessedByName,
        assessedAt: ev.assessedAt.toISOString(),
        version: ev.version,
        measures: (measuresOf.get(ev.id) ?? []).map((m) => ({
          id: m.id,
          eventId: m.eventId,
          kind: m.kind,
          content: m.content,
          tasks: (tasksOf.get(m.id) ?? []).map(({ t, postName: taskPost }) => ({
            id: t.id,
            title: t.title,
            cycle: t.cycle,
            postName: taskPost,
            ownerName: t.ownerName,
            active: t.active,
          })),
        })),
      })),
    }));
    const levels = pointUnits.flatMap((u) => u.events.map((e) => e.level));
    return { ...presentPoint(p, postName, levels), units: pointUnits };
  });
  return {
    enterprise: {
      id: enterprise.id,
      name: enterprise.name,
      assessedRiskLevel: enterprise.assessedRiskLevel,
      assessedRiskBy: enterprise.assessedRiskByName,
      assessedRiskAt: enterprise.assessedRiskAt?.toISOString() ?? null,
    },
    levelCounts: countLevels(events.map((e) => e.ev.level)),
    points: out,
  };
}

function group<T, K>(rows: T[], key: (row: T) => K): Map<K, T[]> {
  const m = new Map<K, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
}
