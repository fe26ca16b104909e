import { graphql } from '../../../gql';

export const webhookEndpointFragment = graphql(`
  fragment WebhookEndpointRow on WebhookEndpoint {
    id
    url
    description
    eventTypes
    status
    disabledReason
    previousSecretUntil
    createdAt
    updatedAt
  }
`);

/** The endpoints, oldest first, and the event types they can subscribe to. */
export const webhookEndpointsQuery = graphql(`
  query WebhookEndpoints {
    webhookEndpoints {
      ...WebhookEndpointRow
    }
    webhookEventTypes {
      name
      description
    }
  }
`);

export const webhookEndpointQuery = graphql(`
  query WebhookEndpoint($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on WebhookEndpoint {
        ...WebhookEndpointRow
      }
    }
    webhookEventTypes {
      name
      description
    }
  }
`);

export const webhookDeliveryFragment = graphql(`
  fragment WebhookDeliveryRow on WebhookDelivery {
    id
    webhookId
    eventType
    status
    attempts
    createdAt
    deliveredAt
    nextAttemptAt
    lastStatusCode
    lastError
    payload
    attemptLog {
      attempt
      startedAt
      statusCode
      durationMs
      error
      responseExcerpt
    }
  }
`);

export const webhookDeliveriesQuery = graphql(`
  query WebhookDeliveries($first: Int!, $after: String, $filter: WebhookDeliveryFilter) {
    webhookDeliveries(first: $first, after: $after, filter: $filter) {
      edges {
        cursor
        node {
          ...WebhookDeliveryRow
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const createWebhookEndpointMutation = graphql(`
  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {
    createWebhookEndpoint(input: $input) {
      endpoint {
        ...WebhookEndpointRow
      }
      secret
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const updateWebhookEndpointMutation = graphql(`
  mutation UpdateWebhookEndpoint($input: UpdateWebhookEndpointInput!) {
    updateWebhookEndpoint(input: $input) {
      endpoint {
        ...WebhookEndpointRow
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const rotateWebhookSecretMutation = graphql(`
  mutation RotateWebhookSecret($input: WebhookEndpointIdInput!) {
    rotateWebhookSecret(input: $input) {
      endpoint {
        ...WebhookEndpointRow
      }
      secret
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const deleteWebhookEndpointMutation = graphql(`
  mutation DeleteWebhookEndpoint($input: WebhookEndpointIdInput!) {
    deleteWebhookEndpoint(input: $input) {
      deletedId
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const redeliverWebhookMutation = graphql(`
  mutation RedeliverWebhook($input: RedeliverWebhookInput!) {
    redeliverWebhook(input: $input) {
      delivery {
        ...WebhookDeliveryRow
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);
