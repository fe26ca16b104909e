import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import type { NotificationFilter } from '../../../gql/graphql';
import { notificationsQuery } from '../graphql/notifications';

const PAGE_SIZE = 50;

/** Notifications sent to customers, newest first, in keyset pages. */
export function useNotifications(filter: NotificationFilter) {
  const { data, previousData, error, networkStatus, fetchMore, refetch } = useQuery(notificationsQuery, {
    variables: { first: PAGE_SIZE, filter },
    notifyOnNetworkStatusChange: true,
  });
  const shown = data ?? previousData;
  const conn = shown?.notifications;
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
