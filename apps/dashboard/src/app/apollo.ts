import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { ErrorLink } from '@apollo/client/link/error';
import { SetContextLink } from '@apollo/client/link/context';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { relayStylePagination } from '@apollo/client/utilities';
import { OperationTypeNode } from 'graphql';
import { isUnauthenticated } from './errors';
import type { LiveConnection } from './live/liveConnection';

/** Every type that implements Node (schema.graphql), so node(id:) results are cached by type. */
const POSSIBLE_TYPES = {
  Node: [
    'Carrier',
    'Customer',
    'GoodsReceipt',
    'Notification',
    'Order',
    'OrderEvent',
    'PickList',
    'Product',
    'PurchaseOrder',
    'PurchaseOrderLine',
    'PurchaseRequirement',
    'Shipment',
    'StockLevel',
    'StockMovement',
    'Supplier',
    'SupplierOffer',
    'Warehouse',
    'WebhookDelivery',
    'WebhookEndpoint',
  ],
};

export function createCache() {
  return new InMemoryCache({
    possibleTypes: POSSIBLE_TYPES,
    typePolicies: {
      Query: {
        fields: {
          // Keyset pages of one list (same filter) are appended; another filter is another list.
          orders: relayStylePagination(['filter']),
          stockLevels: relayStylePagination(['filter']),
          suppliers: relayStylePagination(['filter']),
          purchaseOrders: relayStylePagination(['filter']),
          purchaseRequirements: relayStylePagination(['filter']),
          pickLists: relayStylePagination(['filter']),
          shipments: relayStylePagination(['filter']),
          notifications: relayStylePagination(['filter']),
          webhookDeliveries: relayStylePagination(['filter']),
          orderEvents: { keyArgs: false, merge: (_existing, incoming) => incoming },
        },
      },
      StockLevel: { fields: { movements: relayStylePagination() } },
      Supplier: { fields: { purchaseOrders: relayStylePagination(), rejections: relayStylePagination() } },
      // Scorecard inputs and candidate points are values of their parent, not entities.
      ScorecardInputs: { merge: true },
      RequirementFigures: { merge: true },
      Money: { merge: true },
      DeliveryAddress: { merge: true },
      // A template is one event's text in one language (it has no id of its own).
      NotificationTemplate: { keyFields: ['event', 'language'] },
      // Users are identified by id; their permissions never merge across accounts.
      User: { keyFields: ['id'] },
    },
  });
}

export interface ClientOptions {
  getToken: () => string | null;
  /** A request was refused because the token is no longer valid. */
  onUnauthenticated?: () => void;
  /** Present once signed in: subscriptions go over this WebSocket. */
  live?: LiveConnection;
}

/** HTTP for queries and mutations, graphql-ws for subscriptions, the bearer token on both. */
export function createApolloClient({ getToken, onUnauthenticated, live }: ClientOptions) {
  const http = new HttpLink({ uri: '/graphql' });
  const auth = new SetContextLink((prev) => {
    const token = getToken();
    return token ? { headers: { ...prev.headers, authorization: `Bearer ${token}` } } : {};
  });
  const errors = new ErrorLink(({ error }) => {
    if (onUnauthenticated && isUnauthenticated(error)) onUnauthenticated();
  });
  const httpChain = ApolloLink.from([errors, auth, http]);
  const link = live
    ? ApolloLink.split(
        (op) => op.operationType === OperationTypeNode.SUBSCRIPTION,
        new GraphQLWsLink(live.client),
        httpChain,
      )
    : httpChain;

  return new ApolloClient({
    link,
    cache: createCache(),
    defaultOptions: {
      watchQuery: { fetchPolicy: 'cache-and-network', nextFetchPolicy: 'cache-first' },
    },
  });
}

export type AppApolloClient = ReturnType<typeof createApolloClient>;
