import { graphql } from '../../../gql';

export const reviewQueueQuery = graphql(`
  query ReviewQueue($first: Int!, $after: String, $status: [OrderStatus!]) {
    orders(first: $first, after: $after, filter: { status: $status }, orderBy: OLDEST_FIRST) {
      edges {
        node {
          id
          number
          createdAt
          status
          statusReason
          holdReasons
          paymentMethod
          paymentStatus
          channel
          priority
          promisedBy
          total {
            amount
            fen
            currency
          }
          customer {
            id
            name
            isNew
            creditStatus
          }
          delivery {
            region
            city
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
