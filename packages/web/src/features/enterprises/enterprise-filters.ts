import { apiUrl } from '../../lib/api-client.ts';

/**
 * The list filters of the registry, named as the API names them, so the URL of the list page, the export link and
 * the statistics' click-throughs all speak the same query string.
 */
export const enterpriseFilterKeys = [
  'q',
  'regionCode',
  'industrySection',
  'industryCode',
  'domain',
  'flags',
  'supervisingUnitId',
  'riskLevel',
  'status',
  'smallVenue',
  'missingInsurance',
  'standardisationExpiring',
  'missingResponsibles',
  'highRisk',
  'sort',
] as const;

export type EnterpriseFilterKey = (typeof enterpriseFilterKeys)[number];
export type EnterpriseFilters = Partial<Record<EnterpriseFilterKey, string>>;

function queryString(filters: EnterpriseFilters): string {
  const params = new URLSearchParams();
  for (const key of enterpriseFilterKeys) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  const qs = params.toString();
  return qs ? `?${qs}` : '';
}

/** The list page showing exactly these enterprises. */
export function enterpriseListHref(filters: EnterpriseFilters): string {
  return `/enterprises${queryString(filters)}`;
}

/** The .xlsx of the same enterprises the list shows (sorting and paging do not apply to an export). */
export function enterpriseExportHref(filters: EnterpriseFilters): string {
  const { sort: _sort, ...rest } = filters;
  return apiUrl('/enterprises/export', rest);
}

export const importTemplateHref = apiUrl('/enterprises/import-template');

export function cardDocxHref(id: number): string {
  return apiUrl(`/enterprises/${id}/card.docx`);
}

/** 高危行业缺三个责任人 as list filters: the two conditions the statistic combines. */
export const highRiskMissingResponsiblesFilter: EnterpriseFilters = { highRisk: 'true', missingResponsibles: 'true' };
