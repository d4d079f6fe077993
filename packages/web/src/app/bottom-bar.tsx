import { CheckSquareOutlined, FileProtectOutlined, FormOutlined, HomeOutlined, UserOutlined } from '@ant-design/icons';
import type { CurrentUser, Role } from '@anzhi/core';
import { Badge } from 'antd';
import { type ReactNode, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { useTodoCount } from '../features/todos/api.ts';
import { hasPermission, useCurrentUser } from '../lib/session.ts';
import { MineSheet } from './mine-sheet.tsx';

/** Roles whose work happens on a phone, outdoors: they get the app-like bottom bar below 768px. */
const fieldRoles: readonly Role[] = ['village', 'inspector', 'enterprise', 'unit'];

export function wantsBottomBar(user: CurrentUser): boolean {
  return user.roles.some((r) => fieldRoles.includes(r));
}

interface Tab {
  key: string;
  label: string;
  icon: ReactNode;
  to?: string;
  active: boolean;
  badge?: number;
  testId: string;
}

/** 首页 / 待办 / 排查 / 登记 / 我的 — large targets, above the phone's home indicator (safe-area padding). */
export function BottomBar() {
  const user = useCurrentUser();
  const { pathname } = useLocation();
  const [mineOpen, setMineOpen] = useState(false);
  const todoCount = useTodoCount();
  const canReport = hasPermission(user, 'hazard.report');
  const isEnterprise = user.roles.includes('enterprise');
  // The offline check pages (双重预防): an enterprise's 今日排查, a grid worker's 小场所巡查.
  const checkPath = hasPermission(user, 'dual.check')
    ? isEnterprise
      ? '/dual/m/checks'
      : user.roles.includes('village')
        ? '/dual/m/patrols'
        : undefined
    : undefined;

  const tabs: Tab[] = [
    { key: 'home', label: '首页', icon: <HomeOutlined />, to: '/', active: pathname === '/', testId: 'tab-home' },
    {
      key: 'todos',
      label: '待办',
      icon: <CheckSquareOutlined />,
      to: '/todos',
      active: pathname.startsWith('/todos'),
      badge: todoCount,
      testId: 'tab-todos',
    },
    ...(checkPath
      ? [
          {
            key: 'checks',
            label: isEnterprise ? '排查' : '巡查',
            icon: <FileProtectOutlined />,
            to: checkPath,
            active: pathname.startsWith('/dual/m/'),
            testId: 'tab-checks',
          },
        ]
      : []),
    ...(canReport
      ? [
          {
            key: 'report',
            // An enterprise registers what its own check found (自查自报); the page fixes the channel for it.
            label: isEnterprise ? '自查上报' : '登记',
            icon: <FormOutlined />,
            to: '/hazards/new',
            active: pathname === '/hazards/new',
            testId: 'tab-report',
          },
        ]
      : []),
    { key: 'mine', label: '我的', icon: <UserOutlined />, active: mineOpen, testId: 'tab-mine' },
  ];

  return (
    <>
      <nav className="bottom-bar" aria-label="主导航" data-testid="bottom-bar">
        {tabs.map((t) => {
          const body = (
            <>
              <Badge count={t.badge ?? 0} size="small" overflowCount={99} offset={[6, 0]}>
                <span className="bottom-bar-icon">{t.icon}</span>
              </Badge>
              <span className="bottom-bar-label">{t.label}</span>
            </>
          );
          const className = `bottom-bar-item${t.active ? ' bottom-bar-item-active' : ''}`;
          return t.to ? (
            <Link key={t.key} to={t.to} className={className} data-testid={t.testId} aria-current={t.active ? 'page' : undefined}>
              {body}
            </Link>
          ) : (
            <button key={t.key} type="button" className={className} data-testid={t.testId} onClick={() => setMineOpen(true)}>
              {body}
            </button>
          );
        })}
      </nav>
      <MineSheet open={mineOpen} onClose={() => setMineOpen(false)} />
    </>
  );
}
