import type { PlanContent } from '@anzhi/core';

/**
 * The six contents a major hazard's 治理方案 must have (16号令 第十五条, core planContents), as a demo enterprise would
 * write them: the demo's approved plans carry all six, so the plan the township approved is a complete one (issue 10).
 */
export function demoMajorPlanContents(title: string, deadline: string): Record<PlanContent, string> {
  return {
    goal: `${deadline}前完成“${title}”治理，消除重大事故隐患，经评估达到安全生产条件`,
    measures: '停用隐患区域设备设施，委托有资质单位制定整改技术方案并按方案施工，整改完成后组织专家评估',
    funds: '企业安排专项治理资金 20 万元，所需材料和设备由企业负责采购到位',
    organisation: '企业主要负责人任组长，分管安全负责人具体负责，安全管理部门和车间负责人分工落实',
    timeLimit: `${deadline}前完成治理，每周向属地监管部门报告治理进度`,
    safetyMeasures: '治理期间局部停产，设置警戒区域和警示标志，专人值守；编制专项应急预案并组织一次应急演练',
  };
}
