import { useApolloClient, useQuery } from '@apollo/client/react';
import { NetworkStatus } from '@apollo/client';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { OrderFilter, OrderRowFragment } from '../../../gql/graphql';
import { useLiveListener } from '../../../app/live/useLiveEvents';
import { ordersQuery } from '../graphql/orders';
import { orderStream } from '../live/orderStream';

const PAGE_SIZE = 100;
const HEAD_SIZE = 50;

/**
 * The orders table's data: keyset pages appended as the table scrolls, new orders put on top as they
 * are placed (the server applies the filter), and status changes arriving through the cache.
 */
export function useOrdersList(filter: OrderFilter) {
  const client = useApolloClient();
  const {
    data: current,
    previousData,
    error,
    networkStatus,
    fetchMore,
    refetch,
    updateQuery,
  } = useQuery(ordersQuery, {
    variables: { first: PAGE_SIZE, filter, withTotal: true },
    notifyOnNetworkStatusChange: true,
  });
  // While another filter loads, keep showing the previous rows (dimmed) instead of a blank table.
  const data = current ?? previousData;
  const [changed, setChanged] = useState<Map<string, number>>(new Map());
  const [outsideView, setOutsideView] = useState(0);

  const conn = data?.orders;
  const rows: OrderRowFragment[] = conn ? conn.edges.map((e) => e.node) : [];
  const rowsRef = useRef(rows);
  rowsRef.current = rows;
  const hasNextPage = conn?.pageInfo.hasNextPage ?? false;
  const loadingMore = networkStatus === NetworkStatus.fetchMore;

  const loadMore = useCallback(() => {
    if (!conn || !conn.pageInfo.hasNextPage || loadingMore) return;
    void fetchMore({ variables: { after: conn.pageInfo.endCursor } });
  }, [conn, loadingMore, fetchMore]);

  // New orders: read the head of this filtered list and put the ones we do not have on top.
  const filterRef = useRef(filter);
  filterRef.current = filter;
  const headTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const pullHead = useCallback(() => {
    clearTimeout(headTimer.current);
    headTimer.current = setTimeout(async () => {
      try {
        const { data: head } = await client.query({
          query: ordersQuery,
          variables: { first: HEAD_SIZE, filter: filterRef.current },
          fetchPolicy: 'no-cache',
        });
        if (!head) return;
        const have = new Set(rowsRef.current.map((r) => r.id));
        const newest = rowsRef.current[0]?.createdAt ?? '';
        const fresh = head.orders.edges.filter((e) => !have.has(e.node.id) && e.node.createdAt >= newest);
        if (!fresh.length) return;
        updateQuery((_unsafe, { complete, previousData: prev }) => {
          if (!complete) return undefined;
          const ids = new Set(prev.orders.edges.map((e) => e.node.id));
          return {
            ...prev,
            orders: { ...prev.orders, edges: [...fresh.filter((e) => !ids.has(e.node.id)), ...prev.orders.edges] },
          };
        });
        const now = Date.now();
        setChanged((m) => new Map([...m, ...fresh.map((e) => [e.node.id, now] as const)]));
      } catch {
        /* The next event or a reconnect tries again. */
      }
    }, 600);
  }, [client, updateQuery]);
  useEffect(() => () => clearTimeout(headTimer.current), []);

  useLiveListener(orderStream, (events) => {
    const now = Date.now();
    const shown = new Set(rows.map((r) => r.id));
    const touched = events.filter((e) => shown.has(e.order.id)).map((e) => [e.order.id, now] as const);
    if (touched.length) setChanged((m) => new Map([...m, ...touched]));
    if (events.some((e) => e.type === 'PLACED')) pullHead();
    // An older order moving into a filtered status is not in this list yet: offer a refresh.
    const wanted = filterRef.current.status;
    if (wanted?.length) {
      const entering = events.filter(
        (e) => e.type !== 'PLACED' && wanted.includes(e.toStatus) && !shown.has(e.order.id),
      ).length;
      if (entering) setOutsideView((n) => n + entering);
    }
  });

  // Forget highlights after a few seconds.
  useEffect(() => {
    if (!changed.size) return;
    const timer = setTimeout(() => {
      const cutoff = Date.now() - 4_000;
      setChanged((m) => new Map([...m].filter(([, at]) => at > cutoff)));
    }, 4_100);
    return () => clearTimeout(timer);
  }, [changed]);

  const refresh = useCallback(async () => {
    setOutsideView(0);
    await refetch();
  }, [refetch]);

  return {
    rows,
    /** How many orders the filter matches (every page); null until read. */
    total: conn?.totalCount ?? null,
    initialLoading: !data && !error,
    stale: !current && Boolean(previousData),
    refetching: networkStatus === NetworkStatus.refetch || networkStatus === NetworkStatus.setVariables,
    error,
    hasNextPage,
    loadingMore,
    loadMore,
    changed,
    outsideView,
    refresh,
  };
}
