import { graphql } from '../../../gql';

/** A run as the dispatch board lists and maps it. */
export const runRowFragment = graphql(`
  fragment RunRow on DeliveryRun {
    id
    number
    status
    zone
    plannedStart
    plannedEnd
    distanceM
    units
    weightG
    startedAt
    completedAt
    courier {
      id
      code
      name
    }
    depot {
      lat
      lng
    }
    stops {
      id
      number
      status
      stopSeq
      eta
      lateRisk
      position {
        lat
        lng
      }
    }
  }
`);

export const deliveryRunsQuery = graphql(`
  query DeliveryRuns($first: Int!, $after: String, $filter: DeliveryRunFilter) {
    deliveryRuns(first: $first, after: $after, filter: $filter) {
      edges {
        cursor
        node {
          ...RunRow
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const deliveryRunQuery = graphql(`
  query DeliveryRun($id: ID!) {
    deliveryRun(id: $id) {
      ...RunRow
      overrideReason
      assignedBy
      courier {
        id
        code
        name
        phone
        state
        position {
          lat
          lng
        }
        vehicle {
          code
          kind
        }
      }
      stops {
        ...DeliveryRow
        trail {
          lat
          lng
          at
        }
      }
      courierChoice {
        eligible
        excludedBecause
        rank
        kmToFirstStop
        points {
          distance
          load
          onTime
          total
        }
        courier {
          id
          code
          name
          state
        }
      }
      events {
        sequence
        type
        fromStatus
        toStatus
        reason
        actor
        createdAt
      }
    }
  }
`);

export const assignDeliveryRunMutation = graphql(`
  mutation AssignDeliveryRun($input: AssignDeliveryRunInput!) {
    assignDeliveryRun(input: $input) {
      run {
        id
        overrideReason
        assignedBy
        courier {
          id
          code
          name
        }
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const moveDeliveryStopMutation = graphql(`
  mutation MoveDeliveryStop($input: MoveDeliveryStopInput!) {
    moveDeliveryStop(input: $input) {
      run {
        id
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const startDeliveryRunMutation = graphql(`
  mutation StartDeliveryRun($input: StartDeliveryRunInput!) {
    startDeliveryRun(input: $input) {
      run {
        id
        status
        startedAt
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const deliveryRunChangedSubscription = graphql(`
  subscription DeliveryRunChangedLive {
    deliveryRunChanged {
      deliveryRunId
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
