import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useErrorText } from '../../../app/errors';
import { LOCALES, toLocale } from '../../../app/i18n';
import { InlineMessage, Spinner } from '../../../ui/States';
import { useSession } from '../hooks/useSession';

interface LocationState {
  from?: string;
  reason?: 'expired' | 'loggedOut';
}

export function LoginPage() {
  const { t, i18n } = useTranslation();
  const { state, login, setLocale } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const describeError = useErrorText();
  const from = (location.state as LocationState | null)?.from ?? '/';
  const reason = (location.state as LocationState | null)?.reason;
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<{ title: string; detail?: string } | null>(null);

  if (state.status === 'authenticated') return <Navigate to={from} replace />;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!email.trim() || !password) {
      setFailure({ title: t('login.missing') });
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      const errors = await login(email.trim(), password);
      if (errors.length) {
        const code = errors[0].code;
        setFailure({
          title:
            code === 'INVALID_CREDENTIALS' || code === 'LOGIN_THROTTLED' ? t(`userErrors.${code}`) : t('login.failed'),
          detail: errors[0].message,
        });
      } else {
        navigate(from, { replace: true });
      }
    } catch (err) {
      const { title, requestId } = describeError(err);
      setFailure({ title, detail: requestId ? `${t('errors.requestId')}: ${requestId}` : undefined });
    } finally {
      setBusy(false);
    }
  };

  const current = toLocale(i18n.resolvedLanguage ?? i18n.language);
  return (
    <div className="login-screen">
      <main className="login-card" aria-labelledby="login-title">
        <div className="login-brand">
          <svg width="36" height="36" viewBox="0 0 32 32" aria-hidden="true">
            <rect width="32" height="32" rx="7" fill="#1d4ed8" />
            <path d="M8 11h16M8 16h11M8 21h7" stroke="white" strokeWidth="3" strokeLinecap="round" />
          </svg>
          <div>
            <h1 id="login-title">{t('app.name')}</h1>
            <p className="muted">{t('login.subtitle')}</p>
          </div>
        </div>
        {reason === 'expired' && !failure && <InlineMessage tone="info" title={t('login.sessionExpired')} />}
        {reason === 'loggedOut' && !failure && <InlineMessage tone="success" title={t('login.loggedOut')} />}
        <form onSubmit={submit} noValidate className="stack">
          <div className="field">
            <label htmlFor="login-email" className="field-label">
              {t('login.email')}
            </label>
            <input
              id="login-email"
              type="email"
              autoComplete="username"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              required
              autoFocus
            />
          </div>
          <div className="field">
            <label htmlFor="login-password" className="field-label">
              {t('login.password')}
            </label>
            <input
              id="login-password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              required
            />
          </div>
          {failure && <InlineMessage tone="error" title={failure.title} detail={failure.detail} />}
          <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
            {busy && <Spinner small />}
            {t('login.submit')}
          </button>
        </form>
        <p className="muted small">{t('login.demoHint')}</p>
        <div className="segmented login-lang" role="group" aria-label={t('shell.language')}>
          {LOCALES.map((l) => (
            <button
              key={l}
              type="button"
              lang={l}
              aria-pressed={current === l}
              className={current === l ? 'active' : undefined}
              onClick={() => void setLocale(l)}
            >
              {l === 'zh-CN' ? '简体中文' : 'English'}
            </button>
          ))}
        </div>
      </main>
    </div>
  );
}
