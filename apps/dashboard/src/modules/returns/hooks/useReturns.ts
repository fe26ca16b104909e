import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import type { ReturnRowFragment, ReturnStatus } from '../../../gql/graphql';
import { usePolling } from '../../notifications/hooks/usePolling';
import { returnRequestsQuery } from '../graphql/returns';

const PAGE_SIZE = 50;
/** Returns have no live stream: the queue is read again this often while it is shown. */
const POLL_MS = 30_000;

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
  // A read again from the first page would drop the pages loaded after it: only a first page is polled.
  usePolling(
    refresh,
    POLL_MS,
    lists.every((l) => l.rows.length <= PAGE_SIZE),
  );
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
