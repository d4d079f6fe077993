import { lazy, Suspense } from 'react';
import { BootSpin } from './boot-spin.tsx';

// The error page is drawn with antd (Result); it loads only when a page actually fails, so neither the entry chunk
// nor the first screen after sign-in downloads it.
const RouteErrorPage = lazy(() => import('./route-error-page.tsx').then((m) => ({ default: m.RouteErrorPage })));
const RouteErrorPageWithAntd = lazy(() =>
  Promise.all([import('./route-error-page.tsx'), import('./providers.tsx')]).then(([page, providers]) => ({
    default: () => (
      <providers.AntdProviders>
        <page.RouteErrorPage />
      </providers.AntdProviders>
    ),
  })),
);

/** The error boundary outside antd's providers: the root route (the login page) and the antd shell route. */
export function RootErrorBoundary() {
  return (
    <Suspense fallback={<BootSpin />}>
      <RouteErrorPageWithAntd />
    </Suspense>
  );
}

/** The error boundary of routes inside the antd shell. */
export function RouteErrorBoundary() {
  return (
    <Suspense fallback={<BootSpin />}>
      <RouteErrorPage />
    </Suspense>
  );
}
