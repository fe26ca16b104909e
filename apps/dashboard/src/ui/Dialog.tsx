import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Spinner } from './States';

interface DialogProps {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Rendered in the footer before the buttons. */
  footerNote?: ReactNode;
  /** A form dialog: submit runs this; Enter submits. */
  onSubmit?: () => void;
  submitLabel?: string;
  /** The dismissing button's text (default Cancel; e.g. Close or Done for a dialog that only shows something). */
  closeLabel?: string;
  submitTone?: 'primary' | 'danger';
  submitDisabled?: boolean;
  busy?: boolean;
  wide?: boolean;
}

/**
 * A modal on the native <dialog>: focus stays inside, Esc closes, focus returns to the opener.
 */
export function Dialog({
  open,
  title,
  onClose,
  children,
  footerNote,
  onSubmit,
  submitLabel,
  closeLabel,
  submitTone = 'primary',
  submitDisabled,
  busy,
  wide,
}: DialogProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) {
      const opener = document.activeElement as HTMLElement | null;
      d.showModal();
      const first = d.querySelector<HTMLElement>('[data-autofocus], input:not([type=hidden]), textarea, select');
      first?.focus();
      return () => opener?.focus?.();
    }
    if (!open && d.open) d.close();
    return undefined;
  }, [open]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!busy && !submitDisabled) onSubmit?.();
  };

  return (
    <dialog
      ref={ref}
      className={wide ? 'dialog dialog-wide' : 'dialog'}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onClose();
      }}
    >
      {open && (
        <form onSubmit={submit} method="dialog" noValidate>
          <header className="dialog-header">
            <h2 id={titleId}>{title}</h2>
            <button type="button" className="icon-btn" onClick={onClose} aria-label={t('common.close')} disabled={busy}>
              ×
            </button>
          </header>
          <div className="dialog-body">{children}</div>
          <footer className="dialog-footer">
            <div className="dialog-note">{footerNote}</div>
            <button type="button" className="btn" onClick={onClose} disabled={busy}>
              {closeLabel ?? t('common.cancel')}
            </button>
            {onSubmit && (
              <button type="submit" className={`btn btn-${submitTone}`} disabled={busy || submitDisabled}>
                {busy && <Spinner small />}
                {submitLabel ?? t('common.confirm')}
              </button>
            )}
          </footer>
        </form>
      )}
    </dialog>
  );
}
