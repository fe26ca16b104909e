import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { useLiveListener } from '../../../app/live/useLiveEvents';
import type { PurchaseRequirementFilter } from '../../../gql/graphql';
import { requirementsQuery } from '../graphql/requirements';
import { purchaseOrderStream } from '../live/purchaseOrderStream';

const PAGE_SIZE = 50;

/** Purchase requirements, newest first; a purchase order created (from them, maybe) reads the list again. */
export function useRequirements(filter: PurchaseRequirementFilter) {
  const { data, previousData, error, networkStatus, fetchMore, refetch } = useQuery(requirementsQuery, {
    variables: { first: PAGE_SIZE, filter },
    notifyOnNetworkStatusChange: true,
  });
  useLiveListener(purchaseOrderStream, (events) => {
    if (events.some((e) => e.type === 'CREATED' || e.toStatus === 'CANCELLED')) void refetch();
  });
  const shown = data ?? previousData;
  const conn = shown?.purchaseRequirements;
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
    refresh: () => refetch(),
  };
}
