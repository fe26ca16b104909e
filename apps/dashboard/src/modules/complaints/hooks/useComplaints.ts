import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { useEffect, useRef } from 'react';
import { useLiveListener } from '../../../app/live/useLiveEvents';
import type { ComplaintFilter } from '../../../gql/graphql';
import { complaintsQuery } from '../graphql/complaints';
import { complaintStream } from '../live/complaintStream';

const PAGE_SIZE = 50;

/**
 * The complaints queue by deadline, most pressing first. Each live change updates its row in the cache;
 * the list is read again shortly after, as complaints enter it, leave it or move in it.
 */
export function useComplaints(filter: ComplaintFilter) {
  const { data, previousData, error, networkStatus, fetchMore, refetch } = useQuery(complaintsQuery, {
    variables: { first: PAGE_SIZE, filter },
    notifyOnNetworkStatusChange: true,
  });
  const shown = data ?? previousData;
  const conn = shown?.complaints;
  const loadingMore = networkStatus === NetworkStatus.fetchMore;
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  useLiveListener(complaintStream, () => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void refetch().catch(() => undefined), 500);
  });
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
