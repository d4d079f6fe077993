import type { RouteObject } from 'react-router';

/**
 * 举报 pages under /reports (inside the signed-in layout). Every page loads on demand; each part of the module adds its
 * routes in its own section below.
 */
export const reportRoutes: RouteObject[] = [
  // handling
  // rewards
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
];
