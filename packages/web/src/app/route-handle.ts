import type { Permission } from '@anzhi/core';

/** What a route tells the layout: its breadcrumb, whether the crumb links somewhere, who may open it. */
export interface RouteHandle {
  crumb?: string;
  linkable?: boolean;
  permission?: Permission;
  /** The page has its own bottom action bar on phones (a form's submit, a hazard's next step): no tab bar there. */
  ownActionBar?: boolean;
}

export function routeHandle(value: unknown): RouteHandle {
  return typeof value === 'object' && value !== null ? (value as RouteHandle) : {};
}
