import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ADDRESS_EDITABLE_STATUSES, ORDER_TRANSITIONS } from '@fulfilment/domain';
import type { OrderDetailFragment, OrderStatus } from '../../../gql/graphql';
import { useCan } from '../../auth/hooks/useSession';
import { useOrderActions, type OrderAction } from '../hooks/useOrderActions';
import { EditOrderDialog } from './EditOrderDialog';
import { ReasonDialog } from './ReasonDialog';

/** What this user may do with an order in its current status (the server decides again). */
export function allowedActions(
  status: OrderStatus,
  can: (p: 'ORDER_REVIEW' | 'ORDER_CANCEL' | 'ORDER_EDIT') => boolean,
): OrderAction[] {
  const next = ORDER_TRANSITIONS[status] as readonly OrderStatus[];
  const actions: OrderAction[] = [];
  if (can('ORDER_REVIEW') && (status === 'PENDING_REVIEW' || status === 'ON_HOLD')) actions.push('approve');
  if (can('ORDER_REVIEW') && next.includes('ON_HOLD')) actions.push('hold');
  if (can('ORDER_EDIT') && (ADDRESS_EDITABLE_STATUSES as readonly string[]).includes(status)) actions.push('edit');
  if (can('ORDER_CANCEL') && next.includes('CANCELLED')) actions.push('cancel');
  return actions;
}

export function OrderActions({
  order,
  compact,
}: {
  order: OrderDetailFragment | { id: string; number: string; status: OrderStatus; total: { fen: number } };
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const can = useCan();
  const actions = useOrderActions(order.number);
  const [open, setOpen] = useState<OrderAction | null>(null);
  const allowed = allowedActions(order.status, can).filter((a) => !compact || a !== 'edit');
  if (!allowed.length) return null;

  const close = () => {
    setOpen(null);
    actions.clearFailure();
  };
  const after = (ok: boolean) => ok && setOpen(null);

  return (
    <div className="action-bar" role="group" aria-label={t('orders.actions.title')}>
      {allowed.includes('approve') && (
        <button
          type="button"
          className={compact ? 'btn btn-small btn-primary' : 'btn btn-primary'}
          onClick={() => setOpen('approve')}
        >
          {order.status === 'ON_HOLD' ? t('orders.actions.release') : t('orders.actions.approve')}
        </button>
      )}
      {allowed.includes('hold') && (
        <button type="button" className={compact ? 'btn btn-small' : 'btn'} onClick={() => setOpen('hold')}>
          {t('orders.actions.hold')}
        </button>
      )}
      {allowed.includes('edit') && 'lines' in order && (
        <button type="button" className="btn" onClick={() => setOpen('edit')}>
          {t('orders.actions.edit')}
        </button>
      )}
      {allowed.includes('cancel') && (
        <button
          type="button"
          className={compact ? 'btn btn-small btn-danger-outline' : 'btn btn-danger-outline'}
          onClick={() => setOpen('cancel')}
        >
          {compact ? t('orders.actions.cancelShort') : t('orders.actions.cancel')}
        </button>
      )}

      <ReasonDialog
        open={open === 'approve'}
        title={
          order.status === 'ON_HOLD'
            ? t('orders.actions.releaseTitle', { number: order.number })
            : t('orders.actions.approveTitle', { number: order.number })
        }
        message={t('orders.actions.approveMessage')}
        withReason={false}
        confirmLabel={order.status === 'ON_HOLD' ? t('orders.actions.release') : t('orders.actions.approve')}
        tone="primary"
        busy={actions.busy === 'approve'}
        failure={actions.failure}
        onConfirm={() => void actions.approve(order.id).then(after)}
        onClose={close}
      />
      <ReasonDialog
        open={open === 'hold'}
        title={t('orders.actions.holdTitle', { number: order.number })}
        message={t('orders.actions.holdMessage')}
        withReason
        reasonSuggestions={[
          t('orders.actions.holdReasons.contact'),
          t('orders.actions.holdReasons.address'),
          t('orders.actions.holdReasons.payment'),
        ]}
        confirmLabel={t('orders.actions.hold')}
        tone="primary"
        busy={actions.busy === 'hold'}
        failure={actions.failure}
        onConfirm={(reason) => void actions.hold(order.id, reason).then(after)}
        onClose={close}
      />
      <ReasonDialog
        open={open === 'cancel'}
        title={t('orders.actions.cancelTitle', { number: order.number })}
        message={t('orders.actions.cancelMessage')}
        withReason
        reasonSuggestions={[
          t('orders.actions.cancelReasons.customer'),
          t('orders.actions.cancelReasons.stock'),
          t('orders.actions.cancelReasons.credit'),
        ]}
        confirmLabel={t('orders.actions.cancelConfirm')}
        tone="danger"
        busy={actions.busy === 'cancel'}
        failure={actions.failure}
        onConfirm={(reason) => void actions.cancel(order.id, reason).then(after)}
        onClose={close}
      />
      {'lines' in order && (
        <EditOrderDialog
          open={open === 'edit'}
          order={order}
          busy={actions.busy === 'edit'}
          failure={actions.failure}
          onSave={(input) => void actions.update(input).then(after)}
          onClose={close}
        />
      )}
    </div>
  );
}
