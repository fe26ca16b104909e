import { useEffect, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutcomeMessage } from '../../../app/useMutationOutcome';
import { Dialog } from '../../../ui/Dialog';
import { InlineMessage } from '../../../ui/States';

interface Props {
  open: boolean;
  title: string;
  message: ReactNode;
  /** Ask for a reason (hold, cancel); approval needs none. */
  withReason: boolean;
  reasonSuggestions?: string[];
  confirmLabel: string;
  tone: 'primary' | 'danger';
  busy: boolean;
  failure: OutcomeMessage[] | null;
  onConfirm: (reason: string) => void;
  onClose: () => void;
}

/** Confirms an order action, with a required reason where the action records one. */
export function ReasonDialog({
  open,
  title,
  message,
  withReason,
  reasonSuggestions = [],
  confirmLabel,
  tone,
  busy,
  failure,
  onConfirm,
  onClose,
}: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const id = useId();
  useEffect(() => {
    if (open) {
      setReason('');
      setTouched(false);
    }
  }, [open]);
  const missing = withReason && !reason.trim();
  return (
    <Dialog
      open={open}
      title={title}
      onClose={onClose}
      submitLabel={confirmLabel}
      submitTone={tone}
      busy={busy}
      onSubmit={() => {
        setTouched(true);
        if (!missing) onConfirm(reason.trim());
      }}
    >
      <div className="stack">
        <div>{message}</div>
        {withReason && (
          <div className="field">
            <label htmlFor={`${id}-reason`} className="field-label">
              {t('orders.actions.reason')} <span aria-hidden="true">*</span>
            </label>
            <textarea
              id={`${id}-reason`}
              rows={3}
              maxLength={500}
              value={reason}
              required
              aria-invalid={touched && missing}
              aria-describedby={touched && missing ? `${id}-reason-error` : `${id}-reason-hint`}
              onChange={(e) => setReason(e.target.value)}
            />
            <span id={`${id}-reason-hint`} className="muted small">
              {t('orders.actions.reasonPrivacy')}
            </span>
            {reasonSuggestions.length > 0 && (
              <div className="suggestions" aria-label={t('orders.actions.suggestions')}>
                {reasonSuggestions.map((s) => (
                  <button key={s} type="button" className="chip chip-button" onClick={() => setReason(s)}>
                    {s}
                  </button>
                ))}
              </div>
            )}
            {touched && missing && (
              <span id={`${id}-reason-error`} className="field-error">
                {t('orders.actions.reasonRequired')}
              </span>
            )}
          </div>
        )}
        {failure?.map((f, i) => (
          <InlineMessage key={i} tone="error" title={f.title} detail={f.detail} />
        ))}
      </div>
    </Dialog>
  );
}
