import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { useEffect, useRef } from 'react';
import type { ReturnRowFragment, ReturnStatus } from '../../../gql/graphql';
import { useLiveListener } from '../../../app/live/useLiveEvents';
import { returnRequestsQuery } from '../graphql/returns';
import { returnStream } from '../live/returnStream';

const PAGE_SIZE = 50;

/** One status's list (or every status's), in keyset pages, oldest request first. */
function useReturnList(status: ReturnStatus | null, skip: boolean) {
  const { data, previousData, error, networkStatus, fetchMore, refetch } = useQuery(returnRequestsQuery, {
    variables: { first: PAGE_SIZE, filter: status ? { status } : {} },
    notifyOnNetworkStatusChange: true,
    skip,
  });
  const shown = data ?? previousData;
  const conn = shown?.returnRequests;
  const loadingMore = networkStatus === NetworkStatus.fetchMore;
  return {
    skip,
    rows: conn?.edges.map((e) => e.node) ?? [],
    loaded: skip || Boolean(shown),
    stale: !skip && !data && Boolean(previousData),
    error: skip ? undefined : error,
    hasNextPage: !skip && (conn?.pageInfo.hasNextPage ?? false),
    loadingMore,
    loadMore: () =>
      conn?.pageInfo.hasNextPage && !loadingMore && void fetchMore({ variables: { after: conn.pageInfo.endCursor } }),
    refresh: () => (skip ? undefined : void refetch().catch(() => undefined)),
  };
}

const at = (r: ReturnRowFragment) => new Date(r.requestedAt).getTime();

/**
 * The returns queue, oldest request first, in one status, in two (the work to do: requested and
 * approved) or in all. The API filters by one status, so two statuses are two lists merged: rows are
 * shown up to the oldest last row of a list that has more pages, so the merge stays in order.
 */
export function useReturns(statuses: readonly ReturnStatus[] | null) {
  const [first, second] = statuses ?? [];
  const a = useReturnList(first ?? null, false);
  const b = useReturnList(second ?? null, !second);
  const lists = [a, b].filter((l) => !l.skip);
  const cut = Math.min(
    ...lists.filter((l) => l.hasNextPage && l.rows.length).map((l) => at(l.rows[l.rows.length - 1])),
  );
  const rows = lists
    .flatMap((l) => l.rows)
    .filter((r) => at(r) <= cut)
    .sort((x, y) => at(x) - at(y) || x.number.localeCompare(y.number));
  const refresh = () => lists.forEach((l) => l.refresh());
  // A live change updates its row in the cache; the lists are read again shortly after, as returns enter
  // them, leave them or move.
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  useLiveListener(returnStream, () => {
    clearTimeout(timer.current);
    timer.current = setTimeout(refresh, 500);
  });
  return {
    rows,
    loaded: lists.every((l) => l.loaded),
    stale: lists.some((l) => l.stale),
    error: lists.find((l) => l.error)?.error,
    hasNextPage: lists.some((l) => l.hasNextPage),
    loadingMore: lists.some((l) => l.loadingMore),
    loadMore: () => lists.forEach((l) => l.hasNextPage && l.loadMore()),
    refresh,
  };
}
