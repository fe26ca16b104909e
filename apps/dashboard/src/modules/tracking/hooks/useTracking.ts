import { useQuery } from '@apollo/client/react';
import { deliveryTrackingQuery } from '../graphql/tracking';

const REFRESH_MS = 15_000;

/** What the tracking link shows, read again every 15 s. */
export function useTracking(token: string) {
  const { data, previousData, error, refetch } = useQuery(deliveryTrackingQuery, {
    variables: { token },
    pollInterval: REFRESH_MS,
    notifyOnNetworkStatusChange: false,
  });
  const shown = data ?? previousData;
  return {
    tracking: shown?.deliveryTracking ?? null,
    loaded: Boolean(shown),
    error,
    refresh: () => void refetch().catch(() => undefined),
  };
}
