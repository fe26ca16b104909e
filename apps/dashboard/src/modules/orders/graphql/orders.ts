import { graphql } from '../../../gql';

/** One row of the orders table. */
export const orderRowFragment = graphql(`
  fragment OrderRow on Order {
    id
    number
    createdAt
    status
    channel
    priority
    promisedBy
    paymentStatus
    holdReasons
    lastEventSequence
    total {
      amount
      fen
      currency
    }
    delivery {
      region
      city
    }
    customer {
      id
      name
    }
  }
`);

/** A page of orders; the table asks for the filter's total too (the live head pull does not). */
export const ordersQuery = graphql(`
  query Orders($first: Int!, $after: String, $filter: OrderFilter, $withTotal: Boolean! = false) {
    orders(first: $first, after: $after, filter: $filter) {
      edges {
        cursor
        node {
          ...OrderRow
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      totalCount @include(if: $withTotal)
    }
  }
`);

export const orderDetailFragment = graphql(`
  fragment OrderDetail on Order {
    id
    number
    status
    statusReason
    holdReasons
    channel
    priority
    createdAt
    updatedAt
    promisedBy
    paymentMethod
    paymentStatus
    allowBackorder
    note
    lastEventSequence
    subtotal {
      amount
      fen
      currency
    }
    deliveryFee {
      amount
      fen
      currency
    }
    total {
      amount
      fen
      currency
    }
    customer {
      id
      name
      phone
      email
      address
      city
      region
      isNew
      creditStatus
    }
    delivery {
      contactName
      phone
      address
      city
      region
    }
    lines {
      id
      lineNo
      sku
      productName
      spec
      quantity
      unitPrice {
        amount
        fen
        currency
      }
      lineTotal {
        amount
        fen
        currency
      }
    }
    allocations {
      id
      lineNo
      sku
      quantity
      status
      createdAt
      warehouse {
        id
        code
        name
        city
        kind
      }
    }
    events {
      id
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

export const orderByNumberQuery = graphql(`
  query OrderByNumber($number: String!) {
    orderByNumber(number: $number) {
      ...OrderDetail
    }
  }
`);

export const approveOrderMutation = graphql(`
  mutation ApproveOrder($input: ApproveOrderInput!) {
    approveOrder(input: $input) {
      order {
        ...OrderDetail
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const holdOrderMutation = graphql(`
  mutation HoldOrder($input: HoldOrderInput!) {
    holdOrder(input: $input) {
      order {
        ...OrderDetail
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const cancelOrderMutation = graphql(`
  mutation CancelOrder($input: CancelOrderInput!) {
    cancelOrder(input: $input) {
      order {
        ...OrderDetail
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const updateOrderMutation = graphql(`
  mutation UpdateOrder($input: UpdateOrderInput!) {
    updateOrder(input: $input) {
      order {
        ...OrderDetail
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);
