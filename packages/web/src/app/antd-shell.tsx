import { Outlet } from 'react-router';
import { AntdProviders } from './providers.tsx';

/** The lazily loaded route above every antd page: its chunk carries antd's runtime, theme and locale. */
export function AntdShell() {
  return (
    <AntdProviders>
      <Outlet />
    </AntdProviders>
  );
}
