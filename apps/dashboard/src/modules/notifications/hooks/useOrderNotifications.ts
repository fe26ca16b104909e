import { useQuery } from '@apollo/client/react';
import { useLiveListener } from '../../../app/live/useLiveEvents';
import { orderStream } from '../../orders/live/orderStream';
import { orderNotificationsQuery } from '../graphql/notifications';

/** What an order's customer was told, oldest first; read again shortly after the order changes. */
export function useOrderNotifications(number: string, skip: boolean) {
  const { data, error, refetch } = useQuery(orderNotificationsQuery, { variables: { number }, skip });
  const order = data?.orderByNumber;
  useLiveListener(orderStream, (events) => {
    // The outbox sends just after the change commits: read again once it had a moment to.
    if (order && events.some((e) => e.order.id === order.id)) setTimeout(() => void refetch(), 1500);
  });
  return { notifications: order?.notifications ?? [], loaded: Boolean(data), error, refresh: () => void refetch() };
}
