import {
  AimOutlined,
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  BookOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  ControlOutlined,
  DashboardOutlined,
  FileDoneOutlined,
  FileProtectOutlined,
  FileSearchOutlined,
  FlagOutlined,
  FormOutlined,
  HeatMapOutlined,
  IdcardOutlined,
  InboxOutlined,
  MoneyCollectOutlined,
  NodeIndexOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  SendOutlined,
  SettingOutlined,
  ShopOutlined,
  TableOutlined,
  TeamOutlined,
  TrophyOutlined,
  UnorderedListOutlined,
  UploadOutlined,
  UserOutlined,
  WarningOutlined,
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
  /** Not shown to users holding this role (an enterprise account has its own file, not the registry). */
  notRole?: Role;
  /** Other pages this item stands for (a plan's own 五色图 is under 五色图). */
  alsoSelects?: RegExp;
  /** A live count beside the label. */
  badge?: ReactNode;
}

interface MenuGroup {
  key: string;
  label: string;
  icon: ReactNode;
  children: MenuEntry[];
  /**
   * Shown only to users holding one of these: 系统管理 is for those who manage something, not for accounts that may
   * merely read a few of its lists (村、检查员、企业 read regions or units only as pickers).
   */
  anyOf?: Permission[];
}

/** The management permissions (core permission.rules.ts) that open 系统管理. */
const adminPermissions: Permission[] = ['region.write', 'unit.write', 'user.read', 'settings.read', 'audit.read', 'criteria.manage'];

const criteriaEntry: MenuEntry = { path: '/admin/criteria', label: '判定标准库', icon: <BookOutlined />, permission: 'criteria.read' };

const menu: Array<MenuEntry | MenuGroup> = [
  { path: '/', label: '工作台', icon: <DashboardOutlined />, permission: 'dashboard.read' },
  { path: '/todos', label: '待办', icon: <ScheduleOutlined />, permission: 'dashboard.read', badge: <TodoBadge /> },
  {
    key: 'enterprises',
    label: '企业台账',
    icon: <ShopOutlined />,
    children: [
      { path: '/enterprises', label: '企业列表', icon: <UnorderedListOutlined />, permission: 'enterprise.read', notRole: 'enterprise' },
      { path: '/enterprises/stats', label: '统计分析', icon: <BarChartOutlined />, permission: 'enterprise.read', notRole: 'enterprise' },
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
      {
        path: '/plans/rankings',
        label: '五色图',
        icon: <TrophyOutlined />,
        permission: 'plan.read',
        alsoSelects: /^\/plans\/\d+\/rankings$/,
      },
      { path: '/plans/import', label: '导入方案', icon: <UploadOutlined />, permission: 'plan.manage' },
    ],
  },
  {
    key: 'enforcement',
    label: '执法检查',
    icon: <SafetyCertificateOutlined />,
    children: [
      // 名录库 and 双随机 draws
      {
        path: '/enforcement/draws',
        label: '双随机抽查',
        icon: <NodeIndexOutlined />,
        permission: 'enforcement.read',
        notRole: 'enterprise',
      },
      {
        path: '/enforcement/targets',
        label: '检查对象名录库',
        icon: <ShopOutlined />,
        permission: 'enforcement.read',
        notRole: 'enterprise',
      },
      {
        path: '/enforcement/inspectors',
        label: '执法人员名录库',
        icon: <IdcardOutlined />,
        permission: 'enforcement.read',
        notRole: 'enterprise',
      },
      // the yearly plan
      { path: '/enforcement/plans', label: '年度计划', icon: <CalendarOutlined />, permission: 'enforcement.read', notRole: 'enterprise' },
      // on-site checks
      { path: '/enforcement/checks', label: '现场检查', icon: <FileSearchOutlined />, permission: 'enforcement.read' },
      // 执法三部曲: orders, documents, penalty cases
      { path: '/enforcement/orders', label: '整改指令', icon: <FileDoneOutlined />, permission: 'enforcement.read' },
      { path: '/enforcement/penalties', label: '处罚案件', icon: <AuditOutlined />, permission: 'enforcement.read' },
      // statistics
      { path: '/enforcement/stats', label: '执法统计', icon: <BarChartOutlined />, permission: 'enforcement.read', notRole: 'enterprise' },
    ],
  },
  {
    key: 'reports',
    label: '举报',
    icon: <AlertOutlined />,
    // Shown once a part adds its entries (a group without visible entries is hidden).
    children: [
      // handling
      { path: '/reports', label: '举报受理', icon: <InboxOutlined />, permission: 'report.read' },
      // rewards
      { path: '/reports/rewards', label: '奖励台账', icon: <MoneyCollectOutlined />, permission: 'report.reward' },
      // statistics
      { path: '/reports/stats', label: '举报统计', icon: <BarChartOutlined />, permission: 'report.read' },
    ],
  },
  {
    key: 'dual',
    label: '双重预防',
    icon: <SafetyCertificateOutlined />,
    // Shown once a part adds its entries (a group without visible entries is hidden).
    children: [
      // risk side
      { path: '/dual/risks', label: '风险分级管控', icon: <WarningOutlined />, permission: 'dual.read' },
      // posts and cards
      { path: '/dual/posts', label: '岗位两单两卡', icon: <IdcardOutlined />, permission: 'dual.read' },
      { path: '/dual/map', label: '四色分布图', icon: <HeatMapOutlined />, permission: 'dual.read' },
      // check tasks and records
      { path: '/dual/tasks', label: '排查任务', icon: <ScheduleOutlined />, permission: 'dual.read' },
      { path: '/dual/records', label: '排查记录', icon: <FileSearchOutlined />, permission: 'dual.read' },
      { path: '/dual/m/checks', label: '今日排查', icon: <CheckSquareOutlined />, permission: 'dual.check', role: 'enterprise' },
      // small venues
      { path: '/dual/m/patrols', label: '现场巡查', icon: <FileProtectOutlined />, permission: 'dual.check', role: 'village' },
      { path: '/dual/venues', label: '小场所巡查', icon: <ShopOutlined />, permission: 'dual.read', notRole: 'enterprise' },
      { path: '/dual/venues/coverage', label: '巡查覆盖率', icon: <BarChartOutlined />, permission: 'dual.read', notRole: 'enterprise' },
      // oversight
      { path: '/dual/oversight', label: '双重预防监督', icon: <BarChartOutlined />, permission: 'dual.oversee' },
      { path: '/dual/signals', label: '形式主义提示', icon: <AlertOutlined />, permission: 'dual.oversee' },
    ],
  },
  {
    key: 'campaigns',
    label: '专项整治',
    icon: <FlagOutlined />,
    // Shown once a part adds its entries (a group without visible entries is hidden).
    children: [
      // object ledgers
      { path: '/ledgers', label: '专项台账', icon: <TableOutlined />, permission: 'ledger.read' },
      { path: '/ledgers/types', label: '台账类型', icon: <ControlOutlined />, permission: 'ledger.types' },
      // campaigns
      { path: '/campaigns', label: '专项整治', icon: <FlagOutlined />, permission: 'campaign.read' },
      // field checks
      { path: '/campaigns/m', label: '专项检查', icon: <CheckSquareOutlined />, permission: 'campaign.check' },
    ],
  },
  {
    key: 'admin',
    label: '系统管理',
    icon: <SettingOutlined />,
    anyOf: adminPermissions,
    children: [
      { path: '/admin/regions', label: '行政区划', icon: <ApartmentOutlined />, permission: 'region.read' },
      { path: '/admin/units', label: '成员单位', icon: <TeamOutlined />, permission: 'unit.read' },
      { path: '/admin/users', label: '用户管理', icon: <UserOutlined />, permission: 'user.read' },
      criteriaEntry,
      { path: '/admin/settings', label: '系统设置', icon: <ControlOutlined />, permission: 'settings.read' },
      { path: '/admin/audit', label: '审计日志', icon: <AuditOutlined />, permission: 'audit.read' },
      { path: '/admin/jobs', label: '外发队列', icon: <SendOutlined />, permission: 'job.manage' },
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

function allowedFor(user: CurrentUser) {
  return (e: MenuEntry) =>
    (!e.permission || hasPermission(user, e.permission)) &&
    (!e.role || user.roles.includes(e.role)) &&
    (!e.notRole || !user.roles.includes(e.notRole));
}

function groupShown(user: CurrentUser, g: MenuGroup): boolean {
  return !g.anyOf || g.anyOf.some((p) => hasPermission(user, p));
}

/** An enterprise account's own file (一企一档), in place of the registry it may not browse. */
function ownEnterpriseEntry(user: CurrentUser): MenuEntry | null {
  if (!user.roles.includes('enterprise') || user.enterpriseId == null) return null;
  return { path: `/enterprises/${user.enterpriseId}`, label: '本企业档案', icon: <ShopOutlined />, permission: 'enterprise.read' };
}

/**
 * The menu shows only what the user may open: each item's permission is the one its page's endpoint requires (core
 * permission.rules.ts — the server checks the same). 系统管理 only for those who manage something; others who may
 * read the 判定标准库 find it under 隐患排查治理.
 */
export function menuItemsFor(user: CurrentUser): MenuItem[] {
  const allowed = allowedFor(user);
  const adminShown = menu.some((e) => 'children' in e && e.key === 'admin' && groupShown(user, e));
  const own = ownEnterpriseEntry(user);
  return menu.flatMap((entry): MenuItem[] => {
    if (!('children' in entry)) return allowed(entry) ? [entryItem(entry)] : [];
    if (!groupShown(user, entry)) return [];
    let entries = entry.children;
    if (entry.key === 'hazards' && !adminShown) entries = [...entries, criteriaEntry];
    if (entry.key === 'enterprises' && own && allowed(own)) return [entryItem(own)];
    const children = entries.filter(allowed).map(entryItem);
    return children.length ? [{ key: entry.key, icon: entry.icon, label: entry.label, children }] : [];
  });
}

/** The menu key of the page at `pathname`: an item that stands for it, else the longest menu path it starts with. */
export function selectedMenuKey(pathname: string): string {
  const entries = menu.flatMap((e) => ('children' in e ? e.children : [e]));
  const alias = entries.find((e) => e.alsoSelects?.test(pathname));
  if (alias) return alias.path;
  const paths = entries.map((e) => e.path);
  const hits = paths.filter((p) => (p === '/' ? pathname === '/' : pathname === p || pathname.startsWith(`${p}/`)));
  return hits.sort((a, b) => b.length - a.length)[0] ?? '';
}

export function openMenuKeys(pathname: string): string[] {
  if (pathname.startsWith('/enterprises')) return ['enterprises'];
  if (pathname.startsWith('/hazards')) return ['hazards'];
  if (pathname.startsWith('/plans')) return ['plans'];
  if (pathname.startsWith('/enforcement')) return ['enforcement'];
  if (pathname.startsWith('/reports')) return ['reports'];
  if (pathname.startsWith('/dual')) return ['dual'];
  if (pathname.startsWith('/campaigns') || pathname.startsWith('/ledgers')) return ['campaigns'];
  if (pathname.startsWith('/admin/criteria')) return ['admin', 'hazards'];
  return pathname.startsWith('/admin') ? ['admin'] : [];
}
