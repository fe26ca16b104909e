import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../app/errors';

export function Spinner({ small }: { small?: boolean }) {
  return <span className={small ? 'spinner spinner-small' : 'spinner'} aria-hidden="true" />;
}

export function LoadingState({ label, rows = 0 }: { label?: string; rows?: number }) {
  const { t } = useTranslation();
  return (
    <div className="state state-loading" role="status" aria-live="polite">
      <Spinner />
      <span>{label ?? t('common.loading')}</span>
      {rows > 0 && (
        <div className="skeleton-rows" aria-hidden="true">
          {Array.from({ length: rows }, (_, i) => (
            <div key={i} className="skeleton-row" />
          ))}
        </div>
      )}
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="state state-empty" role="status">
      <svg width="40" height="40" viewBox="0 0 40 40" aria-hidden="true">
        <rect x="6" y="10" width="28" height="22" rx="4" fill="none" stroke="currentColor" strokeWidth="2" />
        <path d="M6 18h9l2 4h6l2-4h9" fill="none" stroke="currentColor" strokeWidth="2" />
      </svg>
      <strong>{title}</strong>
      {children && <div className="muted">{children}</div>}
    </div>
  );
}

export function ErrorState({ error, onRetry, compact }: { error: unknown; onRetry?: () => void; compact?: boolean }) {
  const { t } = useTranslation();
  const describe = useErrorText();
  const { title, requestId } = describe(error);
  return (
    <div className={compact ? 'state state-error state-compact' : 'state state-error'} role="alert">
      <strong>{title}</strong>
      {requestId && (
        <span className="muted small">
          {t('errors.requestId')}: <code>{requestId}</code>
        </span>
      )}
      {onRetry && (
        <button type="button" className="btn" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

/** Inline message under a form or in a dialog. */
export function InlineMessage({
  tone,
  title,
  detail,
}: {
  tone: 'error' | 'success' | 'info';
  title: string;
  detail?: string;
}) {
  return (
    <div className={`inline-message inline-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      <strong>{title}</strong>
      {detail && detail !== title && <span className="small">{detail}</span>}
    </div>
  );
}
