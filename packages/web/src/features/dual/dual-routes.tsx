import type { RouteObject } from 'react-router';

/**
 * 双重预防 pages under /dual (inside the signed-in layout). Every page loads on demand; each part of the module adds its
 * routes in its own section below. The phone's offline check pages are registered by the check part.
 */
export const dualRoutes: RouteObject[] = [
  // risk side
  { path: 'risks', lazy: () => import('./risk/risk-page.tsx').then((m) => ({ Component: m.RiskPage })) },
  // posts and cards
  {
    path: 'posts',
    handle: { crumb: '岗位两单两卡' },
    lazy: () => import('./cards/posts-page.tsx').then((m) => ({ Component: m.PostsPage })),
  },
  {
    path: 'map',
    handle: { crumb: '四色分布图' },
    lazy: () => import('./cards/map-page.tsx').then((m) => ({ Component: m.RiskMapPage })),
  },
  // check tasks and records
  {
    path: 'tasks',
    handle: { crumb: '排查任务', permission: 'dual.read' },
    lazy: () => import('./checks/tasks-page.tsx').then((m) => ({ Component: m.CheckTasksPage })),
  },
  {
    path: 'records',
    handle: { crumb: '排查记录', permission: 'dual.read' },
    lazy: () => import('./checks/records-page.tsx').then((m) => ({ Component: m.CheckRecordsPage })),
  },
  // the due checks an oversight figure counts (part G; opened from the figures, no menu entry)
  {
    path: 'due-checks',
    handle: { crumb: '应排查清单', permission: 'dual.read' },
    lazy: () => import('./checks/due-checks-page.tsx').then((m) => ({ Component: m.DueChecksPage })),
  },
  // The phone's offline check pages (part C, ADR 0025): 今日排查 and 小场所巡查 share one layout with the outbox.
  {
    path: 'm',
    handle: { linkable: false },
    lazy: () => import('./phone/phone-layout.tsx').then((m) => ({ Component: m.PhoneLayout })),
    children: [
      { index: true, lazy: () => import('./phone/phone-home.tsx').then((m) => ({ Component: m.PhoneHome })) },
      {
        path: 'checks',
        handle: { crumb: '今日排查', permission: 'dual.check' },
        children: [
          { index: true, lazy: () => import('./phone/checks-page.tsx').then((m) => ({ Component: m.ChecksPage })) },
          {
            path: ':taskPeriodId',
            handle: { crumb: '记录排查', permission: 'dual.check' },
            lazy: () => import('./phone/check-form-page.tsx').then((m) => ({ Component: m.CheckFormPage })),
          },
        ],
      },
      {
        path: 'patrols',
        handle: { crumb: '小场所巡查', permission: 'dual.check' },
        children: [
          { index: true, lazy: () => import('./phone/patrols-page.tsx').then((m) => ({ Component: m.PatrolsPage })) },
          {
            path: ':enterpriseId',
            handle: { crumb: '记录巡查', permission: 'dual.check' },
            lazy: () => import('./phone/patrol-form-page.tsx').then((m) => ({ Component: m.PatrolFormPage })),
          },
        ],
      },
    ],
  },
  // small venues
  {
    path: 'venues',
    handle: { crumb: '小场所巡查' },
    lazy: () => import('./venues/venue-list-page.tsx').then((m) => ({ Component: m.VenueListPage })),
  },
  {
    path: 'venues/coverage',
    handle: { crumb: '巡查覆盖率' },
    lazy: () => import('./venues/venue-coverage-page.tsx').then((m) => ({ Component: m.VenueCoveragePage })),
  },
  // oversight
  {
    path: 'oversight',
    handle: { crumb: '双重预防监督', permission: 'dual.oversee' },
    lazy: () => import('./oversight/oversight-page.tsx').then((m) => ({ Component: m.DualOversightPage })),
  },
  {
    path: 'signals',
    handle: { crumb: '形式主义提示', permission: 'dual.oversee' },
    lazy: () => import('./oversight/signals-page.tsx').then((m) => ({ Component: m.DualSignalsPage })),
  },
];

/** Cards opened from their QR codes without an account (风险告知卡, 两单两卡). */
export const dualPublicRoutes: RouteObject[] = [
  // risk side
  // posts and cards
  {
    path: 'card/p/:publicCode',
    lazy: () => import('./cards/public/post-card-page.tsx').then((m) => ({ Component: m.PublicPostCardPage })),
  },
  {
    path: 'card/r/:publicCode',
    lazy: () => import('./cards/public/risk-card-page.tsx').then((m) => ({ Component: m.PublicRiskCardPage })),
  },
];
