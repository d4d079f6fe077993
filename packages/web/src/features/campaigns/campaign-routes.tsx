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

const phoneLayout = () => import('./phone/campaign-phone-layout.tsx').then((m) => ({ Component: m.CampaignPhoneLayout }));

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
  // field checks: the phone's offline pages (ADR 0025), one outbox with the dual-prevention pages
  {
    path: 'm',
    handle: { crumb: '专项检查', permission: 'campaign.check' },
    lazy: phoneLayout,
    children: [
      { index: true, lazy: () => import('./phone/campaign-tasks-page.tsx').then((m) => ({ Component: m.CampaignTasksPage })) },
      {
        path: 'check/:roundId/:targetKey',
        handle: { crumb: '记录检查', permission: 'campaign.check' },
        lazy: () => import('./phone/check-form-page.tsx').then((m) => ({ Component: m.CampaignCheckFormPage })),
      },
    ],
  },
];

/** /o/:code — what a QR label on an object opens (top level: the address printed on the label is short). */
export const labelRoutes: RouteObject[] = [
  {
    path: 'o/:code',
    handle: { crumb: '扫码检查', permission: 'campaign.check' },
    lazy: phoneLayout,
    children: [{ index: true, lazy: () => import('./phone/label-landing-page.tsx').then((m) => ({ Component: m.LabelLandingPage })) }],
  },
];
