import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import type { WebhookDeliveryFilter } from '../../../gql/graphql';
import { webhookDeliveriesQuery } from '../graphql/webhooks';
import { usePolling } from './usePolling';

const PAGE_SIZE = 25;
const POLL_MS = 5_000;

/**
 * An endpoint's deliveries, newest first, in keyset pages; the first page is read again every few
 * seconds while the page is visible (not once more pages are loaded: that would drop them).
 */
export function useWebhookDeliveries(filter: WebhookDeliveryFilter) {
  const { data, previousData, error, networkStatus, fetchMore, refetch } = useQuery(webhookDeliveriesQuery, {
    variables: { first: PAGE_SIZE, filter },
    notifyOnNetworkStatusChange: true,
  });
  const shown = data ?? previousData;
  const conn = shown?.webhookDeliveries;
  const loadingMore = networkStatus === NetworkStatus.fetchMore;
  const rows = conn?.edges.map((e) => e.node) ?? [];
  usePolling(() => void refetch(), POLL_MS, Boolean(data) && rows.length <= PAGE_SIZE && !loadingMore);
  return {
    rows,
    loaded: Boolean(shown),
    stale: !data && Boolean(previousData),
    refreshing: networkStatus === NetworkStatus.refetch,
    error,
    hasNextPage: conn?.pageInfo.hasNextPage ?? false,
    loadingMore,
    loadMore: () =>
      conn?.pageInfo.hasNextPage && !loadingMore && void fetchMore({ variables: { after: conn.pageInfo.endCursor } }),
    refresh: () => void refetch(),
  };
}
