import { graphql } from '../../../gql';

export const stockLevelRowFragment = graphql(`
  fragment StockLevelRow on StockLevel {
    id
    sku
    warehouseCode
    binLocation
    onHand
    reserved
    available
    lowThreshold
    highThreshold
    status
    updatedAt
    product {
      id
      name
      spec
      category
    }
    warehouse {
      id
      code
      name
      city
    }
  }
`);

export const stockLevelsQuery = graphql(`
  query StockLevels($first: Int!, $after: String, $filter: StockLevelFilter) {
    stockLevels(first: $first, after: $after, filter: $filter) {
      edges {
        cursor
        node {
          ...StockLevelRow
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const stockMovementFragment = graphql(`
  fragment StockMovementRow on StockMovement {
    id
    createdAt
    reason
    onHandDelta
    reservedDelta
    onHandAfter
    reservedAfter
    reference
    note
    actor
  }
`);

export const stockLevelDetailQuery = graphql(`
  query StockLevelDetail($id: ID!, $first: Int!, $after: String) {
    node(id: $id) {
      __typename
      id
      ... on StockLevel {
        ...StockLevelRow
        movements(first: $first, after: $after) {
          edges {
            cursor
            node {
              ...StockMovementRow
            }
          }
          pageInfo {
            hasNextPage
            endCursor
          }
        }
      }
    }
  }
`);

export const adjustStockMutation = graphql(`
  mutation AdjustStock($input: AdjustStockInput!) {
    adjustStock(input: $input) {
      stockLevel {
        ...StockLevelRow
      }
      movement {
        ...StockMovementRow
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const stockAlertSubscription = graphql(`
  subscription StockAlertsLive {
    stockAlert {
      sku
      warehouseCode
      status
      previousStatus
      available
      lowThreshold
      highThreshold
      reference
      createdAt
      stockLevel {
        ...StockLevelRow
      }
    }
  }
`);

export const setBinLocationMutation = graphql(`
  mutation SetBinLocation($input: SetBinLocationInput!) {
    setBinLocation(input: $input) {
      stockLevel {
        ...StockLevelRow
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);
