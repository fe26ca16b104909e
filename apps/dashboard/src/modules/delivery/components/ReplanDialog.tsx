import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutationOutcome } from '../../../app/useMutationOutcome';
import type { DeliveryRowFragment, ReplanAction } from '../../../gql/graphql';
import { Dialog } from '../../../ui/Dialog';
import { InlineMessage } from '../../../ui/States';
import { replanDeliveryMutation } from '../graphql/deliveries';

const ACTIONS: ReplanAction[] = ['NEXT_RUN', 'NEW_WINDOW', 'BACK_TO_WAREHOUSE'];

/** A datetime-local value ("2026-12-07T14:00") read as Shanghai time. */
const shanghaiIso = (local: string) => (local ? new Date(`${local}:00+08:00`).toISOString() : null);

interface Props {
  delivery: DeliveryRowFragment;
  onClose: () => void;
  onDone: () => void;
}

/** What happens to a delivery that failed: the next run, a new window, or back to the warehouse. */
export function ReplanDialog({ delivery, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const outcome = useMutationOutcome();
  const [action, setAction] = useState<ReplanAction>('NEXT_RUN');
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [reason, setReason] = useState('');
  const needsWindow = action === 'NEW_WINDOW';
  const ready = reason.trim().length > 0 && (!needsWindow || (start && end && start < end));

  const submit = async () => {
    const ok = await outcome.run({
      mutation: replanDeliveryMutation,
      variables: {
        input: {
          deliveryId: delivery.id,
          action,
          reason: reason.trim(),
          windowStart: needsWindow ? shanghaiIso(start) : null,
          windowEnd: needsWindow ? shanghaiIso(end) : null,
        },
      },
      success: () => t('delivery.replan.done', { number: delivery.number }),
    });
    if (ok) {
      onDone();
      onClose();
    }
  };

  return (
    <Dialog
      open
      title={t('delivery.replan.title', { number: delivery.number })}
      onClose={onClose}
      onSubmit={() => void submit()}
      submitLabel={t('delivery.replan.submit')}
      submitDisabled={!ready}
      busy={outcome.busy}
    >
      <div className="stack">
        <fieldset className="segmented-field">
          <legend className="field-label">{t('delivery.replan.action')}</legend>
          {ACTIONS.map((a) => (
            <label key={a} className="check">
              <input type="radio" name="replan-action" checked={action === a} onChange={() => setAction(a)} />
              {t(`replanAction.${a}`)}
            </label>
          ))}
        </fieldset>
        {needsWindow && (
          <div className="form-grid">
            <label className="field">
              <span className="field-label">{t('delivery.replan.windowStart')}</span>
              <input type="datetime-local" value={start} onChange={(e) => setStart(e.target.value)} />
            </label>
            <label className="field">
              <span className="field-label">{t('delivery.replan.windowEnd')}</span>
              <input type="datetime-local" value={end} onChange={(e) => setEnd(e.target.value)} />
            </label>
          </div>
        )}
        <label className="field">
          <span className="field-label">{t('delivery.reason')}</span>
          <textarea rows={2} value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
        </label>
        {outcome.failure?.map((m, i) => (
          <InlineMessage key={i} tone="error" title={m.title} detail={m.detail} />
        ))}
      </div>
    </Dialog>
  );
}
