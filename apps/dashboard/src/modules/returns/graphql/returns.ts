import { graphql } from '../../../gql';

/** One row of the returns queue (and of an order's returns). */
export const returnRowFragment = graphql(`
  fragment ReturnRow on ReturnRequest {
    id
    number
    status
    reason
    resolution
    requestedAt
    customer {
      id
      name
    }
    order {
      id
      number
    }
    lines {
      lineNo
      sku
      quantity
    }
    refund {
      amount {
        fen
      }
    }
    storeCredit {
      amount {
        fen
      }
    }
  }
`);

/**
 * The return page: the request, its lines with the inspection and trace, the outcome and the history.
 * The replacement order needs ORDER_READ and the trace PURCHASING_READ: asked for only with them.
 */
export const returnDetailFragment = graphql(`
  fragment ReturnDetail on ReturnRequest {
    ...ReturnRow
    note
    decidedAt
    decisionReason
    receivedAt
    resolvedAt
    complaint {
      id
      number
      status
    }
    order {
      id
      number
      status
      returnState
    }
    customer {
      id
      name
      storeCreditBalance {
        fen
      }
    }
    lines {
      lineNo
      sku
      quantity
      unitPrice {
        amount
        fen
        currency
      }
      received
      restocked
      damaged
      toSupplier
      inspectionNote
      tracedReceipt @include(if: $withPurchasing) {
        id
        number
        receivedAt
        purchaseOrder {
          id
          number
        }
      }
      tracedSupplier @include(if: $withPurchasing) {
        id
        code
        name
      }
    }
    refund {
      amount {
        fen
      }
      method
      gateway
      gatewayReference
      createdAt
    }
    storeCredit {
      amount {
        fen
      }
      actor
      reason
      createdAt
    }
    replacementOrder @include(if: $withOrders) {
      id
      number
      status
      total {
        fen
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
`);

export const returnRequestsQuery = graphql(`
  query ReturnRequests($first: Int!, $after: String, $filter: ReturnFilter) {
    returnRequests(first: $first, after: $after, filter: $filter) {
      edges {
        cursor
        node {
          ...ReturnRow
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const returnRequestQuery = graphql(`
  query ReturnRequest($id: ID!, $withOrders: Boolean!, $withPurchasing: Boolean!) {
    returnRequest(id: $id) {
      ...ReturnDetail
    }
  }
`);

/** The order page's returns and return state, with what the request dialog needs: the lines and the complaints to link. */
export const orderReturnsQuery = graphql(`
  query OrderReturns($number: String!, $withComplaints: Boolean!) {
    orderByNumber(number: $number) {
      id
      number
      status
      returnState
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
      }
      returns {
        ...ReturnRow
      }
      complaints @include(if: $withComplaints) {
        id
        number
        category
        status
      }
    }
  }
`);

export const requestReturnMutation = graphql(`
  mutation RequestReturn($input: RequestReturnInput!, $withOrders: Boolean!, $withPurchasing: Boolean!) {
    requestReturn(input: $input) {
      returnRequest {
        ...ReturnDetail
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const approveReturnMutation = graphql(`
  mutation ApproveReturn($input: DecideReturnInput!, $withOrders: Boolean!, $withPurchasing: Boolean!) {
    approveReturn(input: $input) {
      returnRequest {
        ...ReturnDetail
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const rejectReturnMutation = graphql(`
  mutation RejectReturn($input: DecideReturnInput!, $withOrders: Boolean!, $withPurchasing: Boolean!) {
    rejectReturn(input: $input) {
      returnRequest {
        ...ReturnDetail
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const receiveReturnMutation = graphql(`
  mutation ReceiveReturn($input: ReceiveReturnInput!, $withOrders: Boolean!, $withPurchasing: Boolean!) {
    receiveReturn(input: $input) {
      returnRequest {
        ...ReturnDetail
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

/** Every return change (asked for, decided, received, resolved): the row, so the cache updates wherever it is shown. */
export const returnChangedSubscription = graphql(`
  subscription ReturnChangedLive {
    returnChanged {
      ...ReturnRow
    }
  }
`);
