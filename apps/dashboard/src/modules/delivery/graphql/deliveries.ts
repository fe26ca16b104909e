import { graphql } from '../../../gql';

/** A delivery as the dispatch lists and the run's stops show it. */
export const deliveryRowFragment = graphql(`
  fragment DeliveryRow on Delivery {
    id
    number
    status
    zone
    city
    units
    weightG
    windowStart
    windowEnd
    stopSeq
    locked
    eta
    lateRisk
    outAt
    deliveredAt
    onTime
    address {
      contactName
      phone
      address
      city
    }
    position {
      lat
      lng
    }
    exception {
      reason
      note
      at
    }
    run {
      id
      number
    }
  }
`);

export const deliveriesQuery = graphql(`
  query Deliveries($first: Int!, $after: String, $filter: DeliveryFilter) {
    deliveries(first: $first, after: $after, filter: $filter) {
      edges {
        cursor
        node {
          ...DeliveryRow
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const orderDeliveriesQuery = graphql(`
  query OrderDeliveries($number: String!) {
    orderByNumber(number: $number) {
      id
      deliveries {
        ...DeliveryRow
        rating
        ratingComment
        trail {
          lat
          lng
          at
        }
        proof {
          kind
          contentType
          byteSize
          recipientName
          note
          recordedAt
          imageDataUrl
        }
      }
    }
  }
`);

export const planDeliveriesMutation = graphql(`
  mutation PlanDeliveries($input: PlanDeliveriesInput!) {
    planDeliveries(input: $input) {
      runs {
        id
        number
        zone
        courier {
          id
          code
          name
        }
        stops {
          id
        }
      }
      unplanned {
        delivery {
          id
          number
          zone
        }
        reason
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const replanDeliveryMutation = graphql(`
  mutation ReplanDelivery($input: ReplanDeliveryInput!) {
    replanDelivery(input: $input) {
      delivery {
        ...DeliveryRow
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const deliveryChangedSubscription = graphql(`
  subscription DeliveryChangedLive {
    deliveryChanged {
      deliveryId
      sequence
      type
      fromStatus
      toStatus
      reason
      actor
      createdAt
    }
  }
`);
