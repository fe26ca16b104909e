import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutationOutcome } from '../../../app/useMutationOutcome';
import type { CourierStopFragment, DeliveryExceptionReason } from '../../../gql/graphql';
import { Dialog } from '../../../ui/Dialog';
import { FormField, GeneralFailures, splitFailures } from '../../purchasing/components/FormField';
import { reportDeliveryExceptionMutation } from '../graphql/courier';

const REASONS: DeliveryExceptionReason[] = [
  'CUSTOMER_ABSENT',
  'WRONG_ADDRESS',
  'DAMAGED_GOODS',
  'CONGESTION',
  'BLOCKED_AREA',
  'BAD_WEATHER',
  'ACCIDENT',
];

interface ExceptionDialogProps {
  stop: CourierStopFragment;
  onClose: () => void;
  onDone: () => void;
}

/** The delivery could not be made: why, in a word and a note; dispatch re-plans it. Mounted while open. */
export function ExceptionDialog({ stop, onClose, onDone }: ExceptionDialogProps) {
  const { t } = useTranslation();
  const id = useId();
  const outcome = useMutationOutcome();
  const [reason, setReason] = useState<DeliveryExceptionReason | ''>('');
  const [note, setNote] = useState('');
  const { byField, general } = splitFailures(outcome.failure, ['reason', 'note']);

  const submit = async () => {
    if (!reason) return;
    const ok = await outcome.run({
      mutation: reportDeliveryExceptionMutation,
      variables: { input: { deliveryId: stop.id, reason, note: note.trim() } },
      success: () => t('courier.exception.done', { number: stop.number }),
    });
    if (ok) onDone();
  };

  return (
    <Dialog
      open
      title={t('courier.exception.title', { seq: stop.stopSeq ?? '—' })}
      onClose={onClose}
      onSubmit={() => void submit()}
      submitLabel={t('courier.exception.submit')}
      submitTone="danger"
      submitDisabled={!reason || !note.trim()}
      busy={outcome.busy}
      footerNote={<span className="muted small mono">{stop.number}</span>}
    >
      <div className="stack">
        <FormField id={`${id}-reason`} label={t('courier.exception.reason')} required error={byField.reason}>
          <select
            id={`${id}-reason`}
            value={reason}
            aria-invalid={Boolean(byField.reason)}
            onChange={(e) => setReason(e.target.value as DeliveryExceptionReason)}
          >
            <option value="" disabled>
              {t('courier.exception.choose')}
            </option>
            {REASONS.map((r) => (
              <option key={r} value={r}>
                {t(`deliveryExceptionReason.${r}`)}
              </option>
            ))}
          </select>
        </FormField>
        <FormField id={`${id}-note`} label={t('courier.exception.note')} required error={byField.note}>
          <textarea
            id={`${id}-note`}
            rows={3}
            maxLength={500}
            value={note}
            placeholder={t('courier.exception.notePlaceholder')}
            aria-invalid={Boolean(byField.note)}
            onChange={(e) => setNote(e.target.value)}
          />
        </FormField>
        <GeneralFailures failures={general} />
      </div>
    </Dialog>
  );
}
