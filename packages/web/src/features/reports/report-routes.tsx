import type { RouteObject } from 'react-router';

/**
 * 举报 pages under /reports (inside the signed-in layout). Every page loads on demand; each part of the module adds its
 * routes in its own section below.
 */
export const reportRoutes: RouteObject[] = [
  // handling
  // rewards
  // statistics
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
