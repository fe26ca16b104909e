import { useQuery } from '@apollo/client/react';
import { useEffect, useRef } from 'react';
import { useLiveListener } from '../../../app/live/useLiveEvents';
import { orderStream } from '../../orders/live/orderStream';
import { orderShipmentsQuery } from '../graphql/shipments';
import { shipmentStream } from '../live/shipmentStream';

/** An order's parts on the floor and its allocations; read again when one of its shipments or the order changes. */
export function useOrderShipments(number: string, skip: boolean) {
  const { data, error, loading, refetch } = useQuery(orderShipmentsQuery, { variables: { number }, skip });
  const order = data?.orderByNumber ?? null;
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const later = () => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void refetch().catch(() => undefined), 200);
  };
  useLiveListener(shipmentStream, (events) => {
    if (order && events.some((e) => e.shipment.order.id === order.id)) later();
  });
  useLiveListener(orderStream, (events) => {
    if (order && events.some((e) => e.order.id === order.id)) later();
  });
  return { order, loaded: Boolean(data), loading, error, refresh: () => void refetch() };
}
