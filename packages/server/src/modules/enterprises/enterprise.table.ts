import type { Enterprise, EnterpriseScale, EnterpriseStatus, RiskLevel, StandardisationLevel } from '@anzhi/core';
import {
  type AnyPgColumn,
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { regions } from '../regions/region.table.ts';
import { units } from '../units/unit.table.ts';

export const enterprises = pgTable(
  'enterprises',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    name: text('name').notNull(),
    /** enterpriseNameKey(name): the same enterprise spelled two ways meets itself here. */
    nameKey: text('name_key').notNull(),
    /** Pinyin initials of the name, for search by 首字母. */
    nameInitials: text('name_initials').notNull().default(''),
    creditCode: text('credit_code'),
    address: text('address'),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    longitude: doublePrecision('longitude'),
    latitude: doublePrecision('latitude'),
    status: text('status').$type<EnterpriseStatus>().notNull().default('operating'),
    scale: text('scale').$type<EnterpriseScale>(),
    employees: integer('employees'),
    legalRepresentative: text('legal_representative'),
    legalRepresentativePhone: text('legal_representative_phone'),
    principal: text('principal'),
    principalPhone: text('principal_phone'),
    actualController: text('actual_controller'),
    actualControllerPhone: text('actual_controller_phone'),
    safetyManager: text('safety_manager'),
    safetyManagerPhone: text('safety_manager_phone'),
    industryCode: text('industry_code'),
    domains: text('domains').array().notNull().default([]),
    flags: text('flags').array().notNull().default([]),
    smallVenueType: text('small_venue_type'),
    landlordId: integer('landlord_id').references((): AnyPgColumn => enterprises.id),
    supervisingUnitId: integer('supervising_unit_id').references(() => units.id),
    supervisingUnitOverridden: boolean('supervising_unit_overridden').notNull().default(false),
    townshipLeader: text('township_leader'),
    townshipLeaderPhone: text('township_leader_phone'),
    unitSupervisor: text('unit_supervisor'),
    unitSupervisorPhone: text('unit_supervisor_phone'),
    fiveToOne: jsonb('five_to_one').$type<Enterprise['fiveToOne']>(),
    standardisationLevel: text('standardisation_level').$type<StandardisationLevel>(),
    standardisationExpiry: date('standardisation_expiry', { mode: 'string' }),
    insurer: text('insurer'),
    insurancePolicyNo: text('insurance_policy_no'),
    insuranceExpiry: date('insurance_expiry', { mode: 'string' }),
    riskLevel: text('risk_level').$type<RiskLevel>(),
    riskLevelReason: text('risk_level_reason'),
    // No foreign key: users already reference enterprises, and backups restore tables parents-first without cycles.
    riskLevelSetBy: integer('risk_level_set_by'),
    riskLevelSetAt: timestamp('risk_level_set_at', { withTimezone: true }),
    /** 双重预防: the enterprise's own highest assessed risk (its worst risk event), who assessed it and when. */
    assessedRiskLevel: text('assessed_risk_level').$type<RiskLevel>(),
    assessedRiskBy: integer('assessed_risk_by'),
    assessedRiskAt: timestamp('assessed_risk_at', { withTimezone: true }),
    /** Random code in the public report URL printed on the card; ids are not exposed to the public. */
    publicCode: text('public_code').notNull().unique(),
    /** Stored results of core rules, for the warning filters (enterprise-derived.ts, ADR 0007). */
    highRisk: boolean('high_risk').notNull().default(false),
    requiresInsurance: boolean('requires_insurance').notNull().default(false),
    missingResponsibles: boolean('missing_responsibles').notNull().default(false),
    derivedVersion: smallint('derived_version').notNull().default(0),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('enterprises_credit_code_uq').on(t.creditCode),
    index('enterprises_name_key_idx').on(t.nameKey),
    index('enterprises_region_idx').on(t.regionCode),
    index('enterprises_unit_idx').on(t.supervisingUnitId),
    index('enterprises_landlord_idx').on(t.landlordId),
    index('enterprises_updated_idx').on(t.updatedAt),
  ],
);
