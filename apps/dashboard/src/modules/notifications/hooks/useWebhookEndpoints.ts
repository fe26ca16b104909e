import { useQuery } from '@apollo/client/react';
import { webhookEndpointQuery, webhookEndpointsQuery } from '../graphql/webhooks';

/** Every registered endpoint, oldest first, with the event types endpoints can receive. */
export function useWebhookEndpoints() {
  const { data, error, refetch } = useQuery(webhookEndpointsQuery);
  return {
    endpoints: data?.webhookEndpoints ?? [],
    eventTypes: data?.webhookEventTypes ?? [],
    loaded: Boolean(data),
    error,
    refresh: () => void refetch(),
  };
}

/** One endpoint by its global id (null once deleted or when there is none). */
export function useWebhookEndpoint(id: string) {
  const { data, error, refetch } = useQuery(webhookEndpointQuery, { variables: { id } });
  const node = data?.node;
  return {
    endpoint: node?.__typename === 'WebhookEndpoint' ? node : null,
    eventTypes: data?.webhookEventTypes ?? [],
    loaded: Boolean(data),
    error,
    refresh: () => void refetch(),
  };
}
