import { graphql } from '../../../gql';

/** A complaint's clock as the queue, the header and the order page show it. */
export const complaintSlaFragment = graphql(`
  fragment ComplaintSlaFields on ComplaintSla {
    state
    kind
    dueAt
    secondsLeft
    responseDueAt
    resolutionDueAt
    responseBreached
    resolutionBreached
    policy
    pausedSeconds
  }
`);

/** One row of the queue (and what a live event carries, so the cache updates the row wherever it is). */
export const complaintRowFragment = graphql(`
  fragment ComplaintRow on Complaint {
    id
    number
    status
    category
    channel
    department
    priority
    openedAt
    respondedAt
    resolvedAt
    closedAt
    escalatedAt
    lastEventSequence
    owner {
      id
      name
    }
    customer {
      id
      name
    }
    order {
      id
      number
    }
    sla {
      ...ComplaintSlaFields
    }
  }
`);

/** The complaint page: the row's facts, what the customer said, the resolution and the history. */
export const complaintDetailFragment = graphql(`
  fragment ComplaintDetail on Complaint {
    ...ComplaintRow
    description
    rootCause
    outcome
    resolutionNote
    createdAt
    delivery {
      id
      status
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

export const complaintsQuery = graphql(`
  query Complaints($first: Int!, $after: String, $filter: ComplaintFilter) {
    complaints(first: $first, after: $after, filter: $filter) {
      edges {
        cursor
        node {
          ...ComplaintRow
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const complaintQuery = graphql(`
  query Complaint($id: ID!) {
    complaint(id: $id) {
      ...ComplaintDetail
    }
  }
`);

export const orderComplaintsQuery = graphql(`
  query OrderComplaints($number: String!) {
    orderByNumber(number: $number) {
      id
      complaints {
        ...ComplaintRow
      }
    }
  }
`);

/** The order a complaint is about, found by the number the customer quotes. */
export const complaintOrderLookupQuery = graphql(`
  query ComplaintOrderLookup($number: String!) {
    orderByNumber(number: $number) {
      id
      number
      customer {
        id
        name
      }
    }
  }
`);

export const openComplaintMutation = graphql(`
  mutation OpenComplaint($input: OpenComplaintInput!) {
    openComplaint(input: $input) {
      complaint {
        ...ComplaintDetail
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const acknowledgeComplaintMutation = graphql(`
  mutation AcknowledgeComplaint($input: ComplaintStepInput!) {
    acknowledgeComplaint(input: $input) {
      complaint {
        ...ComplaintDetail
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const assignComplaintMutation = graphql(`
  mutation AssignComplaint($input: AssignComplaintInput!) {
    assignComplaint(input: $input) {
      complaint {
        ...ComplaintDetail
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const updateComplaintStatusMutation = graphql(`
  mutation UpdateComplaintStatus($input: UpdateComplaintStatusInput!) {
    updateComplaintStatus(input: $input) {
      complaint {
        ...ComplaintDetail
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const resolveComplaintMutation = graphql(`
  mutation ResolveComplaint($input: ResolveComplaintInput!) {
    resolveComplaint(input: $input) {
      complaint {
        ...ComplaintDetail
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const reopenComplaintMutation = graphql(`
  mutation ReopenComplaint($input: ReopenComplaintInput!) {
    reopenComplaint(input: $input) {
      complaint {
        ...ComplaintDetail
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const complaintChangedSubscription = graphql(`
  subscription ComplaintChangedLive {
    complaintChanged {
      ...ComplaintRow
    }
  }
`);

export const slaAlertSubscription = graphql(`
  subscription SlaAlertLive {
    slaAlert {
      type
      at
      reason
      complaint {
        ...ComplaintRow
      }
    }
  }
`);

/** Staff who may own a complaint: active agents and managers, by name. */
export const complaintHandlersQuery = graphql(`
  query ComplaintHandlers {
    complaintHandlers {
      id
      name
    }
  }
`);

/** Where a quality complaint's goods came from: each order line's receipt and supplier. */
export const complaintQualityTraceQuery = graphql(`
  query ComplaintQualityTrace($id: ID!) {
    complaint(id: $id) {
      id
      qualityTrace {
        lineNo
        sku
        receipt {
          id
          number
          receivedAt
        }
        supplier {
          id
          code
          name
        }
      }
    }
  }
`);
