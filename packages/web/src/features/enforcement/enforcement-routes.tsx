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
  // 执法三部曲: orders, documents, penalty cases
  {
    path: 'orders',
    handle: { crumb: '整改指令' },
    children: [
      { index: true, lazy: () => import('./pages/order-list-page.tsx').then((m) => ({ Component: m.OrderListPage })) },
      {
        path: ':id',
        handle: { crumb: '详情' },
        lazy: () => import('./pages/order-detail-page.tsx').then((m) => ({ Component: m.OrderDetailPage })),
      },
    ],
  },
  {
    path: 'penalties',
    handle: { crumb: '处罚案件' },
    children: [
      { index: true, lazy: () => import('./pages/penalty-list-page.tsx').then((m) => ({ Component: m.PenaltyListPage })) },
      {
        path: ':id',
        handle: { crumb: '详情' },
        lazy: () => import('./pages/penalty-detail-page.tsx').then((m) => ({ Component: m.PenaltyDetailPage })),
      },
    ],
  },
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
