import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutationOutcome } from '../../../app/useMutationOutcome';
import { Dialog } from '../../../ui/Dialog';
import { InlineMessage } from '../../../ui/States';
import { moveDeliveryStopMutation } from '../graphql/runs';

interface Props {
  run: { id: string; number: string };
  stop: { id: string; number: string; stopSeq?: number | null; locked: boolean };
  stopCount: number;
  onClose: () => void;
  onDone: () => void;
}

/** Puts a delivery at another stop of its run and, locked, keeps it there when the run is planned again. */
export function MoveStopDialog({ run, stop, stopCount, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const outcome = useMutationOutcome();
  const [seq, setSeq] = useState(String(stop.stopSeq ?? 1));
  const [locked, setLocked] = useState(true);
  const [reason, setReason] = useState('');
  const n = Number(seq);
  const ready = Number.isInteger(n) && n >= 1 && n <= stopCount && reason.trim().length > 0;

  const submit = async () => {
    const ok = await outcome.run({
      mutation: moveDeliveryStopMutation,
      variables: { input: { deliveryId: stop.id, runId: run.id, stop: n, locked, reason: reason.trim() } },
      success: () => t('delivery.stops.moved', { number: stop.number, stop: n }),
    });
    if (ok) {
      onDone();
      onClose();
    }
  };

  return (
    <Dialog
      open
      title={t('delivery.stops.moveTitle', { number: stop.number, run: run.number })}
      onClose={onClose}
      onSubmit={() => void submit()}
      submitLabel={t('delivery.stops.moveSubmit')}
      submitDisabled={!ready}
      busy={outcome.busy}
    >
      <div className="stack">
        <label className="field">
          <span className="field-label">{t('delivery.stops.stopNumber', { count: stopCount })}</span>
          <input
            type="number"
            className="qty-input"
            min={1}
            max={stopCount}
            value={seq}
            onChange={(e) => setSeq(e.target.value)}
          />
        </label>
        <label className="check">
          <input type="checkbox" checked={locked} onChange={(e) => setLocked(e.target.checked)} />
          {t('delivery.stops.lock')}
        </label>
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
