import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { installAuthFailureHandler } from './app/auth-failure.ts';
import { BootSpin } from './app/boot-spin.tsx';
import { createQueryClient } from './app/query-client.ts';
import { createAppRouter } from './app/router.tsx';
import { sendVisitorToLogin } from './lib/session.ts';
import './app/app.css';

const queryClient = createQueryClient();
installAuthFailureHandler(queryClient);

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');
const root = createRoot(container);
root.render(<BootSpin />);

// antd's providers sit in the lazily loaded shell route (app/antd-shell.tsx), not here: the login page needs none.
void sendVisitorToLogin(queryClient, window.location).then(() => {
  const router = createAppRouter(queryClient);
  root.render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </StrictMode>,
  );
});
