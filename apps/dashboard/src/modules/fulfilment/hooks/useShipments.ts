import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { useEffect, useRef } from 'react';
import { useLiveListener } from '../../../app/live/useLiveEvents';
import type { ShipmentFilter } from '../../../gql/graphql';
import { shipmentsQuery } from '../graphql/shipments';
import { shipmentStream } from '../live/shipmentStream';

const PAGE_SIZE = 50;

/**
 * Shipments, newest first. A shipment moving stage moves into or out of a filtered list, so the list is
 * read again after an event (at most once a second); the rows shown update through the cache meanwhile.
 */
export function useShipments(filter: ShipmentFilter) {
  const { data, previousData, error, networkStatus, fetchMore, refetch } = useQuery(shipmentsQuery, {
    variables: { first: PAGE_SIZE, filter },
    notifyOnNetworkStatusChange: true,
  });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  useLiveListener(shipmentStream, () => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void refetch().catch(() => undefined), 1_000);
  });
  const shown = data ?? previousData;
  const conn = shown?.shipments;
  const loadingMore = networkStatus === NetworkStatus.fetchMore;
  return {
    rows: conn?.edges.map((e) => e.node) ?? [],
    loaded: Boolean(shown),
    stale: !data && Boolean(previousData),
    error,
    hasNextPage: conn?.pageInfo.hasNextPage ?? false,
    loadingMore,
    loadMore: () =>
      conn?.pageInfo.hasNextPage && !loadingMore && void fetchMore({ variables: { after: conn.pageInfo.endCursor } }),
    refresh: () => void refetch(),
  };
}
