import type { RouteObject } from 'react-router';

/**
 * 执法检查 pages under /enforcement (inside the signed-in layout). Every page loads on demand; each part of the module
 * adds its routes in its own section below.
 */
export const enforcementRoutes: RouteObject[] = [
  // 名录库 and 双随机 draws
  // the yearly plan
  // on-site checks
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
