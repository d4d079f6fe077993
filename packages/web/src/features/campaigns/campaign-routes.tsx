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
  { index: true, lazy: () => import('./campaign/campaign-list-page.tsx').then((m) => ({ Component: m.CampaignListPage })) },
  {
    path: 'new',
    handle: { crumb: '新建专项', permission: 'campaign.manage' },
    lazy: () => import('./campaign/campaign-form-page.tsx').then((m) => ({ Component: m.CampaignCreatePage })),
  },
  {
    path: ':id',
    handle: { crumb: '专项详情' },
    children: [
      { index: true, lazy: () => import('./campaign/campaign-detail-page.tsx').then((m) => ({ Component: m.CampaignDetailPage })) },
      {
        path: 'edit',
        handle: { crumb: '修改专项', permission: 'campaign.manage' },
        lazy: () => import('./campaign/campaign-form-page.tsx').then((m) => ({ Component: m.CampaignEditPage })),
      },
      {
        path: 'objects',
        handle: { crumb: '检查对象清单' },
        lazy: () => import('./campaign/campaign-objects-page.tsx').then((m) => ({ Component: m.CampaignObjectsPage })),
      },
    ],
  },
  // field checks
];
