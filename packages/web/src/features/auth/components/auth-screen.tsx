import type { ReactNode } from 'react';
import './auth-screen.css';

/**
 * The branded full-screen card around the login and forced change-password forms. Plain HTML: the login page is in
 * the entry chunk and must not pull antd in (see app/router.tsx).
 */
export function AuthScreen({ children, footer }: { children: ReactNode; footer?: ReactNode }) {
  return (
    <main className="login-screen">
      <div style={{ width: '100%', maxWidth: 400 }}>
        <section className="login-card">
          <div className="login-brand">
            <img src="/favicon.svg" alt="" width={48} height={48} />
            <h1>安治</h1>
            <p className="login-subtitle">乡镇（街道）安全生产治理平台</p>
          </div>
          {children}
        </section>
        {footer ? <div className="login-footer">{footer}</div> : null}
      </div>
    </main>
  );
}
