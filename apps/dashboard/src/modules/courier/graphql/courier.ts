import { graphql } from '../../../gql';

/** A stop as the courier sees it: the full address of its own run, the window, the ETA and how it ended. */
export const courierStopFragment = graphql(`
  fragment CourierStop on Delivery {
    id
    number
    status
    stopSeq
    units
    windowStart
    windowEnd
    eta
    lateRisk
    deliveredAt
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
    }
    proof {
      kind
      recipientName
    }
  }
`);

export const courierRunFragment = graphql(`
  fragment CourierRun on DeliveryRun {
    id
    number
    status
    zone
    plannedStart
    plannedEnd
    startedAt
    depot {
      lat
      lng
    }
    stops {
      ...CourierStop
    }
  }
`);

export const myCourierQuery = graphql(`
  query MyCourier {
    myCourier {
      id
      code
      name
      state
      zones
      shiftStart
      shiftEnd
      position {
        lat
        lng
      }
      positionAt
      vehicle {
        id
        code
        kind
        capacityUnits
      }
      openRuns {
        ...CourierRun
      }
    }
  }
`);

export const startDeliveryRunMutation = graphql(`
  mutation CourierStartRun($input: StartDeliveryRunInput!) {
    startDeliveryRun(input: $input) {
      run {
        ...CourierRun
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const confirmDeliveryMutation = graphql(`
  mutation CourierConfirmDelivery($input: ConfirmDeliveryInput!) {
    confirmDelivery(input: $input) {
      delivery {
        ...CourierStop
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const reportDeliveryExceptionMutation = graphql(`
  mutation CourierReportException($input: ReportDeliveryExceptionInput!) {
    reportDeliveryException(input: $input) {
      delivery {
        ...CourierStop
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const reportCourierPositionsMutation = graphql(`
  mutation CourierReportPositions($input: ReportCourierPositionsInput!) {
    reportCourierPositions(input: $input) {
      accepted
      duplicates
      userErrors {
        code
        field
        message
      }
    }
  }
`);
