import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText, useUserErrorText, type UserErrorLike } from '../../../app/errors';
import type { UpdateOrderInput } from '../../../gql/graphql';
import { useToast } from '../../../ui/toastContext';
import { approveOrderMutation, cancelOrderMutation, holdOrderMutation, updateOrderMutation } from '../graphql/orders';

export type OrderAction = 'approve' | 'hold' | 'cancel' | 'edit';

export interface ActionFailure {
  title: string;
  detail?: string;
  field?: readonly string[] | null;
}

/**
 * The order mutations with one way of reporting: success as a toast, expected failures (userErrors)
 * and unexpected ones as a message the dialog shows, in the user's language.
 */
export function useOrderActions(orderNumber: string) {
  const { t } = useTranslation();
  const toast = useToast();
  const describeError = useErrorText();
  const describeUserError = useUserErrorText();
  const [approve] = useMutation(approveOrderMutation);
  const [hold] = useMutation(holdOrderMutation);
  const [cancel] = useMutation(cancelOrderMutation);
  const [update] = useMutation(updateOrderMutation);
  const [busy, setBusy] = useState<OrderAction | null>(null);
  const [failure, setFailure] = useState<ActionFailure[] | null>(null);

  async function run(action: OrderAction, call: () => Promise<{ userErrors: UserErrorLike[] } | undefined>): Promise<boolean> {
    setBusy(action);
    setFailure(null);
    try {
      const payload = await call();
      if (!payload) throw new Error('empty response');
      if (payload.userErrors.length) {
        setFailure(payload.userErrors.map((e) => ({ ...describeUserError(e), field: e.field })));
        return false;
      }
      toast({ tone: 'success', title: t(`orders.actions.${action}Done`, { number: orderNumber }) });
      return true;
    } catch (e) {
      const { title, requestId } = describeError(e);
      setFailure([{ title, detail: requestId ? `${t('errors.requestId')}: ${requestId}` : undefined }]);
      return false;
    } finally {
      setBusy(null);
    }
  }

  return {
    busy,
    failure,
    clearFailure: () => setFailure(null),
    approve: (orderId: string) => run('approve', async () => (await approve({ variables: { input: { orderId } } })).data?.approveOrder),
    hold: (orderId: string, reason: string) => run('hold', async () => (await hold({ variables: { input: { orderId, reason } } })).data?.holdOrder),
    cancel: (orderId: string, reason: string) => run('cancel', async () => (await cancel({ variables: { input: { orderId, reason } } })).data?.cancelOrder),
    update: (input: UpdateOrderInput) => run('edit', async () => (await update({ variables: { input } })).data?.updateOrder),
  };
}
