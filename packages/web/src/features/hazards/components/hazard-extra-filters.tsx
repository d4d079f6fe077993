import { type SupervisionDomain, type SupervisionLevel, supervisionDomainLabels, supervisionLevelLabels } from '@anzhi/core';
import { Flex, Tag } from 'antd';
import { useCan } from '../../../lib/session.ts';
import type { HazardFilterKey, HazardFilters } from '../hazard-filters.ts';
import { industrySectionOptions } from '../hazard-labels.ts';
import { formFilterKeys } from './hazard-search-form.tsx';

interface Names {
  enterpriseName?: string | null;
  regionName?: string | null;
}

function describe(key: HazardFilterKey, value: string, f: HazardFilters, names: Names): string | null {
  switch (key) {
    case 'stockAt':
      return `截至 ${value} 的存量（当日尚未销号）`;
    case 'mainDomain':
      return `行业领域：${supervisionDomainLabels[value as SupervisionDomain] ?? value}`;
    case 'industrySection':
      return `行业：${industrySectionOptions.find((o) => o.value === value)?.label ?? value}`;
    case 'enterpriseId':
      return `企业：${names.enterpriseName ?? `编号 ${value}`}`;
    case 'supervisionLevel':
      return supervisionLevelLabels[value as SupervisionLevel] ?? value;
    case 'closedFrom':
      return `销号日期 ${value} ～ ${f.closedTo ?? ''}`;
    case 'closedTo':
      return f.closedFrom ? null : `销号日期 ～ ${value}`;
    case 'regionCode':
      return `区划：${names.regionName ?? value}`;
    case 'supervisingUnitId':
      return `监管单位编号 ${value}`;
    case 'mine':
    case 'awaitingMe':
      // Shown by the quick filter chips above the form.
      return null;
    default:
      return `${key}=${value}`;
  }
}

interface HazardExtraFiltersProps {
  filters: HazardFilters;
  onChange: (filters: HazardFilters) => void;
  names: Names;
}

/**
 * Filters the search form cannot show (a statistic's 存量 at a cut-off, an industry, one enterprise…) as closable
 * tags, so the user always sees which set of hazards the list holds.
 */
export function HazardExtraFilters({ filters, onChange, names }: HazardExtraFiltersProps) {
  const canPickRegion = useCan('region.read');
  const canPickUnit = useCan('unit.read');
  const shownByForm = (key: HazardFilterKey) =>
    formFilterKeys.includes(key) && !(key === 'regionCode' && !canPickRegion) && !(key === 'supervisingUnitId' && !canPickUnit);
  const tags = (Object.entries(filters) as Array<[HazardFilterKey, string]>)
    .filter(([key, value]) => value && !shownByForm(key))
    .map(([key, value]) => ({ key, label: describe(key, value, filters, names) }))
    .filter((t): t is { key: HazardFilterKey; label: string } => t.label !== null);
  if (!tags.length) return null;
  const drop = (key: HazardFilterKey) => {
    const next = { ...filters, [key]: undefined };
    if (key === 'closedFrom') next.closedTo = undefined;
    onChange(next);
  };
  return (
    <Flex gap={8} wrap align="center" className="hazard-extra-filters" data-testid="hazard-extra-filters">
      <span className="muted">统计穿透条件：</span>
      {tags.map((t) => (
        <Tag
          key={t.key}
          color="blue"
          closable
          onClose={(e) => {
            e.preventDefault();
            drop(t.key);
          }}
          style={{ marginInlineEnd: 0 }}
        >
          {t.label}
        </Tag>
      ))}
    </Flex>
  );
}
