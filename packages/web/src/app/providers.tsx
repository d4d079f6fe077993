import { App as AntApp, ConfigProvider, type ThemeConfig } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { ReactNode } from 'react';

dayjs.locale('zh-cn');

const theme: ThemeConfig = {
  token: { colorPrimary: '#1f4e9c', borderRadius: 6 },
  components: {
    Layout: { siderBg: '#0f2747', triggerBg: '#0b1e38' },
    Menu: { darkItemBg: '#0f2747', darkSubMenuItemBg: '#0b1e38' },
  },
};

/**
 * Ant Design's theme, Chinese locale and message/modal context. Only the pages after sign-in load it (see
 * `antd-shell.tsx`): the login page is plain HTML, so a phone does not download antd before it can sign in.
 */
export function AntdProviders({ children }: { children: ReactNode }) {
  return (
    <ConfigProvider locale={zhCN} theme={theme} button={{ autoInsertSpace: false }}>
      <AntApp className="app-root">{children}</AntApp>
    </ConfigProvider>
  );
}
