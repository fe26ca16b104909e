import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { useLiveListener } from '../../../app/live/useLiveEvents';
import { stockLevelDetailQuery } from '../graphql/stock';
import { stockStream } from '../live/stockStream';

const MOVEMENTS_PAGE = 30;

/** One stock level with its movements, newest first; read again when an alert concerns it. */
export function useStockLevel(id: string) {
  const { data, error, networkStatus, refetch, fetchMore } = useQuery(stockLevelDetailQuery, {
    variables: { id, first: MOVEMENTS_PAGE },
    notifyOnNetworkStatusChange: true,
  });
  const node = data?.node;
  const level = node && node.__typename === 'StockLevel' ? node : null;

  useLiveListener(stockStream, (alerts) => {
    if (level && alerts.some((a) => a.stockLevel.id === level.id)) void refetch();
  });

  return {
    level,
    loaded: Boolean(data),
    error,
    movements: level?.movements.edges.map((e) => e.node) ?? [],
    hasMoreMovements: level?.movements.pageInfo.hasNextPage ?? false,
    loadingMoreMovements: networkStatus === NetworkStatus.fetchMore,
    loadMoreMovements: () => void fetchMore({ variables: { after: level?.movements.pageInfo.endCursor } }),
    refresh: () => void refetch(),
  };
}
