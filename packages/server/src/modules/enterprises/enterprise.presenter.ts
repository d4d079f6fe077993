import { type Enterprise, effectiveRiskLevel } from '@anzhi/core';
import type { EnterpriseListRow, EnterpriseRow } from './enterprise.repo.ts';

export function toEnterprise(e: EnterpriseListRow): Enterprise {
  return {
    id: e.id,
    name: e.name,
    creditCode: e.creditCode,
    address: e.address,
    regionCode: e.regionCode,
    regionName: e.regionName,
    longitude: e.longitude,
    latitude: e.latitude,
    status: e.status,
    scale: e.scale,
    employees: e.employees,
    legalRepresentative: e.legalRepresentative,
    legalRepresentativePhone: e.legalRepresentativePhone,
    principal: e.principal,
    principalPhone: e.principalPhone,
    actualController: e.actualController,
    actualControllerPhone: e.actualControllerPhone,
    safetyManager: e.safetyManager,
    safetyManagerPhone: e.safetyManagerPhone,
    industryCode: e.industryCode,
    domains: e.domains,
    flags: e.flags,
    smallVenueType: e.smallVenueType,
    landlordId: e.landlordId,
    landlordName: e.landlordName,
    tenantCount: e.tenantCount,
    supervisingUnitId: e.supervisingUnitId,
    supervisingUnitName: e.supervisingUnitName,
    supervisingUnitOverridden: e.supervisingUnitOverridden,
    townshipLeader: e.townshipLeader,
    townshipLeaderPhone: e.townshipLeaderPhone,
    unitSupervisor: e.unitSupervisor,
    unitSupervisorPhone: e.unitSupervisorPhone,
    fiveToOne: e.fiveToOne ?? null,
    standardisationLevel: e.standardisationLevel,
    standardisationExpiry: e.standardisationExpiry,
    insurer: e.insurer,
    insurancePolicyNo: e.insurancePolicyNo,
    insuranceExpiry: e.insuranceExpiry,
    riskLevel: e.riskLevel,
    riskLevelReason: e.riskLevelReason,
    riskLevelSetBy: e.riskLevelSetByName,
    riskLevelSetAt: e.riskLevelSetAt?.toISOString() ?? null,
    assessedRiskLevel: e.assessedRiskLevel,
    assessedRiskBy: e.assessedRiskByName,
    assessedRiskAt: e.assessedRiskAt?.toISOString() ?? null,
    risk: effectiveRiskLevel(e.riskLevel, e.openMajorHazards, e.assessedRiskLevel),
    publicCode: e.publicCode,
    version: e.version,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}

/** What the audit trail keeps of an enterprise: its content, without bookkeeping columns. */
export function auditedEnterprise(e: EnterpriseRow) {
  const { nameKey: _k, nameInitials: _i, createdAt: _c, updatedAt: _u, version: _v, ...rest } = e;
  return rest;
}
