import { useQuery } from '@apollo/client/react';
import { useEffect, useRef } from 'react';
import { useLiveListener } from '../../../app/live/useLiveEvents';
import { pickListQuery } from '../graphql/pickLists';
import { pickListStream } from '../live/pickListStream';
import { shipmentStream } from '../live/shipmentStream';

/** One pick list with its lines, orders and history; read again when an event concerns it or its orders. */
export function usePickList(id: string) {
  const { data, error, loading, refetch } = useQuery(pickListQuery, { variables: { id } });
  const list = data?.pickList ?? null;
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const later = () => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void refetch().catch(() => undefined), 150);
  };
  useLiveListener(pickListStream, (events) => {
    if (events.some((e) => e.pickList.id === id)) later();
  });
  useLiveListener(shipmentStream, (events) => {
    if (events.some((e) => e.shipment.pickList.id === id)) later();
  });
  return { list, loaded: Boolean(data), loading, error, refresh: () => void refetch() };
}
