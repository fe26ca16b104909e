import { graphql } from '../../../gql';

export const supplierRowFragment = graphql(`
  fragment SupplierRow on Supplier {
    id
    code
    name
    status
    statusReason
    standing
    score
    regions
  }
`);

export const suppliersQuery = graphql(`
  query Suppliers($first: Int!, $after: String, $filter: SupplierFilter) {
    suppliers(first: $first, after: $after, filter: $filter) {
      edges {
        cursor
        node {
          ...SupplierRow
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const scorecardFragment = graphql(`
  fragment ScorecardPeriod on SupplierScorecard {
    periodStart
    periodEnd
    total
    standing
    onTimeInFull
    inspectionPassRate
    leadTimeKept
    priceIndex
    computedAt
    inputs {
      due
      onTimeInFull
      received
      accepted
      leadTimeLines
      priceLines
    }
  }
`);

export const supplierOfferFragment = graphql(`
  fragment SupplierOfferRow on SupplierOffer {
    id
    active
    leadTimeDays
    minOrderQty
    packMultiple
    updatedAt
    unitPrice {
      amount
      fen
    }
    product {
      id
      sku
      name
      spec
    }
  }
`);

export const supplierDetailQuery = graphql(`
  query SupplierDetail($id: ID!) {
    supplier(id: $id) {
      ...SupplierRow
      contactName
      phone
      email
      address
      createdAt
      updatedAt
      scorecards(last: 12) {
        ...ScorecardPeriod
      }
      offers {
        ...SupplierOfferRow
      }
      purchaseOrders(first: 20) {
        edges {
          node {
            ...PurchaseOrderRow
          }
        }
        pageInfo {
          hasNextPage
        }
      }
      rejections(first: 20) {
        edges {
          node {
            id
            number
            receivedAt
            actor
            purchaseOrder {
              id
              number
            }
            lines {
              received
              rejected
              rejectionReason
              product {
                id
                sku
                name
              }
            }
          }
        }
      }
    }
  }
`);

/** What the supplier form edits; the mutations return it so the cached supplier updates in place. */
export const supplierFormFragment = graphql(`
  fragment SupplierForm on Supplier {
    ...SupplierRow
    contactName
    phone
    email
    address
    updatedAt
  }
`);

export const createSupplierMutation = graphql(`
  mutation CreateSupplier($input: CreateSupplierInput!) {
    createSupplier(input: $input) {
      supplier {
        ...SupplierForm
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const updateSupplierMutation = graphql(`
  mutation UpdateSupplier($input: UpdateSupplierInput!) {
    updateSupplier(input: $input) {
      supplier {
        ...SupplierForm
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const setSupplierOfferMutation = graphql(`
  mutation SetSupplierOffer($input: SetSupplierOfferInput!) {
    setSupplierOffer(input: $input) {
      offer {
        ...SupplierOfferRow
      }
      supplier {
        id
        updatedAt
        offers {
          ...SupplierOfferRow
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
