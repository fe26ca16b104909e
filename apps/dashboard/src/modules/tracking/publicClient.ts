import { createApolloClient, type AppApolloClient } from '../../app/apollo';

let client: AppApolloClient | null = null;

/** The tracking link's client: no token, so the page works for a visitor who is not signed in. */
export function publicClient(): AppApolloClient {
  client ??= createApolloClient({ getToken: () => null });
  return client;
}
