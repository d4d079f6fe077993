export { auditAnchor, auditEvents } from '../modules/audit/audit.table.ts';
export { sessions } from '../modules/auth/session.table.ts';
export {
  campaignChecks,
  campaignHazards,
  campaignRounds,
  campaigns,
  ledgerObjects,
  ledgerObjectTypes,
} from '../modules/campaigns/campaign.table.ts';
export { criteriaSets } from '../modules/criteria/criteria.table.ts';
export {
  checkPhotos,
  checkRecordItems,
  checkRecords,
  checkTaskPeriods,
  checkTasks,
  controlMeasures,
  dualSignals,
  postQuizAttempts,
  posts,
  riskEvents,
  riskMaps,
  riskPoints,
  riskUnits,
} from '../modules/dual/dual.table.ts';
export {
  enforcementCheckAmendments,
  enforcementCheckItems,
  enforcementChecklists,
  enforcementChecks,
  enforcementDocuments,
  enforcementDraws,
  enforcementInspectors,
  enforcementOrderAlerts,
  enforcementOrders,
  enforcementPenalties,
  enforcementPlanAmendments,
  enforcementPlanItems,
  enforcementPlans,
  enforcementQuizzes,
  enforcementTargets,
} from '../modules/enforcement/enforcement.table.ts';
export { enterprises } from '../modules/enterprises/enterprise.table.ts';
export { files } from '../modules/files/file.table.ts';
export {
  documentSequences,
  hazardAlerts,
  hazardCheckRequests,
  hazardEscalations,
  hazardEvents,
  hazardReports,
  hazards,
} from '../modules/hazards/hazard.table.ts';
export { jobs, scheduledRuns } from '../modules/jobs/job.table.ts';
export { notifications } from '../modules/notifications/notification.table.ts';
export { planAlerts, planReports, plans, planTasks, planUnitMappings } from '../modules/plans/plan.table.ts';
export { regions } from '../modules/regions/region.table.ts';
export { reportAlerts, reportEvents, reportMessages, reportRewards, reports, reportThrottle } from '../modules/reports/report.table.ts';
export { settings } from '../modules/settings/settings.table.ts';
export { units } from '../modules/units/unit.table.ts';
export { users } from '../modules/users/user.table.ts';
