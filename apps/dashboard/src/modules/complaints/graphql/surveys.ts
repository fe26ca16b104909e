import { graphql } from '../../../gql';

/** Satisfaction against its target over a period: complaint surveys and delivery ratings together. */
export const satisfactionQuery = graphql(`
  query Satisfaction($days: Int!) {
    satisfaction(days: $days) {
      days
      answers
      satisfied
      rate
      target
      complaintAnswers
      deliveryRatings
    }
  }
`);

/** Satisfaction per month, oldest first. */
export const satisfactionByMonthQuery = graphql(`
  query SatisfactionByMonth($months: Int!) {
    satisfactionByMonth(months: $months) {
      month
      answers
      satisfied
      rate
    }
  }
`);

/** The surveys sent after complaints and deliveries, newest first (answered or not). */
export const surveysQuery = graphql(`
  query Surveys($first: Int!) {
    surveys(first: $first) {
      id
      subject
      rating
      comment
      sentAt
      answeredAt
    }
  }
`);
