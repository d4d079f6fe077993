// Goals: dated or quantitative statements of 工作目标/主要目标 sections, in the same item shapes as tasks.
import type { PlanGoal } from './plan.contract.ts';
import { extractDeadlines, extractMilestones } from './plan-dates.rules.ts';
import type { Outline, OutlineNode } from './plan-outline.rules.ts';
import { headingLabel, walk } from './plan-outline.rules.ts';
import { extractTargets } from './plan-targets.rules.ts';
import { joinForReading } from './plan-tasks.rules.ts';
import { yearsOf } from './plan-text.rules.ts';

const GOAL_HEADING = /^(工作目标|主要目标|总体目标|目标任务|目标要求|行动目标|具体目标|目标)$/u;

function goalText(node: OutlineNode): string {
  const parts: string[] = [];
  for (const n of walk([node])) {
    parts.push(n.marker.rest);
    for (const p of n.body) if (!p.table) parts.push(p.text);
  }
  return joinForReading(parts.filter((p) => p !== ''));
}

/** The outermost 目标 sections outside the tasks; a goal only when it holds a date, a milestone or a target. */
export function collectGoals(
  outline: Outline,
  opts: { multiPart: boolean; docYear: number | null; taskNodes: Set<OutlineNode> },
): PlanGoal[] {
  const goals: PlanGoal[] = [];
  outline.parts.forEach((part) => {
    if (part.annex) return;
    const visit = (nodes: OutlineNode[], labels: string[]) => {
      for (const node of nodes) {
        if (opts.taskNodes.has(node)) continue;
        const label = headingLabel(node);
        const words = label.slice(node.marker.ordinal.length);
        if (GOAL_HEADING.test(words)) {
          const text = goalText(node);
          const years = [...labels, label]
            .map(yearsOf)
            .filter((y) => y !== null)
            .pop();
          const scopeYear = years ? (years.start === years.end ? years.start : null) : opts.docYear;
          const goal: PlanGoal = {
            path: [...labels, label],
            deadlines: extractDeadlines(text, scopeYear),
            milestones: extractMilestones(text),
            targets: extractTargets(text, scopeYear),
          };
          if (goal.deadlines.length || goal.milestones.length || goal.targets.length) goals.push(goal);
          continue;
        }
        visit(node.children, [...labels, label]);
      }
    };
    visit(part.roots, opts.multiPart && part.title ? [part.title] : []);
  });
  return goals;
}
