import type { RouteObject } from 'react-router';

/**
 * 专项台账 pages under /ledgers and 专项整治 pages under /campaigns (inside the signed-in layout). Every page loads on
 * demand; each part of the module adds its routes in its own section below. The phone's offline check pages and the
 * QR label's landing page are registered by the field-check part.
 */
export const ledgerRoutes: RouteObject[] = [
  // object ledgers
  { index: true, lazy: () => import('./ledgers/ledgers-page.tsx').then((m) => ({ Component: m.LedgersPage })) },
  {
    path: 'types',
    handle: { crumb: '台账类型', permission: 'ledger.types' },
    lazy: () => import('./ledgers/types-page.tsx').then((m) => ({ Component: m.LedgerTypesPage })),
  },
];

export const campaignRoutes: RouteObject[] = [
  // campaigns
  // field checks
];
