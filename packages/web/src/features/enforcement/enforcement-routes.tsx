import type { RouteObject } from 'react-router';

/**
 * 执法检查 pages under /enforcement (inside the signed-in layout). Every page loads on demand; each part of the module
 * adds its routes in its own section below.
 */
export const enforcementRoutes: RouteObject[] = [
  // 名录库 and 双随机 draws
  // the yearly plan
  // on-site checks
  {
    path: 'checks',
    handle: { crumb: '现场检查' },
    children: [
      { index: true, lazy: () => import('./checks/check-list-page.tsx').then((m) => ({ Component: m.CheckListPage })) },
      {
        path: ':id',
        handle: { crumb: '检查记录' },
        lazy: () => import('./checks/check-page.tsx').then((m) => ({ Component: m.CheckPage })),
      },
    ],
  },
  // 执法三部曲: orders, documents, penalty cases
  // statistics
];

/** Pages without login (outside the antd shell's session guard): the published draws. */
export const enforcementPublicRoutes: RouteObject[] = [
  // public draw page
];
