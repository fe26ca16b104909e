import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutationOutcome } from '../../../app/useMutationOutcome';
import type { PickListDetailFragment, PickListOrderOutcomeRowFragment } from '../../../gql/graphql';
import { Dialog } from '../../../ui/Dialog';
import { Spinner } from '../../../ui/States';
import { useCan } from '../../auth/hooks/useSession';
import { GeneralFailures } from '../../purchasing/components/FormField';
import { cancelPickListMutation, completePickListMutation, startPickListMutation } from '../graphql/pickLists';

export interface PickListReport {
  kind: 'completed' | 'cancelled';
  orders: readonly PickListOrderOutcomeRowFragment[];
}

export const printPickListPath = (l: { id: string }) => `/print/pick-lists/${encodeURIComponent(l.id)}`;

/**
 * Start (the signed-in user becomes the picker), complete (every line recorded; reports what became of
 * each order), cancel with a reason, and the printable list. Shown by what the user may do.
 */
export function PickListActions({
  list,
  onStarted,
  onClosed,
}: {
  list: PickListDetailFragment;
  onStarted: () => void;
  onClosed: (report: PickListReport) => void;
}) {
  const { t } = useTranslation();
  const can = useCan();
  const id = useId();
  const outcome = useMutationOutcome();
  const [confirm, setConfirm] = useState<'complete' | 'cancel' | null>(null);
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const work = can('WAREHOUSE_WORK');
  const unrecorded = list.lines.filter((l) => l.picked === null).length;
  const short = list.lines.filter((l) => l.picked !== null && l.picked < l.required).length;

  const start = async () => {
    const ok = await outcome.run({
      mutation: startPickListMutation,
      variables: { input: { pickListId: list.id } },
      success: () => t('fulfilment.pick.started', { number: list.number }),
    });
    if (ok) onStarted();
  };
  const complete = async () => {
    let orders: readonly PickListOrderOutcomeRowFragment[] = [];
    const ok = await outcome.run({
      mutation: completePickListMutation,
      variables: { input: { pickListId: list.id } },
      success: (p) => {
        orders = p.orders ?? [];
        return t('fulfilment.pick.completed', { number: list.number, count: orders.length });
      },
    });
    if (ok) {
      setConfirm(null);
      onClosed({ kind: 'completed', orders });
    }
  };
  const cancel = async () => {
    setTouched(true);
    if (!reason.trim()) return;
    let orders: readonly PickListOrderOutcomeRowFragment[] = [];
    const ok = await outcome.run({
      mutation: cancelPickListMutation,
      variables: { input: { pickListId: list.id, reason: reason.trim() } },
      success: (p) => {
        orders = p.orders ?? [];
        return t('fulfilment.pick.cancelled', { number: list.number });
      },
    });
    if (ok) {
      setConfirm(null);
      onClosed({ kind: 'cancelled', orders });
    }
  };
  const open = (which: 'complete' | 'cancel') => {
    outcome.clearFailure();
    setReason('');
    setTouched(false);
    setConfirm(which);
  };

  return (
    <div className="stack-sm">
      <div className="action-bar" role="group" aria-label={t('common.actions')}>
        <a href={printPickListPath(list)} target="_blank" rel="noopener" className="btn">
          {t('fulfilment.print.open')}
        </a>
        {work && list.status === 'OPEN' && (
          <button type="button" className="btn btn-primary" disabled={outcome.busy} onClick={() => void start()}>
            {outcome.busy && <Spinner small />}
            {t('fulfilment.pick.start')}
          </button>
        )}
        {work && list.status === 'IN_PROGRESS' && (
          <button
            type="button"
            className="btn btn-primary"
            disabled={unrecorded > 0}
            title={unrecorded > 0 ? t('fulfilment.pick.unrecorded', { count: unrecorded }) : undefined}
            onClick={() => open('complete')}
          >
            {t('fulfilment.pick.complete')}
          </button>
        )}
        {work && (list.status === 'OPEN' || list.status === 'IN_PROGRESS') && (
          <button type="button" className="btn btn-danger-outline" onClick={() => open('cancel')}>
            {t('fulfilment.pick.cancel')}
          </button>
        )}
      </div>
      {confirm === null && <GeneralFailures failures={outcome.failure ?? []} />}

      <Dialog
        open={confirm === 'complete'}
        title={t('fulfilment.pick.completeTitle', { number: list.number })}
        onClose={() => setConfirm(null)}
        onSubmit={() => void complete()}
        submitLabel={t('fulfilment.pick.complete')}
        busy={outcome.busy}
      >
        <div className="stack">
          <p>{t('fulfilment.pick.completeMessage', { count: list.shipments.length })}</p>
          {short > 0 && <p className="text-warning">{t('fulfilment.pick.completeShort', { count: short })}</p>}
          <GeneralFailures failures={outcome.failure ?? []} />
        </div>
      </Dialog>

      <Dialog
        open={confirm === 'cancel'}
        title={t('fulfilment.pick.cancelTitle', { number: list.number })}
        onClose={() => setConfirm(null)}
        onSubmit={() => void cancel()}
        submitLabel={t('fulfilment.pick.cancelConfirm')}
        submitTone="danger"
        busy={outcome.busy}
      >
        <div className="stack">
          <p>{t('fulfilment.pick.cancelMessage')}</p>
          <div className="field">
            <label htmlFor={`${id}-reason`} className="field-label">
              {t('fulfilment.pick.reason')} <span aria-hidden="true">*</span>
            </label>
            <textarea
              id={`${id}-reason`}
              rows={3}
              maxLength={500}
              required
              value={reason}
              aria-invalid={touched && !reason.trim()}
              onChange={(e) => setReason(e.target.value)}
            />
            {touched && !reason.trim() && <span className="field-error">{t('fulfilment.pick.reasonRequired')}</span>}
          </div>
          <GeneralFailures failures={outcome.failure ?? []} />
        </div>
      </Dialog>
    </div>
  );
}
