import type { CheckCycle, CheckTemplate } from './dual.dict.ts';

/**
 * The standard checks' default cycles and checklists (seeds 000, 001, 002, 004: 班组日排查、部门周排查、厂长月排查, and
 * the principal's check, whose cycle comes from the township's settings via `principalCheckCycle`). An enterprise
 * adopts them once and edits the checklists to its own.
 */
export const checkTemplateCycles: Record<Exclude<CheckTemplate, 'principal'>, CheckCycle> = {
  teamDaily: 'day',
  departmentWeekly: 'week',
  managerMonthly: 'month',
};

export const checkTemplateItems: Record<CheckTemplate, string[]> = {
  teamDaily: [
    '作业人员劳动防护用品佩戴齐全',
    '设备安全防护装置（防护罩、急停、联锁）完好有效',
    '消防通道、安全出口畅通，无堵塞、无锁闭',
    '灭火器等消防器材在位、压力正常、在有效期内',
    '电气线路无私拉乱接，配电箱门关闭、标识清楚',
    '危险作业（动火、有限空间、高处）已办理审批',
  ],
  departmentWeekly: [
    '各班组日排查记录完整，发现问题已整改',
    '重点设备设施运行状况及维护保养记录',
    '危险化学品、易燃易爆物品储存符合要求',
    '特种作业人员持证上岗',
    '车间现场安全警示标志、风险告知卡齐全',
    '上周隐患整改落实情况',
  ],
  managerMonthly: [
    '安全生产责任制、管理制度和操作规程落实情况',
    '重大危险源、较大以上风险点管控措施落实情况',
    '隐患排查治理台账及整改闭环情况',
    '安全教育培训和应急演练开展情况',
    '相关方（外包、承包）作业安全管理',
  ],
  principal: [
    '全员安全生产责任制落实和考核情况',
    '安全投入保障和安全管理机构、人员配备',
    '重大事故隐患排查治理情况（有无重大隐患未整改）',
    '双重预防机制运行情况（风险辨识、分级管控、隐患排查）',
    '应急预案及演练、应急物资保障情况',
  ],
};
