import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutationOutcome } from '../../../app/useMutationOutcome';
import type { UpdateOrderInput } from '../../../gql/graphql';
import { approveOrderMutation, cancelOrderMutation, holdOrderMutation, updateOrderMutation } from '../graphql/orders';

export type OrderAction = 'approve' | 'hold' | 'cancel' | 'edit';

/** The order mutations; `busy` says which one is running, `failure` what the open dialog shows. */
export function useOrderActions(orderNumber: string) {
  const { t } = useTranslation();
  const { run, busy, failure, clearFailure } = useMutationOutcome();
  const [action, setAction] = useState<OrderAction | null>(null);
  /** Marks the action as the one running; gives its success message. */
  const begin = (a: OrderAction) => {
    setAction(a);
    return () => t(`orders.actions.${a}Done`, { number: orderNumber });
  };

  return {
    busy: busy ? action : null,
    failure,
    clearFailure,
    approve: (orderId: string) =>
      run({ mutation: approveOrderMutation, variables: { input: { orderId } }, success: begin('approve') }),
    hold: (orderId: string, reason: string) =>
      run({ mutation: holdOrderMutation, variables: { input: { orderId, reason } }, success: begin('hold') }),
    cancel: (orderId: string, reason: string) =>
      run({ mutation: cancelOrderMutation, variables: { input: { orderId, reason } }, success: begin('cancel') }),
    update: (input: UpdateOrderInput) =>
      run({ mutation: updateOrderMutation, variables: { input }, success: begin('edit') }),
  };
}
