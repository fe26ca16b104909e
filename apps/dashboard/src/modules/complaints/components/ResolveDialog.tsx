import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutcomeMessage } from '../../../app/useMutationOutcome';
import type { ComplaintOutcome, RootCause } from '../../../gql/graphql';
import { Dialog } from '../../../ui/Dialog';
import { InlineMessage } from '../../../ui/States';

export const ROOT_CAUSES: RootCause[] = [
  'PICKING_ERROR',
  'PACKING_DAMAGE',
  'CHECK_MISSED',
  'DELIVERY_DAMAGE',
  'LATE_DELIVERY',
  'COURIER_CONDUCT',
  'SUPPLIER_QUALITY',
  'CUSTOMER_EXPECTATION',
  'NO_FAULT_FOUND',
];
export const OUTCOMES: ComplaintOutcome[] = ['REFUND', 'EXCHANGE', 'REDELIVERY', 'COMPENSATION', 'EXPLANATION'];
const NOTE_MAX = 1000;

interface Props {
  open: boolean;
  busy: boolean;
  failure: OutcomeMessage[] | null;
  onConfirm: (rootCause: RootCause | null, outcome: ComplaintOutcome | null, note: string) => void;
  onClose: () => void;
}

/**
 * Resolves a complaint: why it happened, what the customer gets and what they are told. All three are
 * required; the server checks them too and names the missing one (RESOLUTION_INCOMPLETE), shown at its field.
 */
export function ResolveDialog({ open, busy, failure, onConfirm, onClose }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [rootCause, setRootCause] = useState<RootCause | ''>('');
  const [outcome, setOutcome] = useState<ComplaintOutcome | ''>('');
  const [note, setNote] = useState('');
  useEffect(() => {
    if (open) {
      setRootCause('');
      setOutcome('');
      setNote('');
    }
  }, [open]);
  const at = (name: string) => failure?.find((f) => f.field?.[f.field.length - 1] === name);
  const others = failure?.filter((f) => !['rootCause', 'outcome', 'note'].includes(f.field?.at(-1) ?? ''));
  const error = (name: 'rootCause' | 'outcome' | 'note') => {
    const f = at(name);
    return f ? (
      <span id={`${id}-${name}-error`} className="field-error" role="alert">
        {f.title}
      </span>
    ) : null;
  };
  return (
    <Dialog
      open={open}
      title={t('complaints.resolve.title')}
      onClose={onClose}
      submitLabel={t('complaints.actions.resolve')}
      busy={busy}
      onSubmit={() => onConfirm(rootCause || null, outcome || null, note.trim())}
    >
      <div className="stack">
        <p className="muted small">{t('complaints.resolve.intro')}</p>
        <div className="field">
          <label htmlFor={`${id}-rootCause`} className="field-label">
            {t('complaints.resolve.rootCause')} <span aria-hidden="true">*</span>
          </label>
          <select
            id={`${id}-rootCause`}
            value={rootCause}
            aria-invalid={Boolean(at('rootCause'))}
            aria-describedby={at('rootCause') ? `${id}-rootCause-error` : undefined}
            onChange={(e) => setRootCause(e.target.value as RootCause | '')}
          >
            <option value="">{t('complaints.open.choose')}</option>
            {ROOT_CAUSES.map((r) => (
              <option key={r} value={r}>
                {t(`rootCause.${r}`)}
              </option>
            ))}
          </select>
          {error('rootCause')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-outcome`} className="field-label">
            {t('complaints.resolve.outcome')} <span aria-hidden="true">*</span>
          </label>
          <select
            id={`${id}-outcome`}
            value={outcome}
            aria-invalid={Boolean(at('outcome'))}
            aria-describedby={at('outcome') ? `${id}-outcome-error` : undefined}
            onChange={(e) => setOutcome(e.target.value as ComplaintOutcome | '')}
          >
            <option value="">{t('complaints.open.choose')}</option>
            {OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {t(`complaintOutcome.${o}`)}
              </option>
            ))}
          </select>
          {error('outcome')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-note`} className="field-label">
            {t('complaints.resolve.note')} <span aria-hidden="true">*</span>
          </label>
          <textarea
            id={`${id}-note`}
            rows={3}
            maxLength={NOTE_MAX}
            value={note}
            aria-invalid={Boolean(at('note'))}
            aria-describedby={at('note') ? `${id}-note-error` : `${id}-note-hint`}
            onChange={(e) => setNote(e.target.value)}
          />
          <span id={`${id}-note-hint`} className="muted small">
            {t('complaints.resolve.noteHint')}
          </span>
          {error('note')}
        </div>
        {others?.map((f, i) => (
          <InlineMessage key={i} tone="error" title={f.title} detail={f.detail} />
        ))}
      </div>
    </Dialog>
  );
}
