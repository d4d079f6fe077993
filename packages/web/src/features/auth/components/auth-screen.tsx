import { Card } from 'antd';
import type { ReactNode } from 'react';

/** The branded full-screen card around the login and forced change-password forms. */
export function AuthScreen({ children, footer }: { children: ReactNode; footer?: ReactNode }) {
  return (
    <main className="login-screen">
      <div style={{ width: '100%', maxWidth: 400 }}>
        <Card className="login-card">
          <div className="login-brand">
            <img src="/favicon.svg" alt="" width={48} height={48} />
            <h1>安治</h1>
            <p className="login-subtitle">乡镇（街道）安全生产治理平台</p>
          </div>
          {children}
        </Card>
        {footer ? <div className="login-footer">{footer}</div> : null}
      </div>
    </main>
  );
}
