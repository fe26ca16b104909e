import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { useEffect, useRef } from 'react';
import { useLiveListener } from '../../../app/live/useLiveEvents';
import type { PickListFilter } from '../../../gql/graphql';
import { pickListsQuery } from '../graphql/pickLists';
import { pickListStream } from '../live/pickListStream';

const PAGE_SIZE = 50;

/**
 * Pick lists, newest first. Events update the rows shown through the cache; a new list or one moving
 * into or out of the filter changes which rows belong, so the list is read again (at most once a second).
 */
export function usePickLists(filter: PickListFilter) {
  const { data, previousData, error, networkStatus, fetchMore, refetch } = useQuery(pickListsQuery, {
    variables: { first: PAGE_SIZE, filter },
    notifyOnNetworkStatusChange: true,
  });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  useLiveListener(pickListStream, (events) => {
    if (!events.some((e) => e.type !== 'PICKED')) return;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void refetch().catch(() => undefined), 1_000);
  });
  const shown = data ?? previousData;
  const conn = shown?.pickLists;
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
