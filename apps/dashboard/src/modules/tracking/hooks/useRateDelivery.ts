import { useMutation } from '@apollo/client/react';
import { useErrorText, useUserErrorText } from '../../../app/errors';
import { useState } from 'react';
import { answerSurveyMutation, rateDeliveryMutation } from '../graphql/tracking';

export type RatingResult =
  | { kind: 'thanks' }
  | { kind: 'alreadyRated' }
  | { kind: 'notFound' }
  | { kind: 'failed'; title: string; detail?: string };

/** Sends the customer's stars and comment; ALREADY_RATED is not a failure for the customer. */
export function useRateDelivery(token: string, onRated: () => void) {
  const [mutate, { loading }] = useMutation(rateDeliveryMutation);
  const describeError = useErrorText();
  const describeUserError = useUserErrorText();
  const [result, setResult] = useState<RatingResult | null>(null);

  const rate = async (rating: number, comment: string) => {
    setResult(null);
    try {
      const { data } = await mutate({
        variables: { input: { trackingToken: token, rating, ...(comment.trim() ? { comment: comment.trim() } : {}) } },
      });
      const errors = data?.rateDelivery.userErrors ?? [];
      if (errors.some((e) => e.code === 'ALREADY_RATED')) setResult({ kind: 'alreadyRated' });
      else if (errors.length) setResult({ kind: 'failed', ...describeUserError(errors[0]) });
      else setResult({ kind: 'thanks' });
      onRated();
    } catch (e) {
      setResult({ kind: 'failed', title: describeError(e).title });
    }
  };

  return { rate, busy: loading, result };
}

/** Sends the customer's answer to a satisfaction survey; ALREADY_ANSWERED is not a failure for the customer. */
export function useAnswerSurvey(token: string, onRated: () => void) {
  const [mutate, { loading }] = useMutation(answerSurveyMutation);
  const describeError = useErrorText();
  const describeUserError = useUserErrorText();
  const [result, setResult] = useState<RatingResult | null>(null);

  const rate = async (rating: number, comment: string) => {
    setResult(null);
    try {
      const { data } = await mutate({
        variables: { input: { token, rating, ...(comment.trim() ? { comment: comment.trim() } : {}) } },
      });
      const errors = data?.answerSurvey.userErrors ?? [];
      if (errors.some((e) => e.code === 'ALREADY_ANSWERED')) setResult({ kind: 'alreadyRated' });
      else if (errors.some((e) => e.code === 'NOT_FOUND')) setResult({ kind: 'notFound' });
      else if (errors.length) setResult({ kind: 'failed', ...describeUserError(errors[0]) });
      else setResult({ kind: 'thanks' });
      onRated();
    } catch (e) {
      setResult({ kind: 'failed', title: describeError(e).title });
    }
  };

  return { rate, busy: loading, result };
}
