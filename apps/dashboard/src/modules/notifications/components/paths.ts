/** The page of a webhook endpoint (its delivery log). */
export const endpointPath = (e: { id: string }) => `/webhooks/${encodeURIComponent(e.id)}`;
