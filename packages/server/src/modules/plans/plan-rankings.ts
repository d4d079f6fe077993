// 五色图: every unit and village of a plan scored on completion, reporting and overdue items (core's rules).
import {
  assigneeFacts,
  type PlanRankingRow,
  type PlanRankings,
  periodOf,
  planColourLabels,
  rankByScore,
  type ScoreReport,
  type ScoreTask,
  scoreOf,
  scoresTimelyReporting,
  trackedDeadlines,
} from '@anzhi/core';
import { chinaToday } from '../../lib/clock.ts';
import type { Ledger } from './plan-ledger.ts';
import { assigneeName } from './plan-progress.ts';

/** The scores as of `period` (a month), computed over the whole plan whoever asks: the ranking is public (晾晒). */
export function computeRankings(ledger: Ledger, period: string, today: string): PlanRankings {
  const settings = ledger.settings;
  const tasks: ScoreTask[] = ledger.tasks.map((t) => {
    const a = ledger.assignees.get(t.id);
    return {
      id: t.id,
      deadlines: trackedDeadlines(t.deadlineDates, ledger.plan.baselineDate),
      assignees: [...(a?.leads ?? []), ...(a?.cos ?? [])].map((x) => x.key),
      completedOn: t.completedOn,
    };
  });
  const reports: ScoreReport[] = ledger.reports.map((r) => ({
    taskId: r.taskId,
    assignee: r.assigneeKey,
    period: r.period,
    status: r.status as ScoreReport['status'],
    late: r.late,
    reportedOn: chinaToday(r.reportedAt),
  }));
  const firstPeriod = periodOf(chinaToday(ledger.plan.publishedAt ?? ledger.plan.createdAt));
  const keys = [...new Set(tasks.flatMap((t) => t.assignees))];
  const rows = keys.map((key) => {
    const facts = assigneeFacts(key, tasks, reports, { firstPeriod, period, today, reportDay: settings.reportDay });
    const timelyReportingApplies = scoresTimelyReporting(key);
    const { score, colour } = scoreOf(facts, settings.scoring, { timelyReporting: timelyReportingApplies });
    return {
      key,
      unitId: key.startsWith('unit:') ? Number(key.slice(5)) : null,
      villageCode: key.startsWith('village:') ? key.slice(8) : null,
      name: assigneeName(key, ledger.names, ledger.villages),
      score,
      colour,
      colourLabel: planColourLabels[colour],
      tasks: facts.tasks,
      done: facts.done,
      doneOnTime: facts.doneOnTime,
      reportsDue: timelyReportingApplies ? facts.reportsDue : 0,
      reportsOnTime: timelyReportingApplies ? facts.reportsOnTime : 0,
      timelyReportingApplies,
      overdueOpen: facts.overdueOpen,
    };
  });
  const strip = ({ key: _key, ...row }: (typeof rows)[number] & { rank: number }): PlanRankingRow => row;
  return {
    period,
    scoring: settings.scoring,
    units: rankByScore(rows.filter((r) => r.unitId !== null)).map(strip),
    villages: rankByScore(rows.filter((r) => r.villageCode !== null)).map(strip),
  };
}
