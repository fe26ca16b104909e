import { graphql } from '../../../gql';

/**
 * An order event as the live feed uses it. The nested order carries its current status, so writing
 * the event into the cache moves that order's row to its new status everywhere it is shown.
 */
export const liveOrderEventFragment = graphql(`
  fragment LiveOrderEvent on OrderEvent {
    id
    sequence
    type
    fromStatus
    toStatus
    reason
    actor
    createdAt
    order {
      id
      number
      status
      statusReason
      holdReasons
      updatedAt
      lastEventSequence
      total {
        amount
        fen
        currency
      }
    }
  }
`);

export const orderEventsSubscription = graphql(`
  subscription OrderEventsLive {
    orderStatusChanged {
      ...LiveOrderEvent
    }
  }
`);

/** Events in write order after a cursor: what a client re-reads after it was offline. */
export const orderEventsSinceQuery = graphql(`
  query OrderEventsSince($first: Int!, $after: String) {
    orderEvents(first: $first, after: $after) {
      edges {
        cursor
        node {
          ...LiveOrderEvent
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** The newest order's events: a starting point for catch-up before any live event has arrived. */
export const latestOrderEventsQuery = graphql(`
  query LatestOrderEvents {
    orders(first: 1) {
      edges {
        node {
          id
          events {
            id
            sequence
          }
        }
      }
    }
  }
`);
