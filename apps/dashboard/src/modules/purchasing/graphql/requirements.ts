import { graphql } from '../../../gql';

export const requirementRowFragment = graphql(`
  fragment RequirementRow on PurchaseRequirement {
    id
    number
    sku
    warehouseCode
    quantity
    trigger
    status
    dismissedReason
    createdAt
    generatedBy
    product {
      id
      name
      spec
    }
    suggestedSupplier {
      id
      code
      name
      standing
    }
    purchaseOrder {
      id
      number
    }
    figures {
      onHand
      reserved
      available
      backordered
      onOrder
      openRequirements
      dailySales
      leadTimeDays
      demandDuringLead
      projected
      lowThreshold
      highThreshold
      shortfall
      minOrderQty
      packMultiple
    }
    candidates {
      supplierId
      supplierCode
      eligible
      excludedBecause
      rank
      score
      standing
      status
      leadTimeDays
      unitPrice {
        fen
      }
      points {
        score
        price
        leadTime
        total
      }
    }
  }
`);

export const requirementsQuery = graphql(`
  query PurchaseRequirements($first: Int!, $after: String, $filter: PurchaseRequirementFilter) {
    purchaseRequirements(first: $first, after: $after, filter: $filter) {
      edges {
        cursor
        node {
          ...RequirementRow
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const generateRequirementsMutation = graphql(`
  mutation GeneratePurchaseRequirements($input: GeneratePurchaseRequirementsInput) {
    generatePurchaseRequirements(input: $input) {
      considered
      requirements {
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

export const createPurchaseOrdersMutation = graphql(`
  mutation CreatePurchaseOrders($input: CreatePurchaseOrderInput!) {
    createPurchaseOrder(input: $input) {
      purchaseOrders {
        ...PurchaseOrderRow
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const dismissRequirementMutation = graphql(`
  mutation DismissPurchaseRequirement($input: DismissPurchaseRequirementInput!) {
    dismissPurchaseRequirement(input: $input) {
      requirement {
        ...RequirementRow
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);
