import { graphql } from '../../../gql';

export const warehousesQuery = graphql(`
  query Warehouses {
    warehouses(first: 100) {
      edges {
        node {
          id
          code
          name
          city
          region
          kind
        }
      }
    }
  }
`);

export const productSearchQuery = graphql(`
  query ProductSearch($search: String!) {
    products(first: 8, filter: { search: $search }) {
      edges {
        node {
          id
          sku
          name
          spec
          active
          unitPrice {
            amount
            fen
            currency
          }
        }
      }
    }
  }
`);

export const customerSearchQuery = graphql(`
  query CustomerSearch($search: String!) {
    customers(first: 8, filter: { search: $search }) {
      edges {
        node {
          id
          name
          phone
          city
        }
      }
    }
  }
`);
