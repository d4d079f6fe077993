import {
  type CampaignObjectState,
  type CampaignScope,
  enterpriseFlagLabels,
  industrySectionNames,
  supervisionDomainLabels,
} from '@anzhi/core';

/** Names the scope builder and the detail header need to turn codes into words. */
export interface ScopeNames {
  /** The ledger type's name (经营性自建房), when the scope is a ledger. */
  typeName?: string | null;
  /** Region code → name (村、社区). */
  regionNames?: ReadonlyMap<string, string>;
}

const listOf = (codes: readonly string[], label: (c: string) => string) => codes.map(label).join('、');

/** Villages named, or 全镇 when none are chosen. */
function villagesText(codes: readonly string[], names: ScopeNames): string {
  if (!codes.length) return '全镇';
  const shown = codes.slice(0, 5).map((c) => names.regionNames?.get(c) ?? c);
  return codes.length > 5 ? `${shown.join('、')} 等 ${codes.length} 个村（社区）` : shown.join('、');
}

/**
 * The scope in one line a clerk can check at a glance: "企业名录：行业领域 工贸；企业标签 涉有限空间；全镇；含九小场所" or
 * "专项台账：经营性自建房 · 东村、西村".
 */
export function scopeSummary(scope: CampaignScope, names: ScopeNames = {}): string {
  if (scope.kind === 'ledger') {
    return `专项台账：${names.typeName ?? `类型 #${scope.typeId}`} · ${villagesText(scope.villageCodes, names)}`;
  }
  const parts: string[] = [];
  if (scope.domains.length)
    parts.push(`行业领域 ${listOf(scope.domains, (c) => supervisionDomainLabels[c as keyof typeof supervisionDomainLabels] ?? c)}`);
  if (scope.flags.length)
    parts.push(`企业标签 ${listOf(scope.flags, (c) => enterpriseFlagLabels[c as keyof typeof enterpriseFlagLabels] ?? c)}`);
  if (scope.industrySections.length)
    parts.push(`门类 ${listOf(scope.industrySections, (c) => `${c} ${industrySectionNames[c] ?? ''}`.trim())}`);
  if (!parts.length) parts.push('全部企业');
  parts.push(villagesText(scope.villageCodes, names));
  if (scope.smallVenues) parts.push('含九小场所');
  return `企业名录：${parts.join('；')}`;
}

/** "第2轮/共3轮"; before any round opened "未开始/共3轮". */
export function roundsText(current: number | null, total: number): string {
  return `${current ? `第${current}轮` : '未开始'}/共${total}轮`;
}

/** Coverage as a whole percent (rounded down, so 99.6% never reads as done); null when there is nothing to cover. */
export function coveragePercent(covered: number, targets: number): number | null {
  if (targets <= 0) return null;
  return Math.floor((Math.min(covered, targets) * 100) / targets);
}

export interface ObjectListFilter {
  round?: number | null;
  state?: CampaignObjectState;
  villageCode?: string | null;
  unitId?: number | null;
  neverReached?: boolean;
}

/** The list behind a progress figure: `/campaigns/:id/objects?round=&state=&villageCode=&unitId=`. */
export function objectsHref(campaignId: number, f: ObjectListFilter): string {
  const q = new URLSearchParams();
  if (f.neverReached) q.set('neverReached', 'true');
  else if (f.round) q.set('round', String(f.round));
  if (f.state && !f.neverReached) q.set('state', f.state);
  if (f.villageCode) q.set('villageCode', f.villageCode);
  if (f.unitId) q.set('unitId', String(f.unitId));
  const qs = q.toString();
  return `/campaigns/${campaignId}/objects${qs ? `?${qs}` : ''}`;
}

/** A progress row's key names a village (its 12-digit code) or a unit (its id, possibly as `unit:7`). */
export function progressRowFilter(kind: 'village' | 'unit', key: string): Pick<ObjectListFilter, 'villageCode' | 'unitId'> {
  if (kind === 'village') return /^\d{12}$/.test(key) ? { villageCode: key } : {};
  const id = Number(/(\d+)$/.exec(key)?.[1]);
  return Number.isInteger(id) && id > 0 ? { unitId: id } : {};
}

/**
 * The next checklist key (c1, c2 …). Keys stay with their line for the campaign's life — results of every round refer
 * to them — so a new line never reuses a key, even one freed by a removed line in this edit.
 */
export function nextChecklistKey(taken: Iterable<string>): string {
  let max = 0;
  for (const key of taken) {
    const n = /^c(\d+)$/.exec(key)?.[1];
    if (n) max = Math.max(max, Number(n));
  }
  return `c${max + 1}`;
}
