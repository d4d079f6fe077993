import type { RouteObject } from 'react-router';

/** A route's breadcrumb (app/route-handle.ts RouteHandle). */
const h = (handle: { crumb: string }) => handle;

/**
 * 执法检查 pages under /enforcement (inside the signed-in layout). Every page loads on demand; each part of the module
 * adds its routes in its own section below.
 */
export const enforcementRoutes: RouteObject[] = [
  // 名录库 and 双随机 draws
  {
    path: 'inspectors',
    handle: h({ crumb: '执法人员名录库' }),
    lazy: () => import('./draws/pages/inspectors-page.tsx').then((m) => ({ Component: m.InspectorsPage })),
  },
  {
    path: 'targets',
    handle: h({ crumb: '检查对象名录库' }),
    lazy: () => import('./draws/pages/targets-page.tsx').then((m) => ({ Component: m.TargetsPage })),
  },
  {
    path: 'draws',
    handle: h({ crumb: '双随机抽查' }),
    children: [
      { index: true, lazy: () => import('./draws/pages/draws-page.tsx').then((m) => ({ Component: m.DrawsPage })) },
      {
        path: ':id',
        handle: h({ crumb: '抽查详情' }),
        lazy: () => import('./draws/pages/draw-detail-page.tsx').then((m) => ({ Component: m.DrawDetailPage })),
      },
    ],
  },
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
  {
    path: 'public/draws/:id',
    lazy: () => import('./draws/pages/public-draw-page.tsx').then((m) => ({ Component: m.PublicDrawPage })),
  },
];
