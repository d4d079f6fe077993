import type { RouteObject } from 'react-router';

/**
 * 举报 pages under /reports (inside the signed-in layout). Every page loads on demand; each part of the module adds its
 * routes in its own section below.
 */
export const reportRoutes: RouteObject[] = [
  // handling
  { index: true, lazy: () => import('./handling/report-list-page.tsx').then((m) => ({ Component: m.ReportListPage })) },
  {
    path: 'new',
    handle: { crumb: '登记来电来信', permission: 'report.triage' },
    lazy: () => import('./handling/report-new-page.tsx').then((m) => ({ Component: m.ReportNewPage })),
  },
  {
    path: ':id',
    handle: { crumb: '举报详情' },
    lazy: () => import('./handling/report-detail-page.tsx').then((m) => ({ Component: m.ReportDetailPage })),
  },
  // rewards
  {
    path: 'rewards',
    handle: { crumb: '奖励台账', permission: 'report.reward' },
    lazy: () => import('./pages/reward-ledger-page.tsx').then((m) => ({ Component: m.RewardLedgerPage })),
  },
  // statistics
  {
    path: 'stats',
    handle: { crumb: '举报统计' },
    lazy: () => import('./stats/report-stats-page.tsx').then((m) => ({ Component: m.ReportStatsPage })),
  },
];

/** The reporter's pages: /report, /report/e/:publicCode, /report/track (no account). */
export const reportPublicRoutes: RouteObject[] = [
  // public intake
  {
    path: 'report',
    children: [
      {
        index: true,
        lazy: () => import('./public/pages/report-form-page.tsx').then((m) => ({ Component: m.ReportFormPage })),
      },
      {
        path: 'e/:publicCode',
        lazy: () => import('./public/pages/report-form-page.tsx').then((m) => ({ Component: m.ReportFormPage })),
      },
      {
        path: 'track',
        lazy: () => import('./public/pages/report-track-page.tsx').then((m) => ({ Component: m.ReportTrackPage })),
      },
    ],
  },
];
