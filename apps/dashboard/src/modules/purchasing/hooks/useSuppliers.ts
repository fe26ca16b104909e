import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import type { SupplierFilter } from '../../../gql/graphql';
import { suppliersQuery } from '../graphql/suppliers';

const PAGE_SIZE = 50;

/** The supplier list, by code, in keyset pages. */
export function useSuppliers(filter: SupplierFilter) {
  const { data, previousData, error, networkStatus, fetchMore, refetch } = useQuery(suppliersQuery, {
    variables: { first: PAGE_SIZE, filter },
    notifyOnNetworkStatusChange: true,
  });
  const shown = data ?? previousData;
  const conn = shown?.suppliers;
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
