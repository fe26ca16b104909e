import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../../ui/Dialog';

/** The signing secret of a new or rotated endpoint, shown this once, with a copy button. */
export function SecretDialog({
  secret,
  url,
  rotated,
  onClose,
}: {
  secret: string;
  url: string;
  rotated?: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <Dialog
      open
      wide
      title={rotated ? t('webhooks.secret.rotatedTitle') : t('webhooks.secret.title')}
      onClose={onClose}
      closeLabel={t('webhooks.secret.done')}
    >
      <div className="stack">
        <div className="secret-warning" role="alert">
          <strong>{t('webhooks.secret.onlyNow')}</strong>
          <span className="small">{t('webhooks.secret.store')}</span>
        </div>
        <p className="small">
          {t('webhooks.secret.for')} <code className="break">{url}</code>
        </p>
        <div className="secret-row">
          <code className="secret-value" data-testid="webhook-secret" aria-label={t('webhooks.secret.label')}>
            {secret}
          </code>
          <button type="button" className="btn" data-autofocus onClick={() => void copy()}>
            {copied === 'yes' ? t('webhooks.secret.copied') : t('webhooks.secret.copy')}
          </button>
        </div>
        {copied === 'failed' && <p className="small text-danger">{t('webhooks.secret.copyFailed')}</p>}
        {rotated && <p className="small">{t('webhooks.secret.overlap')}</p>}
        <p className="muted small">{t('webhooks.secret.how')}</p>
      </div>
    </Dialog>
  );
}
