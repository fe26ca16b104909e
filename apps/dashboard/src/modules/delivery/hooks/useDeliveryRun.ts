import { useQuery } from '@apollo/client/react';
import { deliveryRunQuery } from '../graphql/runs';
import { useCourierMoves } from './useCourierMoves';
import { useRefetchOnDeliveryEvents } from './useRefetchOnDeliveryEvents';

/** One run with its stops, courier choice and history; read again when it or one of its stops changes. */
export function useDeliveryRun(id: string) {
  const { data, error, loading, refetch } = useQuery(deliveryRunQuery, { variables: { id } });
  const run = data?.deliveryRun ?? null;
  useRefetchOnDeliveryEvents({
    refetch,
    run: (e) => e.deliveryRunId === id,
    delivery: (e) => Boolean(run?.stops.some((s) => s.id === e.deliveryId)),
    delayMs: 300,
  });
  useCourierMoves({ runId: id });
  return { run, loaded: Boolean(data), loading, error, refresh: () => refetch() };
}
