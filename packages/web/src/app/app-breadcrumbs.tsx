import { Breadcrumb } from 'antd';
import { Link, useLocation, useMatches } from 'react-router';
import { routeHandle } from './route-handle.ts';

/** 工作台 / 系统管理 / 成员单位 — from the `crumb` each matched route declares. */
export function AppBreadcrumbs() {
  const matches = useMatches();
  const { pathname } = useLocation();
  const crumbs = matches.map((m) => ({ path: m.pathname, ...routeHandle(m.handle) })).filter((m) => m.crumb && m.path !== '/');
  const items = [
    { title: pathname === '/' ? '工作台' : <Link to="/">工作台</Link> },
    ...crumbs.map((c, i) => ({
      title: c.linkable !== false && i < crumbs.length - 1 ? <Link to={c.path}>{c.crumb}</Link> : c.crumb,
    })),
  ];
  return <Breadcrumb items={items} className="app-breadcrumbs" />;
}
