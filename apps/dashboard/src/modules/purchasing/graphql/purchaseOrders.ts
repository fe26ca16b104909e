import { graphql } from '../../../gql';

export const purchaseOrderRowFragment = graphql(`
  fragment PurchaseOrderRow on PurchaseOrder {
    id
    number
    status
    overdue
    expectedDate
    createdAt
    updatedAt
    lastExpeditedAt
    total {
      fen
    }
    supplier {
      id
      code
      name
    }
    warehouse {
      id
      code
      name
      city
    }
  }
`);

export const purchaseOrdersQuery = graphql(`
  query PurchaseOrders($first: Int!, $after: String, $filter: PurchaseOrderFilter) {
    purchaseOrders(first: $first, after: $after, filter: $filter) {
      edges {
        cursor
        node {
          ...PurchaseOrderRow
          contacts {
            note
            newExpectedDate
            createdAt
            actor
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const purchaseOrderLineFragment = graphql(`
  fragment PurchaseOrderLineRow on PurchaseOrderLine {
    id
    lineNo
    sku
    productName
    quantity
    promisedDate
    expectedDate
    receivedQty
    acceptedQty
    rejectedQty
    outstandingQty
    unitPrice {
      fen
    }
  }
`);

export const goodsReceiptFragment = graphql(`
  fragment GoodsReceiptDetail on GoodsReceipt {
    id
    number
    receivedAt
    actor
    note
    lines {
      received
      accepted
      rejected
      rejectionReason
      product {
        id
        sku
        name
      }
    }
  }
`);

export const purchaseOrderDetailFragment = graphql(`
  fragment PurchaseOrderDetail on PurchaseOrder {
    ...PurchaseOrderRow
    note
    createdBy
    sentAt
    confirmedAt
    receivedAt
    cancelledAt
    closedAt
    statusReason
    overrideReason
    overdueFlaggedAt
    supplier {
      id
      standing
      status
      offers {
        id
        active
        leadTimeDays
        product {
          id
          sku
        }
      }
    }
    lines {
      ...PurchaseOrderLineRow
    }
    contacts {
      note
      newExpectedDate
      createdAt
      actor
    }
    receipts {
      ...GoodsReceiptDetail
    }
  }
`);

export const purchaseOrderQuery = graphql(`
  query PurchaseOrderDetail($id: ID!) {
    purchaseOrder(id: $id) {
      ...PurchaseOrderDetail
      events(first: 100) {
        edges {
          node {
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
    }
  }
`);

export const sendPurchaseOrderMutation = graphql(`
  mutation SendPurchaseOrder($input: PurchaseOrderActionInput!) {
    sendPurchaseOrder(input: $input) {
      purchaseOrder {
        ...PurchaseOrderDetail
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const confirmPurchaseOrderMutation = graphql(`
  mutation ConfirmPurchaseOrder($input: ConfirmPurchaseOrderInput!) {
    confirmPurchaseOrder(input: $input) {
      purchaseOrder {
        ...PurchaseOrderDetail
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const expeditePurchaseOrderMutation = graphql(`
  mutation ExpeditePurchaseOrder($input: ExpeditePurchaseOrderInput!) {
    expeditePurchaseOrder(input: $input) {
      purchaseOrder {
        ...PurchaseOrderDetail
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const cancelPurchaseOrderMutation = graphql(`
  mutation CancelPurchaseOrder($input: CancelPurchaseOrderInput!) {
    cancelPurchaseOrder(input: $input) {
      purchaseOrder {
        ...PurchaseOrderDetail
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const purchaseOrderChangedSubscription = graphql(`
  subscription PurchaseOrderChangedLive {
    purchaseOrderChanged {
      sequence
      type
      fromStatus
      toStatus
      reason
      actor
      createdAt
      purchaseOrder {
        ...PurchaseOrderRow
      }
    }
  }
`);

export const closePurchaseOrderMutation = graphql(`
  mutation ClosePurchaseOrder($input: ClosePurchaseOrderInput!) {
    closePurchaseOrder(input: $input) {
      purchaseOrder {
        ...PurchaseOrderDetail
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);
