import { z } from 'zod';
import { hazardSummary } from '../hazard/hazard.contract.ts';
import { hazardCheck, hazardReportItem } from '../hazard/hazard-followup.contract.ts';
import { enterpriseRisk } from './enterprise.contract.ts';

/** How many rows of each list the file carries; the ledger pages hold the rest (filtered by this enterprise). */
export const enterpriseFileListLimit = 50;

const hazardSection = z.object({ total: z.number().int(), items: z.array(hazardSummary) });

/**
 * 一企一档: one enterprise's file — its open and ended hazards, the 举一反三 checks sent to it, its 季报/年报 of the last
 * year (signed or not), and the risk it is shown with. Sections of modules not built yet (inspections, enforcement,
 * permits) are not part of it. Plan tasks are not: they name units, not enterprises.
 */
export const enterpriseFile = z.object({
  enterpriseId: z.number().int(),
  risk: enterpriseRisk,
  openHazards: hazardSection,
  endedHazards: hazardSection,
  checks: z.object({ total: z.number().int(), items: z.array(hazardCheck) }),
  reports: z.array(hazardReportItem),
});
export type EnterpriseFile = z.infer<typeof enterpriseFile>;
