import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../../app/layout/LanguageSwitch';

/** The bar above a print view (not printed): print, and the way back. */
export function PrintToolbar({ back, ready, children }: { back: ReactNode; ready: boolean; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="print-toolbar no-print" role="toolbar" aria-label={t('fulfilment.print.toolbar')}>
      {back}
      <span className="print-toolbar-note muted small">{children}</span>
      <LanguageSwitch />
      <button type="button" className="btn btn-primary" disabled={!ready} onClick={() => window.print()}>
        {t('fulfilment.print.print')}
      </button>
    </div>
  );
}
