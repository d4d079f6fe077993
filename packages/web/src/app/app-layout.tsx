import { MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Layout, Menu, Result } from 'antd';
import { Suspense, useEffect, useState } from 'react';
import { Link, Outlet, useLocation, useMatches, useNavigation } from 'react-router';
import { NotificationBell } from '../features/notifications/components/notification-bell.tsx';
import { hasPermission, useCurrentUser } from '../lib/session.ts';
import { useIsMobile } from '../lib/use-is-mobile.ts';
import { AppBreadcrumbs } from './app-breadcrumbs.tsx';
import { BottomBar, wantsBottomBar } from './bottom-bar.tsx';
import { FullPageSpin } from './full-page-spin.tsx';
import { menuItemsFor, openMenuKeys, selectedMenuKey } from './menu-items.tsx';
import { routeHandle } from './route-handle.ts';
import { UserMenu } from './user-menu.tsx';

function Brand({ collapsed }: { collapsed?: boolean }) {
  return (
    <Link to="/" className="app-brand">
      <img src="/favicon.svg" alt="" width={28} height={28} />
      {collapsed ? null : (
        <span className="app-brand-text">
          <strong>安治</strong>
          <small>安全生产治理平台</small>
        </span>
      )}
    </Link>
  );
}

function AppMenu({ onNavigate }: { onNavigate?: () => void }) {
  const user = useCurrentUser();
  const { pathname } = useLocation();
  const [openKeys, setOpenKeys] = useState(() => openMenuKeys(pathname));
  // A page reached by a link (a 待办, a plan's 五色图) opens its group, so its selected item is visible.
  useEffect(() => {
    const groups = openMenuKeys(pathname);
    setOpenKeys((open) => (groups.every((k) => open.includes(k)) ? open : [...open, ...groups]));
  }, [pathname]);
  return (
    <Menu
      theme="dark"
      mode="inline"
      items={menuItemsFor(user)}
      // The page's own path too: an enterprise account's 本企业档案 item is keyed by its enterprise's page.
      selectedKeys={[selectedMenuKey(pathname), pathname]}
      openKeys={openKeys}
      onOpenChange={setOpenKeys}
      onClick={onNavigate}
    />
  );
}

/** A page the menu would not offer: say so rather than show an empty page of 403 errors. */
function useMissingPermission(): boolean {
  const user = useCurrentUser();
  const matches = useMatches();
  return matches.some((m) => {
    const { permission } = routeHandle(m.handle);
    return permission !== undefined && !hasPermission(user, permission);
  });
}

export function AppLayout() {
  const isMobile = useIsMobile();
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const navigation = useNavigation();
  const forbidden = useMissingPermission();
  const user = useCurrentUser();
  const matches = useMatches();
  const ownActionBar = matches.some((m) => routeHandle(m.handle).ownActionBar);
  // Like a phone app: the tab bar on the main pages, not over a page's own action bar (登记's submit, a hazard's step).
  const bottomBar = isMobile && wantsBottomBar(user) && !ownActionBar;

  useEffect(() => {
    if (!isMobile) setDrawerOpen(false);
  }, [isMobile]);

  return (
    <Layout className={`app-layout${bottomBar ? ' has-bottom-bar' : ''}`}>
      {isMobile ? (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={256}
          closable={false}
          className="app-menu-drawer"
          styles={{ body: { padding: 0 } }}
        >
          <Brand />
          <AppMenu onNavigate={() => setDrawerOpen(false)} />
        </Drawer>
      ) : (
        <Layout.Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} width={220} className="app-sider">
          <Brand collapsed={collapsed} />
          <AppMenu />
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header className="app-header">
          {isMobile ? (
            <Button
              type="text"
              icon={<MenuOutlined />}
              aria-label="打开菜单"
              data-testid="menu-toggle"
              onClick={() => setDrawerOpen(true)}
            />
          ) : null}
          <div className="app-header-crumbs">
            <AppBreadcrumbs />
          </div>
          <NotificationBell />
          <UserMenu compact={isMobile} />
        </Layout.Header>
        {navigation.state === 'loading' ? <div className="app-progress" aria-hidden /> : null}
        <Layout.Content className="app-content">
          {forbidden ? (
            <Result status="403" title="没有权限" subTitle="您的账号无权访问此页面，如需开通请联系安委办或系统管理员。" />
          ) : (
            <Suspense fallback={<FullPageSpin />}>
              <Outlet />
            </Suspense>
          )}
        </Layout.Content>
        {bottomBar ? <BottomBar /> : null}
      </Layout>
    </Layout>
  );
}
