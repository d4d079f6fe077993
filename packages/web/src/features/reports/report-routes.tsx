import type { RouteObject } from 'react-router';

/**
 * 举报 pages under /reports (inside the signed-in layout). Every page loads on demand; each part of the module adds its
 * routes in its own section below.
 */
export const reportRoutes: RouteObject[] = [
  // handling
  // rewards
  {
    path: 'rewards',
    handle: { crumb: '奖励台账' },
    lazy: () => import('./pages/reward-ledger-page.tsx').then((m) => ({ Component: m.RewardLedgerPage })),
  },
  // statistics
];

/** The reporter's pages: /report, /report/e/:publicCode, /report/track (no account). */
export const reportPublicRoutes: RouteObject[] = [
  // public intake
];
