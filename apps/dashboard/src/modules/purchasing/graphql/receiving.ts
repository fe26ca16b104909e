import { graphql } from '../../../gql';

export const receivePurchaseOrderMutation = graphql(`
  mutation ReceivePurchaseOrder($input: ReceivePurchaseOrderInput!) {
    receivePurchaseOrder(input: $input) {
      goodsReceipt {
        ...GoodsReceiptDetail
        releasedOrders {
          id
          number
          status
          priority
        }
      }
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
