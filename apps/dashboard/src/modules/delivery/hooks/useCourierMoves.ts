import { useApolloClient, useSubscription } from '@apollo/client/react';
import { courierMovedSubscription } from '../graphql/couriers';

/**
 * Follows couriers' positions (all, or one run's) and writes each into the cache: the courier's marker
 * moves and the ETAs it changed show wherever that courier or delivery is shown, without a refetch.
 */
export function useCourierMoves(variables: { runId?: string; zone?: string } = {}) {
  const client = useApolloClient();
  useSubscription(courierMovedSubscription, {
    variables,
    onData: ({ data }) => {
      const m = data.data?.courierMoved;
      if (!m) return;
      const { cache } = client;
      cache.modify({
        id: cache.identify({ __typename: 'Courier', id: m.courierId }),
        fields: {
          position: () => ({ __typename: 'GeoPoint', lat: m.lat, lng: m.lng }),
          positionAt: () => m.recordedAt,
        },
      });
      for (const e of m.etas)
        cache.modify({
          id: cache.identify({ __typename: 'Delivery', id: e.deliveryId }),
          fields: { eta: () => e.eta, lateRisk: () => e.lateRisk },
        });
    },
  });
}
