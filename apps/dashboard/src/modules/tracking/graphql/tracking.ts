import { graphql } from '../../../gql';

export const deliveryTrackingQuery = graphql(`
  query TrackedDelivery($token: String!) {
    deliveryTracking(token: $token) {
      number
      status
      zone
      windowStart
      windowEnd
      eta
      stopsBefore
      courierNear {
        lat
        lng
      }
      deliveredAt
      canRate
      rating
    }
  }
`);

export const rateDeliveryMutation = graphql(`
  mutation RateDelivery($input: RateDeliveryInput!) {
    rateDelivery(input: $input) {
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const answerSurveyMutation = graphql(`
  mutation AnswerSurvey($input: AnswerSurveyInput!) {
    answerSurvey(input: $input) {
      userErrors {
        code
        field
        message
      }
    }
  }
`);
