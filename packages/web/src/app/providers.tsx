import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
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

export function Providers({ queryClient, children }: { queryClient: QueryClient; children: ReactNode }) {
  return (
    <ConfigProvider locale={zhCN} theme={theme} button={{ autoInsertSpace: false }}>
      <AntApp className="app-root">
        <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
