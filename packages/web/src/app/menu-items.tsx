import {
  AimOutlined,
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  BookOutlined,
  CalendarOutlined,
  ControlOutlined,
  DashboardOutlined,
  FileDoneOutlined,
  FlagOutlined,
  FormOutlined,
  ScheduleOutlined,
  SettingOutlined,
  ShopOutlined,
  TableOutlined,
  TeamOutlined,
  TrophyOutlined,
  UnorderedListOutlined,
  UploadOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { CurrentUser, Permission, Role } from '@anzhi/core';
import type { MenuProps } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { TodoBadge } from '../features/todos/components/todo-badge.tsx';
import { hasPermission } from '../lib/session.ts';

interface MenuEntry {
  path: string;
  label: string;
  icon: ReactNode;
  permission?: Permission;
  /** Shown only to users holding this role. */
  role?: Role;
  /** A live count beside the label. */
  badge?: ReactNode;
}

interface MenuGroup {
  key: string;
  label: string;
  icon: ReactNode;
  children: MenuEntry[];
}

const menu: Array<MenuEntry | MenuGroup> = [
  { path: '/', label: '工作台', icon: <DashboardOutlined />, permission: 'dashboard.read' },
  { path: '/todos', label: '待办', icon: <ScheduleOutlined />, permission: 'dashboard.read', badge: <TodoBadge /> },
  {
    key: 'enterprises',
    label: '企业台账',
    icon: <ShopOutlined />,
    children: [
      { path: '/enterprises', label: '企业列表', icon: <UnorderedListOutlined />, permission: 'enterprise.read' },
      { path: '/enterprises/stats', label: '统计分析', icon: <BarChartOutlined />, permission: 'enterprise.read' },
    ],
  },
  {
    key: 'hazards',
    label: '隐患排查治理',
    icon: <AlertOutlined />,
    children: [
      { path: '/hazards', label: '隐患台账', icon: <UnorderedListOutlined />, permission: 'hazard.read' },
      { path: '/hazards/new', label: '登记隐患', icon: <FormOutlined />, permission: 'hazard.report' },
      { path: '/hazards/stats', label: '统计分析', icon: <BarChartOutlined />, permission: 'hazard.read' },
      { path: '/hazards/checks', label: '举一反三排查', icon: <AimOutlined />, permission: 'hazard.read' },
      { path: '/hazards/reports', label: '季报年报', icon: <FileDoneOutlined />, permission: 'hazard.read', role: 'enterprise' },
    ],
  },
  {
    key: 'plans',
    label: '行动方案',
    icon: <FlagOutlined />,
    children: [
      { path: '/plans', label: '方案进度', icon: <TableOutlined />, permission: 'plan.read' },
      { path: '/plans/dispatch', label: '月调度', icon: <CalendarOutlined />, permission: 'plan.report' },
      { path: '/plans/rankings', label: '五色图', icon: <TrophyOutlined />, permission: 'plan.read' },
      { path: '/plans/import', label: '导入方案', icon: <UploadOutlined />, permission: 'plan.manage' },
    ],
  },
  {
    key: 'admin',
    label: '系统管理',
    icon: <SettingOutlined />,
    children: [
      { path: '/admin/regions', label: '行政区划', icon: <ApartmentOutlined />, permission: 'region.read' },
      { path: '/admin/units', label: '成员单位', icon: <TeamOutlined />, permission: 'unit.read' },
      { path: '/admin/users', label: '用户管理', icon: <UserOutlined />, permission: 'user.read' },
      { path: '/admin/criteria', label: '判定标准库', icon: <BookOutlined />, permission: 'criteria.read' },
      { path: '/admin/settings', label: '系统设置', icon: <ControlOutlined />, permission: 'settings.read' },
      { path: '/admin/audit', label: '审计日志', icon: <AuditOutlined />, permission: 'audit.read' },
    ],
  },
];

type MenuItem = Required<MenuProps>['items'][number];

function entryItem(e: MenuEntry): MenuItem {
  return {
    key: e.path,
    icon: e.icon,
    label: (
      <Link to={e.path}>
        {e.label}
        {e.badge}
      </Link>
    ),
  };
}

/** The menu shows only what the user may open; the server enforces the same permissions anyway. */
export function menuItemsFor(user: CurrentUser): MenuItem[] {
  const allowed = (e: MenuEntry) => (!e.permission || hasPermission(user, e.permission)) && (!e.role || user.roles.includes(e.role));
  return menu.flatMap((entry): MenuItem[] => {
    if (!('children' in entry)) return allowed(entry) ? [entryItem(entry)] : [];
    const children = entry.children.filter(allowed).map(entryItem);
    return children.length ? [{ key: entry.key, icon: entry.icon, label: entry.label, children }] : [];
  });
}

/** The menu key of the page at `pathname`: the longest menu path it starts with. */
export function selectedMenuKey(pathname: string): string {
  const paths = menu.flatMap((e) => ('children' in e ? e.children.map((c) => c.path) : [e.path]));
  const hits = paths.filter((p) => (p === '/' ? pathname === '/' : pathname === p || pathname.startsWith(`${p}/`)));
  return hits.sort((a, b) => b.length - a.length)[0] ?? '';
}

export function openMenuKeys(pathname: string): string[] {
  if (pathname.startsWith('/enterprises')) return ['enterprises'];
  if (pathname.startsWith('/hazards')) return ['hazards'];
  if (pathname.startsWith('/plans')) return ['plans'];
  return pathname.startsWith('/admin') ? ['admin'] : [];
}
