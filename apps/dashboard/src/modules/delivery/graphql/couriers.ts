import { graphql } from '../../../gql';

export const courierRowFragment = graphql(`
  fragment CourierRow on Courier {
    id
    code
    name
    phone
    zones
    shiftStart
    shiftEnd
    state
    onTimeRate
    delivered
    position {
      lat
      lng
    }
    positionAt
    vehicle {
      code
      kind
      capacityUnits
      capacityKg
    }
  }
`);

export const couriersQuery = graphql(`
  query Couriers($filter: CourierFilter) {
    couriers(first: 100, filter: $filter) {
      edges {
        node {
          ...CourierRow
        }
      }
    }
  }
`);

export const updateCourierMutation = graphql(`
  mutation UpdateCourier($input: UpdateCourierInput!) {
    updateCourier(input: $input) {
      courier {
        ...CourierRow
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const courierMovedSubscription = graphql(`
  subscription CourierMoved($runId: ID, $zone: String) {
    courierMoved(runId: $runId, zone: $zone) {
      courierId
      courierCode
      runId
      lat
      lng
      recordedAt
      etas {
        deliveryId
        eta
        lateRisk
      }
    }
  }
`);
