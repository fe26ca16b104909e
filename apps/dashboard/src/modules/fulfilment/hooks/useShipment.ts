import { useQuery } from '@apollo/client/react';
import { useEffect, useRef } from 'react';
import { useLiveListener } from '../../../app/live/useLiveEvents';
import { shipmentQuery } from '../graphql/shipments';
import { shipmentStream } from '../live/shipmentStream';

/** One shipment with its lines, checks, packages and history; read again when someone else changes it. */
export function useShipment(id: string) {
  const { data, error, loading, refetch } = useQuery(shipmentQuery, { variables: { id } });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  useLiveListener(shipmentStream, (events) => {
    if (!events.some((e) => e.shipment.id === id)) return;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void refetch().catch(() => undefined), 150);
  });
  return { shipment: data?.shipment ?? null, loaded: Boolean(data), loading, error, refresh: () => void refetch() };
}
