import type { LiveStream } from '../../../app/live/liveStream';
import type { LiveOrderEventFragment, OrderEventsLiveSubscription } from '../../../gql/graphql';
import { latestOrderEventsQuery, orderEventsSinceQuery, orderEventsSubscription } from '../graphql/orderEvents';
import { cursorAt, eventPosition } from './eventCursor';

/** An order event; `replayed` when it was re-read after the live link was down. */
export type LiveOrderEvent = LiveOrderEventFragment & { replayed?: boolean };

const position = (e: LiveOrderEvent) => eventPosition(e.id) ?? 0n;

/**
 * Every order event. The event carries its order's new status, so the cache moves that order wherever
 * it is shown. The feed shows what happened since the dashboard was opened, newest first.
 */
export const orderStream: LiveStream<LiveOrderEvent, OrderEventsLiveSubscription> = {
  name: 'orders',
  permission: 'ORDER_READ',
  subscription: orderEventsSubscription,
  events: (data) => (data.orderStatusChanged ? [data.orderStatusChanged] : []),
  feed: {
    keep: (e, openedAt) => new Date(e.createdAt).getTime() >= openedAt - 5_000,
    // Events of one transaction share a timestamp, so write order breaks the tie.
    order: (x, y) => {
      const byTime = y.createdAt.localeCompare(x.createdAt);
      if (byTime !== 0) return byTime;
      const px = position(x);
      const py = position(y);
      return px === py ? 0 : px < py ? 1 : -1;
    },
  },
  replay: {
    id: (e) => e.id,
    position: (e) => eventPosition(e.id),
    async startingPoint(client) {
      // no-cache: this one-row page must not replace the orders list in the cache.
      const { data } = await client.query({ query: latestOrderEventsQuery, fetchPolicy: 'no-cache' });
      let newest: bigint | null = null;
      for (const e of data?.orders.edges[0]?.node.events ?? []) {
        const pos = eventPosition(e.id);
        if (pos !== null && (newest === null || pos > newest)) newest = pos;
      }
      return newest;
    },
    cursorAfter: cursorAt,
    async page(client, after, first) {
      const { data } = await client.query({
        query: orderEventsSinceQuery,
        variables: { first, after },
        fetchPolicy: 'network-only',
      });
      const conn = data?.orderEvents;
      if (!conn) return null;
      return {
        events: conn.edges.map((e) => ({ ...e.node, replayed: true })),
        endCursor: conn.pageInfo.endCursor ?? null,
        hasNextPage: conn.pageInfo.hasNextPage,
      };
    },
  },
};
