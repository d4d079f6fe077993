import { lazy, Suspense } from 'react';
import { BootSpin } from './boot-spin.tsx';

// The error page is drawn with antd; loaded only when a page actually fails, so the entry chunk stays small.
const ErrorPage = lazy(() =>
  Promise.all([import('./route-error-page.tsx'), import('./providers.tsx')]).then(([page, providers]) => ({
    default: () => (
      <providers.AntdProviders>
        <page.RouteErrorPage />
      </providers.AntdProviders>
    ),
  })),
);

/** The root route's error boundary (a failure on the login page, or before the antd shell has loaded). */
export function RootErrorBoundary() {
  return (
    <Suspense fallback={<BootSpin />}>
      <ErrorPage />
    </Suspense>
  );
}
