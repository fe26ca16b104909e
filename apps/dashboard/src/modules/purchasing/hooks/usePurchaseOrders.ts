import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { useEffect, useRef } from 'react';
import { useLiveListener } from '../../../app/live/useLiveEvents';
import type { PurchaseOrderFilter } from '../../../gql/graphql';
import { purchaseOrdersQuery } from '../graphql/purchaseOrders';
import { purchaseOrderStream } from '../live/purchaseOrderStream';

const PAGE_SIZE = 50;

/**
 * Purchase orders, newest first. Events update the rows shown through the cache; a new order or one
 * moving into or out of the filter changes which rows belong, so the list is read again (at most once a second).
 */
export function usePurchaseOrders(filter: PurchaseOrderFilter, skip = false) {
  const { data, previousData, error, networkStatus, fetchMore, refetch } = useQuery(purchaseOrdersQuery, {
    variables: { first: PAGE_SIZE, filter },
    notifyOnNetworkStatusChange: true,
    skip,
  });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  useLiveListener(purchaseOrderStream, () => {
    if (skip) return;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void refetch().catch(() => undefined), 1_000);
  });
  const shown = data ?? previousData;
  const conn = shown?.purchaseOrders;
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
