import { z } from 'zod';
import { auditEvent, auditListQuery, auditVerifyResult } from '../audit/audit.contract.ts';
import { changePasswordBody, loginBody, sessionBody } from '../auth/auth.contract.ts';
import {
  campaignDetail,
  campaignInput,
  campaignListQuery,
  campaignObjectPage,
  campaignObjectQuery,
  campaignPage,
  campaignProgress,
  campaignUpdate,
  roundCloseBody,
  roundOpenBody,
} from '../campaign/campaign.contract.ts';
import { campaignCheckDetail, campaignCheckSynced, campaignFieldList, campaignLabelList } from '../campaign/campaign-check.contract.ts';
import {
  ledgerImportQuery,
  ledgerObject,
  ledgerObjectFilter,
  ledgerObjectInput,
  ledgerObjectPage,
  ledgerObjectRemove,
  ledgerObjectUpdate,
  objectType,
  objectTypeInput,
  objectTypeList,
  objectTypeUpdate,
} from '../campaign/ledger-object.contract.ts';
import { okBody, pageOf } from '../common/common.contract.ts';
import { dashboardSummary } from '../dashboard/dashboard.contract.ts';
import {
  checkCalendar,
  checkCalendarQuery,
  checkRecordDetail,
  checkRecordListQuery,
  checkRecordPage,
  checkTaskCreateBody,
  checkTaskFromMeasureBody,
  checkTaskList,
  checkTaskListQuery,
  checkTaskUpdateBody,
  checkTaskView,
  checkTemplatesBody,
  checkTemplatesResult,
} from '../dual/check-api.contract.ts';
import { checkPeriodListQuery, checkPeriodPage } from '../dual/check-period.contract.ts';
import { checkRecordSynced, dueCheckList, todayChecksQuery } from '../dual/check-record.contract.ts';
import {
  dualOversight,
  dualOversightQuery,
  dualSignal,
  dualSignalDismissBody,
  dualSignalListQuery,
  dualSignalPage,
} from '../dual/oversight.contract.ts';
import {
  postCreateBody,
  postDeleteQuery,
  postList,
  postListQuery,
  postUpdateBody,
  postView,
  publicPostCard,
  publicRiskCard,
  quizAttemptBody,
  quizAttemptList,
  quizResult,
  riskMapBody,
  riskMapView,
} from '../dual/post.contract.ts';
// 双重预防 — risk side
import {
  controlMeasureCreateBody,
  controlMeasureUpdateBody,
  riskAssessmentPreviewBody,
  riskAssessmentView,
  riskEventCreateBody,
  riskEventUpdateBody,
  riskImportResult,
  riskPointCreateBody,
  riskPointList,
  riskPointListQuery,
  riskPointReviewBody,
  riskPointUpdateBody,
  riskTree,
  riskUnitCreateBody,
  riskUnitUpdateBody,
} from '../dual/risk.contract.ts';
import { venueCoverage, venueCoverageQuery, venueCreateBody, venueCreated } from '../dual/venue.contract.ts';
import { venuePatrolList, venuePatrolQuery } from '../dual/venue-patrol.contract.ts';

import {
  checkAmendmentBody,
  checkCreateBody,
  checkDetail,
  checkListQuery,
  checklistBody,
  checklistView,
  checkPage,
  checkQuizView,
  checkRecordBody,
  checkSignBody,
  checkTeamBody,
  quizBody,
  quizQuestionList,
  quizQuestionQuery,
  quizStats,
  quizStatsQuery,
} from '../enforcement/check.contract.ts';
import { drawCreateBody, drawDetail, drawListQuery, drawPage, publicDraw } from '../enforcement/draw-api.contract.ts';
import {
  inspectorCreateBody,
  inspectorDeactivateBody,
  inspectorItem,
  inspectorListQuery,
  inspectorPage,
  inspectorUpdateBody,
  targetCreateBody,
  targetDeriveBody,
  targetDeriveResult,
  targetExclusionBody,
  targetItem,
  targetListQuery,
  targetPage,
} from '../enforcement/enforcement-directory.contract.ts';
import {
  enforcementPlanAmendmentBody,
  enforcementPlanCreate,
  enforcementPlanDefaults,
  enforcementPlanDefaultsQuery,
  enforcementPlanDetail,
  enforcementPlanListQuery,
  enforcementPlanMonth,
  enforcementPlanMonthQuery,
  enforcementPlanPage,
  enforcementPlanPatch,
  enforcementPlanScheduleBody,
  enforcementPlanScheduleResult,
  enforcementPlanVersionBody,
} from '../enforcement/enforcement-plan.contract.ts';
import { closureFlagList, enforcementStats, enforcementStatsQuery } from '../enforcement/enforcement-stats.contract.ts';
// 执法三部曲
import {
  orderCreateBody,
  orderListQuery,
  orderPage,
  orderView,
  penaltyCreateBody,
  penaltyListQuery,
  penaltyPage,
  penaltyPatchBody,
  penaltyView,
  recheckBody,
} from '../enforcement/enforcement-triad.contract.ts';
import {
  enterprise,
  enterpriseCreateBody,
  enterpriseImportQuery,
  enterpriseListQuery,
  enterpriseStats,
  enterpriseTenants,
  enterpriseUpdateBody,
  importResult,
} from '../enterprise/enterprise.contract.ts';
import { enterpriseFile } from '../enterprise/enterprise-file.contract.ts';
import { uploadedFile } from '../file/file.contract.ts';
import {
  criteriaImportQuery,
  criteriaImportReport,
  criteriaLibraryItems,
  criteriaRetireBody,
  criteriaSetDetail,
  criteriaSetList,
  criteriaSetListItem,
  criteriaSuggestParams,
  criteriaSuggestResult,
} from '../hazard/criteria/criteria-api.contract.ts';
import {
  hazardCreate,
  hazardDetail,
  hazardListQuery,
  hazardPage,
  hazardRemindResult,
  hazardStats,
  hazardStatsQuery,
} from '../hazard/hazard.contract.ts';
import { hazardActionBody } from '../hazard/hazard-action.contract.ts';
import {
  hazardCheckAnswer,
  hazardCheckPage,
  hazardCheckQuery,
  hazardDynamicZero,
  hazardDynamicZeroQuery,
  hazardPropagateBody,
  hazardPropagateResult,
  hazardReportList,
  hazardReportQuery,
  hazardReportSigned,
} from '../hazard/hazard-followup.contract.ts';
import { jobItem, jobListQuery, jobPage } from '../job/job.contract.ts';
import {
  notificationListQuery,
  notificationPage,
  notificationReadAllResult,
  notificationUnreadCount,
} from '../notification/notification.contract.ts';
import {
  region,
  regionCreateBody,
  regionList,
  regionUpdateBody,
  resetPasswordBody,
  unit,
  unitCreateBody,
  unitListQuery,
  unitUpdateBody,
  user,
  userCreateBody,
  userListQuery,
  userUpdateBody,
} from '../org/org.contract.ts';
import {
  planDispatch,
  planDispatchQuery,
  planDispatchSave,
  planDispatchSaved,
  planDraft,
  planDraftPatch,
  planImportQuery,
  planImportText,
  planListQuery,
  planPage,
  planProgress,
  planProgressQuery,
  planRankings,
  planRankingsQuery,
  planReimportQuery,
  planReimportResult,
  planRemindResult,
  planSettingsPatch,
  planSummary,
  planTimeline,
  planVersionBody,
  planVersionQuery,
} from '../plan/plan-tracking.contract.ts';
import {
  reportAcceptBody,
  reportAssignBody,
  reportDetail,
  reportExtendBody,
  reportIdentity,
  reportListQuery,
  reportMergeBody,
  reportMessageBody,
  reportOutcomeBody,
  reportPage,
  reportRegisterBody,
  reportRegistered,
  reportRejectBody,
  reportUnmergeBody,
} from '../report/report-handling.contract.ts';
// 举报 — public intake
import {
  publicReportEnterprise,
  publicReportEnterpriseList,
  publicReportEnterpriseQuery,
  publicReportReceipt,
  publicReportRegionList,
  publicReportReplyBody,
  publicReportStatus,
} from '../report/report-public.contract.ts';
import {
  reportRewardDetail,
  rewardApproveBody,
  rewardDeclineBody,
  rewardLedger,
  rewardLedgerQuery,
  rewardPayBody,
  rewardProposeBody,
} from '../report/report-reward.contract.ts';
import { reportStats, reportStatsQuery } from '../report/report-stats.contract.ts';
import {
  settingsDeleteQuery,
  settingsFragmentView,
  settingsPutBody,
  settingsRegionQuery,
  settingsView,
} from '../settings/settings.contract.ts';
import { todoList, todoListQuery } from '../todo/todo.contract.ts';
import type { Method } from './endpoint-path.ts';

/**
 * What one JSON endpoint takes and returns. `multipart` endpoints take a FormData body (a file) and, for the plan
 * import, alternatively the JSON `body`.
 */
export interface EndpointSpec {
  query?: z.ZodType;
  body?: z.ZodType;
  multipart?: true;
  response: z.ZodType;
}

/**
 * The JSON API as the web client sees it: "METHOD /path/{param}" (under /api/v1) → the core schemas of its query,
 * body and success response. The web client binds path and response type here, once; a server test requires every
 * entry to describe exactly what the registered route declares (same OpenAPI schemas), so the two cannot drift.
 */
export const apiEndpoints = {
  'GET /auth/me': { response: sessionBody },
  'POST /auth/login': { body: loginBody, response: sessionBody },
  'POST /auth/logout': { response: okBody },
  'POST /auth/change-password': { body: changePasswordBody, response: okBody },

  'GET /users': { query: userListQuery, response: pageOf(user) },
  'POST /users': { body: userCreateBody, response: user },
  'PATCH /users/{id}': { body: userUpdateBody, response: user },
  'POST /users/{id}/reset-password': { body: resetPasswordBody, response: okBody },
  'POST /users/{id}/unlock': { response: okBody },
  'GET /units': { query: unitListQuery, response: pageOf(unit) },
  'POST /units': { body: unitCreateBody, response: unit },
  'PATCH /units/{id}': { body: unitUpdateBody, response: unit },
  'GET /regions': { response: regionList },
  'POST /regions': { body: regionCreateBody, response: region },
  'PATCH /regions/{code}': { body: regionUpdateBody, response: region },
  'GET /audit-events': { query: auditListQuery, response: pageOf(auditEvent) },
  'GET /audit-events/verify': { response: auditVerifyResult },
  'GET /dashboard/summary': { response: dashboardSummary },

  'GET /notifications': { query: notificationListQuery, response: notificationPage },
  'GET /notifications/unread-count': { response: notificationUnreadCount },
  'POST /notifications/{id}/read': { response: okBody },
  'POST /notifications/read-all': { response: notificationReadAllResult },

  'GET /enterprises': { query: enterpriseListQuery, response: pageOf(enterprise) },
  'GET /enterprises/stats': { query: enterpriseListQuery, response: enterpriseStats },
  'GET /enterprises/{id}': { response: enterprise },
  'GET /enterprises/{id}/history': { response: z.object({ items: z.array(auditEvent) }) },
  'GET /enterprises/{id}/tenants': { response: enterpriseTenants },
  'GET /enterprises/{id}/file': { response: enterpriseFile },
  'POST /enterprises': { body: enterpriseCreateBody, response: enterprise },
  'PATCH /enterprises/{id}': { body: enterpriseUpdateBody, response: enterprise },
  'POST /enterprises/import': {
    query: enterpriseImportQuery,
    multipart: true,
    response: importResult,
  },

  'GET /criteria-sets': { response: criteriaSetList },
  'GET /criteria-sets/{id}': { response: criteriaSetDetail },
  'POST /criteria-sets/{id}/retire': { body: criteriaRetireBody, response: criteriaSetListItem },
  'POST /criteria-sets/{id}/restore': { response: criteriaSetListItem },
  'POST /criteria-sets/import': { query: criteriaImportQuery, multipart: true, response: criteriaImportReport },
  'GET /criteria/suggest': { query: criteriaSuggestParams, response: criteriaSuggestResult },
  'GET /criteria/items': { response: criteriaLibraryItems },

  'GET /hazards': { query: hazardListQuery, response: hazardPage },
  'POST /hazards': { body: hazardCreate, response: hazardDetail },
  'GET /hazards/stats': { query: hazardStatsQuery, response: hazardStats },
  'GET /hazards/dynamic-zero': { query: hazardDynamicZeroQuery, response: hazardDynamicZero },
  'GET /hazards/{id}': { response: hazardDetail },
  'POST /hazards/{id}/actions/{action}': { body: hazardActionBody, response: hazardDetail },
  'POST /hazards/{id}/propagate': { body: hazardPropagateBody, response: hazardPropagateResult },
  'POST /hazards/{id}/remind': { response: hazardRemindResult },
  'GET /hazard-checks': { query: hazardCheckQuery, response: hazardCheckPage },
  'POST /hazard-checks/{id}/answer': { body: hazardCheckAnswer, response: okBody },
  'GET /hazard-reports': { query: hazardReportQuery, response: hazardReportList },
  'POST /hazard-reports/{period}/sign': { response: hazardReportSigned },

  'POST /files': { multipart: true, response: uploadedFile },

  'GET /plans': { query: planListQuery, response: planPage },
  'POST /plans/import': { query: planImportQuery, body: planImportText, multipart: true, response: planDraft },
  'POST /plans/{id}/reimport': { query: planReimportQuery, body: planImportText, multipart: true, response: planReimportResult },
  'GET /plans/{id}': { query: planProgressQuery, response: planProgress },
  'DELETE /plans/{id}': { query: planVersionQuery, response: okBody },
  'GET /plans/{id}/draft': { response: planDraft },
  'PATCH /plans/{id}/draft': { body: planDraftPatch, response: planDraft },
  'POST /plans/{id}/publish': { body: planVersionBody, response: planSummary },
  'PATCH /plans/{id}/settings': { body: planSettingsPatch, response: planSummary },
  'GET /plans/{id}/timeline': { response: planTimeline },
  'GET /plans/{id}/rankings': { query: planRankingsQuery, response: planRankings },
  'POST /plans/{id}/remind': { response: planRemindResult },
  'GET /plan-dispatch': { query: planDispatchQuery, response: planDispatch },
  'PUT /plan-dispatch': { body: planDispatchSave, response: planDispatchSaved },

  'GET /settings': { query: settingsRegionQuery, response: settingsView },
  'PUT /settings/{key}': { query: settingsRegionQuery, body: settingsPutBody, response: settingsFragmentView },
  'DELETE /settings/{key}': { query: settingsDeleteQuery, response: settingsFragmentView },

  'GET /todos': { query: todoListQuery, response: todoList },

  'GET /jobs': { query: jobListQuery, response: jobPage },
  'POST /jobs/{id}/retry': { response: jobItem },

  // 执法检查 — 名录库 and 双随机 draws
  'GET /enforcement-inspectors': { query: inspectorListQuery, response: inspectorPage },
  'POST /enforcement-inspectors': { body: inspectorCreateBody, response: inspectorItem },
  'GET /enforcement-inspectors/{id}': { response: inspectorItem },
  'PATCH /enforcement-inspectors/{id}': { body: inspectorUpdateBody, response: inspectorItem },
  'POST /enforcement-inspectors/{id}/deactivate': { body: inspectorDeactivateBody, response: inspectorItem },
  'GET /enforcement-targets': { query: targetListQuery, response: targetPage },
  'POST /enforcement-targets': { body: targetCreateBody, response: targetItem },
  'POST /enforcement-targets/derive': { body: targetDeriveBody, response: targetDeriveResult },
  'GET /enforcement-targets/{id}': { response: targetItem },
  'POST /enforcement-targets/{id}/exclusion': { body: targetExclusionBody, response: targetItem },
  'GET /draws': { query: drawListQuery, response: drawPage },
  'POST /draws': { body: drawCreateBody, response: drawDetail },
  'GET /draws/{id}': { response: drawDetail },
  'POST /draws/{id}/run': { response: drawDetail },
  'GET /public/draws/{id}': { response: publicDraw },

  // 执法检查 — the yearly plan
  'GET /enforcement-plans': { query: enforcementPlanListQuery, response: enforcementPlanPage },
  'POST /enforcement-plans': { body: enforcementPlanCreate, response: enforcementPlanDetail },
  'GET /enforcement-plans/defaults': { query: enforcementPlanDefaultsQuery, response: enforcementPlanDefaults },
  'GET /enforcement-plans/{id}': { response: enforcementPlanDetail },
  'PATCH /enforcement-plans/{id}': { body: enforcementPlanPatch, response: enforcementPlanDetail },
  'POST /enforcement-plans/{id}/approve': { body: enforcementPlanVersionBody, response: enforcementPlanDetail },
  'POST /enforcement-plans/{id}/amendments': { body: enforcementPlanAmendmentBody, response: enforcementPlanDetail },
  'GET /enforcement-plans/{id}/month': { query: enforcementPlanMonthQuery, response: enforcementPlanMonth },
  'POST /enforcement-plans/{id}/schedule': { body: enforcementPlanScheduleBody, response: enforcementPlanScheduleResult },

  // 执法检查 — on-site checks
  'GET /enforcement-checks': { query: checkListQuery, response: checkPage },
  'POST /enforcement-checks': { body: checkCreateBody, response: checkDetail },
  'GET /enforcement-checks/quiz-stats': { query: quizStatsQuery, response: quizStats },
  'GET /enforcement-checks/{id}': { response: checkDetail },
  'POST /enforcement-checks/{id}/start': { response: checkDetail },
  'PUT /enforcement-checks/{id}/items': { body: checkRecordBody, response: checkDetail },
  'PUT /enforcement-checks/{id}/inspectors': { body: checkTeamBody, response: checkDetail },
  'POST /enforcement-checks/{id}/sign': { body: checkSignBody, response: checkDetail },
  'POST /enforcement-checks/{id}/amendments': { body: checkAmendmentBody, response: checkDetail },
  'GET /enforcement-checks/{id}/quiz-questions': { query: quizQuestionQuery, response: quizQuestionList },
  'POST /enforcement-checks/{id}/quizzes': { body: quizBody, response: checkQuizView },
  'GET /enforcement-checklists/{id}': { response: checklistView },
  'PUT /enforcement-checklists/{id}': { body: checklistBody, response: checklistView },

  // 执法检查 — 执法三部曲: orders, documents, penalty cases
  'GET /enforcement-orders': { query: orderListQuery, response: orderPage },
  'POST /enforcement-orders': { body: orderCreateBody, response: orderView },
  'GET /enforcement-orders/{id}': { response: orderView },
  'POST /enforcement-orders/{id}/recheck': { body: recheckBody, response: orderView },
  'GET /penalties': { query: penaltyListQuery, response: penaltyPage },
  'POST /penalties': { body: penaltyCreateBody, response: penaltyView },
  'GET /penalties/{id}': { response: penaltyView },
  'PATCH /penalties/{id}': { body: penaltyPatchBody, response: penaltyView },

  // 执法检查 — statistics
  'GET /enforcement-stats': { query: enforcementStatsQuery, response: enforcementStats },
  'GET /enforcement-stats/closure-flags': { query: enforcementStatsQuery, response: closureFlagList },

  // 举报 — public intake (no login)
  'POST /public/reports': { multipart: true, response: publicReportReceipt },
  'GET /public/reports/{trackingCode}': { response: publicReportStatus },
  'POST /public/reports/{trackingCode}/messages': { body: publicReportReplyBody, response: publicReportStatus },
  'GET /public/report-enterprises': { query: publicReportEnterpriseQuery, response: publicReportEnterpriseList },
  'GET /public/report-enterprises/{publicCode}': { response: publicReportEnterprise },
  'GET /public/report-regions': { response: publicReportRegionList },
  // 举报 — handling
  'GET /reports': { query: reportListQuery, response: reportPage },
  'POST /reports': { body: reportRegisterBody, response: reportRegistered },
  'GET /reports/{id}': { response: reportDetail },
  'GET /reports/{id}/identity': { response: reportIdentity },
  'POST /reports/{id}/accept': { body: reportAcceptBody, response: reportDetail },
  'POST /reports/{id}/reject': { body: reportRejectBody, response: reportDetail },
  'POST /reports/{id}/assign': { body: reportAssignBody, response: reportDetail },
  'POST /reports/{id}/extend': { body: reportExtendBody, response: reportDetail },
  'POST /reports/{id}/messages': { body: reportMessageBody, response: reportDetail },
  'POST /reports/{id}/outcome': { body: reportOutcomeBody, response: reportDetail },
  'POST /reports/{id}/merge': { body: reportMergeBody, response: reportDetail },
  'POST /reports/{id}/unmerge': { body: reportUnmergeBody, response: reportDetail },
  // 举报 — rewards
  'GET /reports/{id}/reward': { response: reportRewardDetail },
  'POST /reports/{id}/reward': { body: rewardProposeBody, response: reportRewardDetail },
  'POST /reports/{id}/reward/approve': { body: rewardApproveBody, response: reportRewardDetail },
  'POST /reports/{id}/reward/decline': { body: rewardDeclineBody, response: reportRewardDetail },
  'POST /reports/{id}/reward/pay': { body: rewardPayBody, response: reportRewardDetail },
  'GET /report-rewards': { query: rewardLedgerQuery, response: rewardLedger },
  // 举报 — statistics
  'GET /report-stats': { query: reportStatsQuery, response: reportStats },

  // 双重预防 — risk side
  'GET /risk-points': { query: riskPointListQuery, response: riskPointList },
  'GET /enterprises/{id}/risk-tree': { response: riskTree },
  'POST /risk-assessments/preview': { body: riskAssessmentPreviewBody, response: riskAssessmentView },
  'POST /risk-points': { body: riskPointCreateBody, response: riskTree },
  'PATCH /risk-points/{id}': { body: riskPointUpdateBody, response: riskTree },
  'DELETE /risk-points/{id}': { response: riskTree },
  'POST /risk-points/{id}/review': { body: riskPointReviewBody, response: riskTree },
  'POST /risk-units': { body: riskUnitCreateBody, response: riskTree },
  'PATCH /risk-units/{id}': { body: riskUnitUpdateBody, response: riskTree },
  'DELETE /risk-units/{id}': { response: riskTree },
  'POST /risk-events': { body: riskEventCreateBody, response: riskTree },
  'PATCH /risk-events/{id}': { body: riskEventUpdateBody, response: riskTree },
  'DELETE /risk-events/{id}': { response: riskTree },
  'POST /control-measures': { body: controlMeasureCreateBody, response: riskTree },
  'PATCH /control-measures/{id}': { body: controlMeasureUpdateBody, response: riskTree },
  'DELETE /control-measures/{id}': { response: riskTree },
  'POST /enterprises/{id}/risk-import': { multipart: true, response: riskImportResult },
  // 双重预防 — posts and cards
  'GET /posts': { query: postListQuery, response: postList },
  'POST /posts': { body: postCreateBody, response: postView },
  'GET /posts/{id}': { response: postView },
  'PUT /posts/{id}': { body: postUpdateBody, response: postView },
  'DELETE /posts/{id}': { query: postDeleteQuery, response: okBody },
  'GET /posts/{id}/quiz-attempts': { response: quizAttemptList },
  'GET /public/post-cards/{publicCode}': { response: publicPostCard },
  'POST /public/post-cards/{publicCode}/quiz': { body: quizAttemptBody, response: quizResult },
  'GET /public/risk-cards/{publicCode}': { response: publicRiskCard },
  'GET /risk-maps/{id}': { response: riskMapView },
  'PUT /risk-maps/{id}': { body: riskMapBody, response: riskMapView },
  // 双重预防 — check tasks and records
  'GET /check-tasks': { query: checkTaskListQuery, response: checkTaskList },
  'POST /check-tasks': { body: checkTaskCreateBody, response: checkTaskView },
  'PUT /check-tasks/{id}': { body: checkTaskUpdateBody, response: checkTaskView },
  'POST /check-tasks/{id}/deactivate': { response: checkTaskView },
  'POST /check-tasks/from-measure': { body: checkTaskFromMeasureBody, response: checkTaskView },
  'POST /check-tasks/templates': { body: checkTemplatesBody, response: checkTemplatesResult },
  'GET /check-tasks/today': { query: todayChecksQuery, response: dueCheckList },
  'GET /check-tasks/calendar': { query: checkCalendarQuery, response: checkCalendar },
  'POST /check-records': { multipart: true, response: checkRecordSynced },
  'GET /check-records': { query: checkRecordListQuery, response: checkRecordPage },
  'GET /check-records/{id}': { response: checkRecordDetail },
  // 双重预防 — the due checks behind the oversight figures (part G)
  'GET /check-periods': { query: checkPeriodListQuery, response: checkPeriodPage },
  // 双重预防 — small venues
  'GET /venue-patrols': { query: venuePatrolQuery, response: venuePatrolList },
  'GET /venue-patrols/coverage': { query: venueCoverageQuery, response: venueCoverage },
  'POST /venues': { body: venueCreateBody, response: venueCreated },
  // 双重预防 — oversight
  'GET /dual-signals': { query: dualSignalListQuery, response: dualSignalPage },
  'POST /dual-signals/{id}/dismiss': { body: dualSignalDismissBody, response: dualSignal },
  'GET /dual-oversight': { query: dualOversightQuery, response: dualOversight },

  // 专项台账 — object types and objects
  'GET /ledger-object-types': { response: objectTypeList },
  'POST /ledger-object-types': { body: objectTypeInput, response: objectType },
  'PUT /ledger-object-types/{id}': { body: objectTypeUpdate, response: objectType },
  'POST /ledger-object-types/{id}/restore': { response: objectType },
  'GET /ledger-objects': { query: ledgerObjectFilter, response: ledgerObjectPage },
  'POST /ledger-objects': { body: ledgerObjectInput, response: ledgerObject },
  'GET /ledger-labels/{code}': { response: ledgerObject },
  'GET /ledger-objects/{id}': { response: ledgerObject },
  'PUT /ledger-objects/{id}': { body: ledgerObjectUpdate, response: ledgerObject },
  'POST /ledger-objects/{id}/remove': { body: ledgerObjectRemove, response: ledgerObject },
  'POST /ledger-objects/import': { query: ledgerImportQuery, multipart: true, response: importResult },
  // 专项整治 — campaigns, rounds, progress, exports
  'GET /campaigns': { query: campaignListQuery, response: campaignPage },
  'POST /campaigns': { body: campaignInput, response: campaignDetail },
  'GET /campaigns/{id}': { response: campaignDetail },
  'PUT /campaigns/{id}': { body: campaignUpdate, response: campaignDetail },
  'POST /campaigns/{id}/rounds/{ordinal}/open': { body: roundOpenBody, response: campaignDetail },
  'POST /campaigns/{id}/rounds/{ordinal}/close': { body: roundCloseBody, response: campaignDetail },
  'POST /campaigns/{id}/close': { response: campaignDetail },
  'GET /campaigns/{id}/progress': { response: campaignProgress },
  'GET /campaigns/{id}/objects': { query: campaignObjectQuery, response: campaignObjectPage },
  // 专项整治 — field checks
  'GET /campaign-tasks': { response: campaignFieldList },
  'GET /campaign-tasks/by-label/{code}': { response: campaignLabelList },
  'POST /campaign-checks': { multipart: true, response: campaignCheckSynced },
  'GET /campaign-checks/{id}': { response: campaignCheckDetail },
} as const satisfies Record<`${Method} /${string}`, EndpointSpec>;

export type ApiEndpoints = typeof apiEndpoints;
export type ApiKey = keyof ApiEndpoints;
export type ApiResponse<K extends ApiKey> = z.output<ApiEndpoints[K]['response']>;

type QueryValue = string | number | boolean | null | undefined;
/** Query keys are checked against the contract; values travel as strings, so any scalar is accepted. */
export type ApiQuery<K extends ApiKey> = ApiEndpoints[K] extends { query: infer Q extends z.ZodType }
  ? { [P in keyof z.input<Q>]?: QueryValue }
  : never;
export type ApiBody<K extends ApiKey> = ApiEndpoints[K] extends { body: infer B extends z.ZodType }
  ? z.input<B> | (ApiEndpoints[K] extends { multipart: true } ? FormData : never)
  : ApiEndpoints[K] extends { multipart: true }
    ? FormData
    : never;

type ParamNames<P extends string> = P extends `${string}{${infer N}}${infer Rest}` ? N | ParamNames<Rest> : never;
/** `{ id: 3 }` for "GET /hazards/{id}". */
export type ApiParams<K extends ApiKey> = { [N in ParamNames<K>]: string | number };
