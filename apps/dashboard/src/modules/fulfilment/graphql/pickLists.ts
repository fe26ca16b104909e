import { graphql } from '../../../gql';

/** One row of the pick list table (the live event carries it, so rows update wherever they are shown). */
export const pickListRowFragment = graphql(`
  fragment PickListRow on PickList {
    id
    number
    status
    warehouseCode
    deliveryCity
    createdAt
    createdBy
    picker
    startedAt
    completedAt
    updatedAt
    warehouse {
      id
      code
      name
      city
    }
    lines {
      id
      required
      picked
    }
    shipments {
      id
    }
  }
`);

export const pickListsQuery = graphql(`
  query PickLists($first: Int!, $after: String, $filter: PickListFilter) {
    pickLists(first: $first, after: $after, filter: $filter) {
      edges {
        cursor
        node {
          ...PickListRow
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const pickListDetailFragment = graphql(`
  fragment PickListDetail on PickList {
    ...PickListRow
    lines {
      id
      seq
      sku
      binLocation
      required
      picked
      shortReason
      pickedBy
      pickedAt
      product {
        id
        name
        spec
      }
    }
    shipments {
      ...ShipmentRow
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

export const pickListQuery = graphql(`
  query PickListDetail($id: ID!) {
    pickList(id: $id) {
      ...PickListDetail
    }
  }
`);

export const createPickListMutation = graphql(`
  mutation CreatePickList($input: CreatePickListInput!) {
    createPickList(input: $input) {
      pickList {
        ...PickListRow
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const startPickListMutation = graphql(`
  mutation StartPickList($input: PickListActionInput!) {
    startPickList(input: $input) {
      pickList {
        ...PickListDetail
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const recordPickMutation = graphql(`
  mutation RecordPick($input: RecordPickInput!) {
    recordPick(input: $input) {
      pickList {
        ...PickListDetail
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const pickListOutcomeFragment = graphql(`
  fragment PickListOrderOutcomeRow on PickListOrderOutcome {
    outcome
    detail
    order {
      id
      number
      status
    }
    shipment {
      id
      number
      status
      outcome
    }
  }
`);

export const completePickListMutation = graphql(`
  mutation CompletePickList($input: PickListActionInput!) {
    completePickList(input: $input) {
      pickList {
        ...PickListDetail
      }
      orders {
        ...PickListOrderOutcomeRow
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const cancelPickListMutation = graphql(`
  mutation CancelPickList($input: CancelPickListInput!) {
    cancelPickList(input: $input) {
      pickList {
        ...PickListDetail
      }
      orders {
        ...PickListOrderOutcomeRow
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const pickListChangedSubscription = graphql(`
  subscription PickListChangedLive {
    pickListChanged {
      sequence
      type
      fromStatus
      toStatus
      reason
      actor
      createdAt
      pickList {
        ...PickListRow
      }
    }
  }
`);
