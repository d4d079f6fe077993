import type { RouteObject } from 'react-router';

/**
 * 执法检查 pages under /enforcement (inside the signed-in layout). Every page loads on demand; each part of the module
 * adds its routes in its own section below.
 */
export const enforcementRoutes: RouteObject[] = [
  // 名录库 and 双随机 draws
  // the yearly plan
  {
    path: 'plans',
    handle: { crumb: '年度计划' },
    children: [
      {
        index: true,
        lazy: () => import('./plans/enforcement-plan-list-page.tsx').then((m) => ({ Component: m.EnforcementPlanListPage })),
      },
      {
        path: ':id',
        handle: { crumb: '计划详情' },
        lazy: () => import('./plans/enforcement-plan-detail-page.tsx').then((m) => ({ Component: m.EnforcementPlanDetailPage })),
      },
    ],
  },
  // on-site checks
  {
    path: 'checks',
    handle: { crumb: '现场检查' },
    children: [
      { index: true, lazy: () => import('./checks/check-list-page.tsx').then((m) => ({ Component: m.CheckListPage })) },
      {
        path: ':id',
        handle: { crumb: '检查记录' },
        lazy: () => import('./checks/check-page.tsx').then((m) => ({ Component: m.CheckPage })),
      },
    ],
  },
  // 执法三部曲: orders, documents, penalty cases
  // statistics
  {
    path: 'stats',
    handle: { crumb: '执法统计' },
    lazy: () => import('./pages/enforcement-stats-page.tsx').then((m) => ({ Component: m.EnforcementStatsPage })),
  },
];

/** Pages without login (outside the antd shell's session guard): the published draws. */
export const enforcementPublicRoutes: RouteObject[] = [
  // public draw page
];
