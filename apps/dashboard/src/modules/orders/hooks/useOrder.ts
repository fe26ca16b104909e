import { useQuery } from '@apollo/client/react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveListener } from '../../../app/live/useLiveEvents';
import { orderByNumberQuery } from '../graphql/orders';
import { orderStream } from '../live/orderStream';

/** One order by number, read again when someone else changes it; `liveNote` says what changed. */
export function useOrder(number: string) {
  const { t } = useTranslation();
  const { data, error, loading, refetch } = useQuery(orderByNumberQuery, { variables: { number } });
  const order = data?.orderByNumber;
  const [liveNote, setLiveNote] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // Lines, allocations and timeline change together, so the whole order is read again.
  useLiveListener(orderStream, (events) => {
    const mine = order && events.filter((e) => e.order.id === order.id);
    if (!mine?.length) return;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void refetch(), 150);
    const last = mine[mine.length - 1];
    setLiveNote(
      t('orders.detail.liveUpdate', {
        event: t(`eventType.${last.type}`),
        status: t(`orderStatus.${last.toStatus}`),
        actor: last.actor,
      }),
    );
  });

  return { order, error, loading, liveNote, dismissLiveNote: () => setLiveNote(null), refresh: () => void refetch() };
}
