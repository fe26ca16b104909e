import { useApolloClient } from '@apollo/client/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useLiveListener } from '../../../app/live/useLiveEvents';
import type { OrderStatus, ReviewQueueQuery } from '../../../gql/graphql';
import { orderStream } from '../../orders/live/orderStream';
import { reviewQueueQuery } from '../graphql/review';

export type QueueOrder = ReviewQueueQuery['orders']['edges'][number]['node'];

const QUEUE_STATUSES: OrderStatus[] = ['PENDING_REVIEW', 'ON_HOLD'];
const PAGE = 100;
const MAX_PAGES = 20;

/**
 * Orders waiting for customer service, oldest first (as the API pages them). The queue reads all its
 * pages (it is short: what review held back); it reloads when an order enters or leaves review.
 */
export function useReviewQueue() {
  const client = useApolloClient();
  const [orders, setOrders] = useState<QueueOrder[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [truncated, setTruncated] = useState(false);
  const generation = useRef(0);

  const load = useCallback(async () => {
    const gen = ++generation.current;
    setLoading(true);
    try {
      const all: QueueOrder[] = [];
      let after: string | null = null;
      let pages = 0;
      for (;;) {
        const result: { data?: ReviewQueueQuery } = await client.query({
          query: reviewQueueQuery,
          variables: { first: PAGE, after, status: QUEUE_STATUSES },
          // Its own copy: these pages must not be merged into the orders table's cached lists.
          fetchPolicy: 'no-cache',
        });
        const conn = result.data?.orders;
        if (!conn) break;
        all.push(...conn.edges.map((e) => e.node));
        pages++;
        if (!conn.pageInfo.hasNextPage || pages >= MAX_PAGES) {
          setTruncated(conn.pageInfo.hasNextPage);
          break;
        }
        after = conn.pageInfo.endCursor;
      }
      if (gen !== generation.current) return;
      setOrders(all);
      setError(null);
    } catch (e) {
      if (gen === generation.current) setError(e);
    } finally {
      if (gen === generation.current) setLoading(false);
    }
  }, [client]);

  useEffect(() => {
    void load();
  }, [load]);

  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  useLiveListener(orderStream, (events) => {
    const relevant = events.some(
      (e) => QUEUE_STATUSES.includes(e.toStatus) || (e.fromStatus && QUEUE_STATUSES.includes(e.fromStatus)),
    );
    if (!relevant) return;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void load(), 500);
  });

  return { orders, error, loading, truncated, reload: load };
}
