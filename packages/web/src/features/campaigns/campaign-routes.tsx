import type { RouteObject } from 'react-router';

/**
 * 专项台账 pages under /ledgers and 专项整治 pages under /campaigns (inside the signed-in layout). Every page loads on
 * demand; each part of the module adds its routes in its own section below. The phone's offline check pages and the
 * QR label's landing page are registered by the field-check part.
 */
export const ledgerRoutes: RouteObject[] = [
  // object ledgers
];

const phoneLayout = () => import('./phone/campaign-phone-layout.tsx').then((m) => ({ Component: m.CampaignPhoneLayout }));

export const campaignRoutes: RouteObject[] = [
  // campaigns
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
