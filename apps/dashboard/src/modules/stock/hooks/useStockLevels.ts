import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { useLiveListener } from '../../../app/live/useLiveEvents';
import type { StockLevelFilter } from '../../../gql/graphql';
import { stockLevelsQuery } from '../graphql/stock';
import { stockStream } from '../live/stockStream';

const PAGE_SIZE = 100;

/** The stock table's data: keyset pages appended as the table scrolls, live through the cache. */
export function useStockLevels(filter: StockLevelFilter) {
  const { data, previousData, error, networkStatus, fetchMore, refetch } = useQuery(stockLevelsQuery, {
    variables: { first: PAGE_SIZE, filter },
    notifyOnNetworkStatusChange: true,
  });
  // Alerts update the rows shown through the cache; a level crossing into or out of the
  // "below threshold" view changes which rows belong there, so that view is read again.
  useLiveListener(stockStream, () => {
    if (filter.belowThreshold) void refetch();
  });
  const shown = data ?? previousData;
  const conn = shown?.stockLevels;
  const loadingMore = networkStatus === NetworkStatus.fetchMore;

  return {
    rows: conn?.edges.map((e) => e.node) ?? [],
    loaded: Boolean(shown),
    error,
    hasNextPage: conn?.pageInfo.hasNextPage ?? false,
    loadingMore,
    loadMore: () =>
      conn?.pageInfo.hasNextPage && !loadingMore && void fetchMore({ variables: { after: conn.pageInfo.endCursor } }),
    refresh: () => void refetch(),
  };
}
