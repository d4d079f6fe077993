import type { RiskLevel, SmallVenueType } from '../enterprise/enterprise.dict.ts';
import { smallVenueTypeCodes } from '../enterprise/enterprise.dict.ts';

/**
 * 九小场所 patrols (regulations.md §12): a default risk colour per venue type and the type's patrol checklist.
 *
 * The colours are LOCAL PRACTICE [U] — no national rule grades small venues by type; townships commonly treat places
 * where people sleep or gather at night (旅馆, 歌舞娱乐, 网吧) as 橙 and ordinary shops as 黄. They are a labelled
 * constant, not a setting: a venue's own registry risk level (set by a supervisor, or raised by an open major hazard)
 * always overrides the default (ADR 0026).
 */
export const venueDefaultRiskSource = '各地小场所分级管理的通常做法（本地惯例，未见全国统一规定）[U]';
export const venueDefaultRisk: Record<SmallVenueType, RiskLevel> = {
  school: 'high',
  clinic: 'high',
  shop: 'medium',
  restaurant: 'medium',
  hotel: 'high',
  entertainment: 'high',
  internetCafe: 'high',
  beauty: 'medium',
  workshop: 'high',
};

/** Items every small venue is patrolled for: exits, wiring, gas, extinguishers, 三合一, e-bikes, emergency lights. */
export const venueCommonChecklist: readonly string[] = [
  '安全出口和疏散通道畅通，无占用、堵塞、封闭',
  '电气线路规范，无私拉乱接',
  '燃气管道和燃气泄漏报警装置完好',
  '灭火器配置数量足够且在有效期内',
  '无“三合一”（生产、经营、储存与住人在同一空间）违规住人',
  '电动自行车不在室内、楼道停放或充电',
  '应急照明和疏散指示标志完好有效',
];

/** Items of each type, after the common ones. */
export const venueTypeChecklist: Record<SmallVenueType, readonly string[]> = {
  school: ['幼儿和学生活动用房不设在地下室、半地下室', '厨房燃气使用规范，有专人管理'],
  clinic: ['医用氧气瓶固定存放、远离火源', '病房不使用大功率电器'],
  shop: ['货物堆放不遮挡灭火器和安全出口', '不违规存放、销售易燃易爆危险品'],
  restaurant: ['燃气泄漏报警装置有效，与切断阀联动', '厨房油烟管道定期清洗（有清洗记录）'],
  hotel: ['客房安装独立式感烟火灾探测器且有效', '客房内有疏散示意图'],
  entertainment: ['营业期间安全出口不锁闭', '包间、走道装修不使用易燃可燃材料'],
  internetCafe: ['营业期间安全出口不锁闭', '窗户不设影响逃生的防盗网、广告牌'],
  beauty: ['电热设备使用后断电，不无人看管', '不在店内住宿或设置临时床铺'],
  workshop: ['车间与员工宿舍分隔设置，宿舍不设在车间内', '原料、成品与电气设备保持安全距离'],
};

export interface VenueChecklistItem {
  seq: number;
  text: string;
}

/** The patrol checklist of a venue type: the common items, then the type's own, numbered from 1. */
export function venueChecklist(type: SmallVenueType): VenueChecklistItem[] {
  return [...venueCommonChecklist, ...venueTypeChecklist[type]].map((text, i) => ({ seq: i + 1, text }));
}

export function isSmallVenueType(code: string | null | undefined): code is SmallVenueType {
  return code != null && (smallVenueTypeCodes as string[]).includes(code);
}

/** A venue's colour on the patrol list: its registry's effective level when there is one, else its type's default. */
export function venueRiskColour(type: SmallVenueType, effective: RiskLevel | null): RiskLevel {
  return effective ?? venueDefaultRisk[type];
}

/**
 * The month (YYYY-MM) a patrol counts for: the calendar month of its instant in China time (UTC+8, as `chinaToday`
 * turns instants into dates) — a patrol at 2026-03-31 23:30 Beijing time counts for March, one at 04-01 00:30 for April.
 */
export function patrolMonthOf(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 7);
}

/** The month after `month` (YYYY-MM). */
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** Patrol coverage as a whole percentage (0 when there is nothing to patrol). */
export function coveragePercent(patrolled: number, venues: number): number {
  return venues === 0 ? 0 : Math.round((patrolled * 100) / venues);
}
