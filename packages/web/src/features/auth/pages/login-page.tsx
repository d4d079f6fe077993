import { type FormEvent, useRef, useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { errorMessage } from '../../../lib/api-client.ts';
import { type LoginReason, loginReasonText, safeRedirect, useSession } from '../../../lib/session.ts';
import { useLogin } from '../api.ts';
import { EyeIcon, LockIcon, UserIcon } from '../components/auth-icons.tsx';
import { AuthScreen } from '../components/auth-screen.tsx';

type Field = 'username' | 'password';
type FieldErrors = Partial<Record<Field, string>>;

type LoginSchema = typeof import('../login-schema.ts');
let schemaLoad: Promise<LoginSchema | null> | undefined;

/** Starts loading the schema (once); null when it cannot be loaded — the server checks the same schema anyway. */
function loadSchema(): Promise<LoginSchema | null> {
  schemaLoad ??= import('../login-schema.ts').catch(() => {
    schemaLoad = undefined;
    return null;
  });
  return schemaLoad;
}

function isReason(value: string | null): value is LoginReason {
  return value !== null && value in loginReasonText;
}

/**
 * 登录. Plain HTML styled like antd's form (auth-screen.css): this page is in the entry chunk, and antd would triple
 * what a phone downloads before it can sign in. It validates with core's `loginBody`, the schema the server uses,
 * fetched while the user types.
 */
export function LoginPage({ onSubmitted }: { onSubmitted?: () => void }) {
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const session = useSession();
  const login = useLogin();
  const passwordRef = useRef<HTMLInputElement>(null);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [showPassword, setShowPassword] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const redirect = safeRedirect(searchParams.get('redirect'));
  const reason = searchParams.get('reason');

  if (session.data && !login.isPending) return <Navigate to={redirect} replace />;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (login.isPending) return;
    const schema = await loadSchema();
    const parsed = schema ? schema.loginBody.safeParse({ username, password }) : { success: true as const, data: { username, password } };
    if (!parsed.success) {
      const next: FieldErrors = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0];
        if ((field === 'username' || field === 'password') && !next[field]) next[field] = issue.message;
      }
      setErrors(next);
      return;
    }
    setErrors({});
    login.mutate(parsed.data, {
      onSuccess: () => navigate(redirect, { replace: true }),
      onError: () => {
        setPassword('');
        passwordRef.current?.focus();
      },
    });
    // After the sign-in request has gone out, so it does not queue behind what onSubmitted downloads.
    if (onSubmitted) setTimeout(onSubmitted, 0);
  };

  const edit = (field: Field, value: string) => {
    void loadSchema();
    if (field === 'username') setUsername(value);
    else setPassword(value);
    if (errors[field]) setErrors({ ...errors, [field]: undefined });
  };

  const notice = login.isError ? null : isReason(reason) ? loginReasonText[reason] : null;

  return (
    <AuthScreen
      footer={
        <>
          安治 AnZhi · 开源安全生产治理平台 ·{' '}
          <Link to="/report" className="login-footer-link" data-testid="login-report-link">
            我要举报
          </Link>
        </>
      }
    >
      {login.isError ? (
        <div className="auth-alert auth-alert-error" role="alert" data-testid="login-error">
          {errorMessage(login.error)}
        </div>
      ) : null}
      {notice ? (
        <div
          className={`auth-alert ${reason === 'expired' ? 'auth-alert-warning' : 'auth-alert-info'}`}
          role="status"
          data-testid="login-notice"
        >
          {notice}
        </div>
      ) : null}
      <form className="auth-form" onSubmit={(e) => void onSubmit(e)} aria-label="登录" noValidate>
        <div className="auth-field">
          <label htmlFor="login-username">用户名</label>
          <div className={`auth-input${errors.username ? ' auth-input-error' : ''}`}>
            <UserIcon />
            <input
              id="login-username"
              name="username"
              value={username}
              onChange={(e) => edit('username', e.target.value)}
              placeholder="请输入用户名"
              autoComplete="username"
              autoCapitalize="none"
              autoCorrect="off"
              spellCheck={false}
              // biome-ignore lint/a11y/noAutofocus: the page's only purpose is this form
              autoFocus
              aria-invalid={!!errors.username}
              aria-describedby={errors.username ? 'login-username-error' : undefined}
              data-testid="login-username"
            />
          </div>
          {errors.username ? (
            <div className="auth-field-error" id="login-username-error" role="alert">
              {errors.username}
            </div>
          ) : null}
        </div>
        <div className="auth-field">
          <label htmlFor="login-password">密码</label>
          <div className={`auth-input${errors.password ? ' auth-input-error' : ''}`}>
            <LockIcon />
            <input
              id="login-password"
              name="password"
              ref={passwordRef}
              type={showPassword ? 'text' : 'password'}
              value={password}
              onChange={(e) => edit('password', e.target.value)}
              placeholder="请输入密码"
              autoComplete="current-password"
              aria-invalid={!!errors.password}
              aria-describedby={errors.password ? 'login-password-error' : undefined}
              data-testid="login-password"
            />
            <button
              type="button"
              className="auth-input-toggle"
              onClick={() => setShowPassword((v) => !v)}
              aria-label={showPassword ? '隐藏密码' : '显示密码'}
              aria-pressed={showPassword}
            >
              <EyeIcon open={showPassword} />
            </button>
          </div>
          {errors.password ? (
            <div className="auth-field-error" id="login-password-error" role="alert">
              {errors.password}
            </div>
          ) : null}
        </div>
        <button type="submit" className="auth-submit" disabled={login.isPending} aria-busy={login.isPending} data-testid="login-submit">
          {login.isPending ? <span className="boot-spin-dot" aria-hidden="true" /> : null}
          登录
        </button>
      </form>
    </AuthScreen>
  );
}
