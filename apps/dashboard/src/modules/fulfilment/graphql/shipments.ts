import { graphql } from '../../../gql';

/** One order part on the floor: a row of the shipment tables, and what live events carry. */
export const shipmentRowFragment = graphql(`
  fragment ShipmentRow on Shipment {
    id
    number
    status
    outcome
    warehouseCode
    trackingNumber
    method
    createdAt
    updatedAt
    pickedAt
    pickedBy
    checkedAt
    packedAt
    shippedAt
    shippedBy
    order {
      id
      number
      status
      priority
      delivery {
        city
        region
      }
    }
    carrier {
      id
      code
      name
    }
    packages {
      seq
      material
      weightG
      trackingNumber
      createdAt
    }
    pickList {
      id
      number
    }
  }
`);

export const shipmentsQuery = graphql(`
  query Shipments($first: Int!, $after: String, $filter: ShipmentFilter) {
    shipments(first: $first, after: $after, filter: $filter) {
      edges {
        cursor
        node {
          ...ShipmentRow
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const shipmentDetailFragment = graphql(`
  fragment ShipmentDetail on Shipment {
    ...ShipmentRow
    checkedBy
    packedBy
    warehouse {
      id
      code
      name
      city
    }
    lines {
      lineNo
      sku
      required
      picked
      checked
      product {
        id
        name
        spec
        unitWeightG
      }
    }
    checkErrors {
      kind
      sku
      expected
      counted
      pickedBy
      checkedBy
      createdAt
      correctedAt
    }
    proposedPackaging {
      material
      weightG
      reason
      items {
        sku
        quantity
      }
    }
    carrier {
      id
      code
      name
      kind
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
`);

export const shipmentQuery = graphql(`
  query ShipmentDetail($id: ID!) {
    shipment(id: $id) {
      ...ShipmentDetail
    }
  }
`);

export const checkOrderMutation = graphql(`
  mutation CheckOrder($input: CheckOrderInput!) {
    checkOrder(input: $input) {
      passed
      errors {
        kind
        sku
        expected
        counted
        pickedBy
      }
      shipment {
        ...ShipmentDetail
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const packOrderMutation = graphql(`
  mutation PackOrder($input: PackOrderInput!) {
    packOrder(input: $input) {
      shipment {
        ...ShipmentDetail
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const shipOrderMutation = graphql(`
  mutation ShipOrder($input: ShipOrderInput!) {
    shipOrder(input: $input) {
      shipment {
        ...ShipmentDetail
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const shipmentChangedSubscription = graphql(`
  subscription ShipmentChangedLive {
    shipmentChanged {
      sequence
      type
      fromStatus
      toStatus
      reason
      actor
      createdAt
      shipment {
        ...ShipmentRow
      }
    }
  }
`);

/** Every carrier ranked for one shipment: what "best" picks and why the others cannot take it. */
export const carrierChoiceQuery = graphql(`
  query CarrierChoice($id: ID!) {
    shipment(id: $id) {
      id
      carrierChoice {
        method
        weightG
        options {
          carrier {
            id
            code
            name
          }
          eligible
          excludedBecause
          rank
          price {
            amount
          }
          transitDays
          points {
            total
          }
        }
      }
    }
  }
`);

/** An order's parts on the floor, with what is reserved for it, for the order page (asked only with FULFILMENT_READ). */
export const orderShipmentsQuery = graphql(`
  query OrderShipments($number: String!) {
    orderByNumber(number: $number) {
      id
      number
      status
      allocations {
        id
        lineNo
        sku
        quantity
        status
        warehouse {
          id
          code
          name
        }
      }
      shipments {
        ...ShipmentDetail
      }
    }
  }
`);

/** An order's parts by the order number scanned from a pick list, to open the one to check or pack. */
export const orderPartsByNumberQuery = graphql(`
  query OrderPartsByNumber($number: String!) {
    orderByNumber(number: $number) {
      id
      number
      shipments {
        id
        number
        status
        warehouseCode
      }
    }
  }
`);
