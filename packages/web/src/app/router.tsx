import type { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter } from 'react-router';
import { LoginPage } from '../features/auth/pages/login-page.tsx';
import { campaignRoutes, labelRoutes, ledgerRoutes } from '../features/campaigns/campaign-routes.tsx';
import { dashboardSummaryQuery } from '../features/dashboard/api.ts';
import { dualPublicRoutes, dualRoutes } from '../features/dual/dual-routes.tsx';
import { enforcementPublicRoutes, enforcementRoutes } from '../features/enforcement/enforcement-routes.tsx';
import { reportPublicRoutes, reportRoutes } from '../features/reports/report-routes.tsx';
import { BootSpin } from './boot-spin.tsx';
import { RootErrorBoundary, RouteErrorBoundary } from './root-error-boundary.tsx';
import type { RouteHandle } from './route-handle.ts';

const h = (handle: RouteHandle) => handle;

const loadAntdShell = () => import('./antd-shell.tsx');
const loadRequireSession = () => import('./require-session.tsx');
const loadAppLayout = () => import('./app-layout.tsx');
const loadHomePage = () => import('./home-page.tsx');

/**
 * Starts downloading what the first screen after sign-in needs (antd, the layout, 工作台) as soon as 登录 is pressed,
 * alongside the sign-in request (not earlier: on six connections the chunks would queue the sign-in behind them).
 */
function preloadFirstScreen(): void {
  for (const load of [loadAntdShell, loadRequireSession, loadAppLayout, loadHomePage]) void load().catch(() => undefined);
}

/**
 * The login page ships in the entry chunk, written without antd; antd (the shell route), the session guard, the layout
 * and every page load on demand — React Router loads the lazy routes of one URL in parallel — so a phone on a weak
 * signal gets to the login form after React, the router and TanStack Query alone.
 */
export function createAppRouter(queryClient: QueryClient) {
  return createBrowserRouter([
    {
      HydrateFallback: BootSpin,
      ErrorBoundary: RootErrorBoundary,
      children: [
        { path: '/login', element: <LoginPage onSubmitted={preloadFirstScreen} /> },
        {
          lazy: () => loadAntdShell().then((m) => ({ Component: m.AntdShell })),
          // Outside the shell's providers (the shell itself may be what failed to load).
          ErrorBoundary: RootErrorBoundary,
          children: [
            // Pages anyone may open without an account (the published 双随机 draws), inside antd but not the session guard.
            ...enforcementPublicRoutes,
            // The reporter's pages (举报, no account).
            ...reportPublicRoutes,
            // 双重预防 cards opened from their QR codes (风险告知卡, 两单两卡), no account.
            ...dualPublicRoutes,
            {
              lazy: () => loadRequireSession().then((m) => ({ Component: m.RequireSession })),
              children: [
                {
                  path: '/change-password',
                  lazy: () =>
                    import('../features/auth/pages/change-password-page.tsx').then((m) => ({
                      Component: m.ChangePasswordPage,
                    })),
                },
                {
                  // The printable 三个责任人 card: outside the admin layout, so it prints as the sheet alone.
                  path: '/enterprises/:id/card',
                  lazy: () =>
                    import('../features/enterprises/pages/enterprise-card-page.tsx').then((m) => ({
                      Component: m.EnterpriseCardPage,
                    })),
                },
                {
                  lazy: () => loadAppLayout().then((m) => ({ Component: m.AppLayout })),
                  ErrorBoundary: RouteErrorBoundary,
                  children: [
                    {
                      index: true,
                      handle: h({ crumb: '工作台', permission: 'dashboard.read' }),
                      // Loaders run while the lazy routes download: the numbers are on their way before the page's code has
                      // arrived (on a slow phone the summary would otherwise wait for antd to download and start).
                      loader: () => {
                        void queryClient.prefetchQuery(dashboardSummaryQuery);
                        return null;
                      },
                      lazy: () => loadHomePage().then((m) => ({ Component: m.HomePage })),
                    },
                    {
                      path: 'todos',
                      handle: h({ crumb: '待办', permission: 'dashboard.read' }),
                      lazy: () => import('../features/todos/pages/todos-page.tsx').then((m) => ({ Component: m.TodosPage })),
                    },
                    {
                      path: 'enterprises',
                      handle: h({ crumb: '企业台账', permission: 'enterprise.read' }),
                      children: [
                        {
                          index: true,
                          lazy: () =>
                            import('../features/enterprises/pages/enterprises-page.tsx').then((m) => ({
                              Component: m.EnterprisesPage,
                            })),
                        },
                        {
                          path: 'stats',
                          handle: h({ crumb: '统计分析' }),
                          lazy: () =>
                            import('../features/enterprises/pages/enterprise-stats-page.tsx').then((m) => ({
                              Component: m.EnterpriseStatsPage,
                            })),
                        },
                        {
                          path: 'import',
                          handle: h({ crumb: '导入', permission: 'enterprise.import' }),
                          lazy: () =>
                            import('../features/enterprises/pages/enterprise-import-page.tsx').then((m) => ({
                              Component: m.EnterpriseImportPage,
                            })),
                        },
                        {
                          path: ':id',
                          handle: h({ crumb: '企业详情' }),
                          lazy: () =>
                            import('../features/enterprises/pages/enterprise-detail-page.tsx').then((m) => ({
                              Component: m.EnterpriseDetailPage,
                            })),
                        },
                      ],
                    },
                    {
                      path: 'hazards',
                      handle: h({ crumb: '隐患台账', permission: 'hazard.read' }),
                      // The hazard pages borrow the enterprise and criteria pickers; features do not import each other.
                      lazy: () =>
                        Promise.all([
                          import('../features/hazards/hazard-slots.tsx'),
                          import('../features/enterprises/components/enterprise-select.tsx'),
                          import('../features/criteria/criteria-picker.tsx'),
                        ]).then(([m, e, c]) => ({
                          element: (
                            <m.HazardSlotsRoute slots={{ EnterpriseSelect: e.EnterpriseSelect, CriteriaPicker: c.CriteriaPicker }} />
                          ),
                        })),
                      children: [
                        {
                          index: true,
                          lazy: () =>
                            import('../features/hazards/pages/hazard-ledger-page.tsx').then((m) => ({ Component: m.HazardLedgerPage })),
                        },
                        {
                          path: 'new',
                          handle: h({ crumb: '登记隐患', permission: 'hazard.report', ownActionBar: true }),
                          lazy: () => import('../features/hazards/pages/hazard-new-page.tsx').then((m) => ({ Component: m.HazardNewPage })),
                        },
                        {
                          path: 'stats',
                          handle: h({ crumb: '统计分析' }),
                          lazy: () =>
                            import('../features/hazards/pages/hazard-stats-page.tsx').then((m) => ({ Component: m.HazardStatsPage })),
                        },
                        {
                          path: 'checks',
                          handle: h({ crumb: '举一反三排查' }),
                          lazy: () =>
                            import('../features/hazards/pages/hazard-checks-page.tsx').then((m) => ({ Component: m.HazardChecksPage })),
                        },
                        {
                          path: 'reports',
                          handle: h({ crumb: '季报年报' }),
                          lazy: () =>
                            import('../features/hazards/pages/hazard-reports-page.tsx').then((m) => ({ Component: m.HazardReportsPage })),
                        },
                        {
                          path: ':id',
                          handle: h({ crumb: '隐患详情', ownActionBar: true }),
                          lazy: () =>
                            import('../features/hazards/pages/hazard-detail-page.tsx').then((m) => ({ Component: m.HazardDetailPage })),
                        },
                      ],
                    },
                    {
                      path: 'plans',
                      handle: h({ crumb: '行动方案', permission: 'plan.read' }),
                      children: [
                        {
                          index: true,
                          lazy: () => import('../features/plans/pages/plan-list-page.tsx').then((m) => ({ Component: m.PlanListPage })),
                        },
                        {
                          path: 'import',
                          handle: h({ crumb: '导入方案', permission: 'plan.manage' }),
                          lazy: () => import('../features/plans/pages/plan-import-page.tsx').then((m) => ({ Component: m.PlanImportPage })),
                        },
                        {
                          path: 'dispatch',
                          handle: h({ crumb: '月调度', permission: 'plan.report', ownActionBar: true }),
                          lazy: () =>
                            import('../features/plans/pages/plan-dispatch-page.tsx').then((m) => ({ Component: m.PlanDispatchPage })),
                        },
                        {
                          path: 'rankings',
                          handle: h({ crumb: '五色图' }),
                          lazy: () =>
                            import('../features/plans/pages/plan-rankings-page.tsx').then((m) => ({ Component: m.PlanLatestRankingsPage })),
                        },
                        {
                          path: ':id',
                          handle: h({ crumb: '方案进度' }),
                          children: [
                            {
                              index: true,
                              lazy: () =>
                                import('../features/plans/pages/plan-progress-page.tsx').then((m) => ({ Component: m.PlanProgressPage })),
                            },
                            {
                              path: 'review',
                              handle: h({ crumb: '核对方案', permission: 'plan.manage' }),
                              lazy: () =>
                                import('../features/plans/pages/plan-review-page.tsx').then((m) => ({ Component: m.PlanReviewPage })),
                            },
                            {
                              path: 'reimport',
                              handle: h({ crumb: '导入修订稿', permission: 'plan.manage' }),
                              lazy: () =>
                                import('../features/plans/pages/plan-reimport-page.tsx').then((m) => ({ Component: m.PlanReimportPage })),
                            },
                            {
                              path: 'rankings',
                              handle: h({ crumb: '五色图' }),
                              lazy: () =>
                                import('../features/plans/pages/plan-rankings-page.tsx').then((m) => ({ Component: m.PlanRankingsPage })),
                            },
                          ],
                        },
                      ],
                    },
                    {
                      path: 'enforcement',
                      handle: h({ crumb: '执法检查', linkable: false, permission: 'enforcement.read' }),
                      children: enforcementRoutes,
                    },
                    {
                      path: 'reports',
                      handle: h({ crumb: '举报', linkable: false, permission: 'report.read' }),
                      children: reportRoutes,
                    },
                    {
                      path: 'dual',
                      handle: h({ crumb: '双重预防', linkable: false, permission: 'dual.read' }),
                      children: dualRoutes,
                    },
                    {
                      path: 'ledgers',
                      handle: h({ crumb: '专项台账', linkable: false, permission: 'ledger.read' }),
                      children: ledgerRoutes,
                    },
                    {
                      path: 'campaigns',
                      handle: h({ crumb: '专项整治', linkable: false, permission: 'campaign.read' }),
                      children: campaignRoutes,
                    },
                    // the QR label of a 专项台账 object (专项整治, field checks)
                    ...labelRoutes,
                    {
                      path: 'admin',
                      handle: h({ crumb: '系统管理', linkable: false }),
                      children: [
                        {
                          path: 'regions',
                          handle: h({ crumb: '行政区划', permission: 'region.read' }),
                          lazy: () =>
                            import('../features/regions/pages/regions-page.tsx').then((m) => ({
                              Component: m.RegionsPage,
                            })),
                        },
                        {
                          path: 'units',
                          handle: h({ crumb: '成员单位', permission: 'unit.read' }),
                          lazy: () => import('../features/units/pages/units-page.tsx').then((m) => ({ Component: m.UnitsPage })),
                        },
                        {
                          path: 'users',
                          handle: h({ crumb: '用户管理', permission: 'user.read' }),
                          lazy: () => import('../features/users/pages/users-page.tsx').then((m) => ({ Component: m.UsersPage })),
                        },
                        {
                          path: 'criteria',
                          handle: h({ crumb: '判定标准库', permission: 'criteria.read' }),
                          children: [
                            {
                              index: true,
                              lazy: () =>
                                import('../features/criteria/pages/criteria-sets-page.tsx').then((m) => ({
                                  Component: m.CriteriaSetsPage,
                                })),
                            },
                            {
                              path: 'import',
                              handle: h({ crumb: '导入', permission: 'criteria.manage' }),
                              lazy: () =>
                                import('../features/criteria/pages/criteria-import-page.tsx').then((m) => ({
                                  Component: m.CriteriaImportPage,
                                })),
                            },
                            {
                              path: ':id',
                              handle: h({ crumb: '标准详情' }),
                              lazy: () =>
                                import('../features/criteria/pages/criteria-set-detail-page.tsx').then((m) => ({
                                  Component: m.CriteriaSetDetailPage,
                                })),
                            },
                          ],
                        },
                        {
                          path: 'settings',
                          handle: h({ crumb: '系统设置', permission: 'settings.read' }),
                          lazy: () => import('../features/settings/pages/settings-page.tsx').then((m) => ({ Component: m.SettingsPage })),
                        },
                        {
                          path: 'audit',
                          handle: h({ crumb: '审计日志', permission: 'audit.read' }),
                          lazy: () => import('../features/audit/pages/audit-page.tsx').then((m) => ({ Component: m.AuditPage })),
                        },
                        {
                          path: 'jobs',
                          handle: h({ crumb: '外发队列', permission: 'job.manage' }),
                          lazy: () => import('../features/jobs/pages/jobs-page.tsx').then((m) => ({ Component: m.JobsPage })),
                        },
                      ],
                    },
                    { path: '*', lazy: () => import('./route-error-page.tsx').then((m) => ({ Component: m.NotFoundPage })) },
                  ],
                },
              ],
            },
          ],
        },
      ],
    },
  ]);
}
