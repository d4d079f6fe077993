import type { RouteObject } from 'react-router';

/**
 * 双重预防 pages under /dual (inside the signed-in layout). Every page loads on demand; each part of the module adds its
 * routes in its own section below. The phone's offline check pages are registered by the check part.
 */
export const dualRoutes: RouteObject[] = [
  // risk side
  { path: 'risks', lazy: () => import('./risk/risk-page.tsx').then((m) => ({ Component: m.RiskPage })) },
  // posts and cards
  // check tasks and records
  // small venues
  // oversight
];

/** Cards opened from their QR codes without an account (风险告知卡, 两单两卡). */
export const dualPublicRoutes: RouteObject[] = [
  // risk side
  // posts and cards
];
