import { graphql } from '../../../gql';

/** One notification as the list and the order page show it (subject and body as sent). */
export const notificationRowFragment = graphql(`
  fragment NotificationRow on Notification {
    id
    createdAt
    sentAt
    event
    channel
    language
    status
    attempts
    provider
    recipient
    lastError
    nextAttemptAt
    subject
    body
    customer {
      id
      name
    }
    order {
      id
      number
    }
  }
`);

export const notificationsQuery = graphql(`
  query Notifications($first: Int!, $after: String, $filter: NotificationFilter) {
    notifications(first: $first, after: $after, filter: $filter) {
      edges {
        cursor
        node {
          ...NotificationRow
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const orderNotificationsQuery = graphql(`
  query OrderNotifications($number: String!) {
    orderByNumber(number: $number) {
      id
      notifications {
        ...NotificationRow
      }
    }
  }
`);

export const resendNotificationMutation = graphql(`
  mutation ResendNotification($input: ResendNotificationInput!) {
    resendNotification(input: $input) {
      notification {
        ...NotificationRow
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);
