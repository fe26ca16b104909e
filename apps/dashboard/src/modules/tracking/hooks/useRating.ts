import { useMutation } from '@apollo/client/react';
import { useErrorText, useUserErrorText } from '../../../app/errors';
import { useState } from 'react';
import { answerSurveyMutation, rateDeliveryMutation } from '../graphql/tracking';

export type RatingResult =
  | { kind: 'thanks' }
  | { kind: 'alreadyRated' }
  | { kind: 'notFound' }
  | { kind: 'failed'; title: string; detail?: string };

/**
 * Sends the customer's stars and comment: a delivery's rating (tracking link) or a survey's answer
 * (survey link). Already rated or answered is not a failure for the customer.
 */
export function useRating(kind: 'delivery' | 'survey', token: string, onRated: () => void) {
  const [rateDelivery, delivery] = useMutation(rateDeliveryMutation);
  const [answerSurvey, survey] = useMutation(answerSurveyMutation);
  const describeError = useErrorText();
  const describeUserError = useUserErrorText();
  const [result, setResult] = useState<RatingResult | null>(null);

  const rate = async (rating: number, comment: string) => {
    setResult(null);
    const text = comment.trim() ? { comment: comment.trim() } : {};
    try {
      const errors =
        kind === 'survey'
          ? ((await answerSurvey({ variables: { input: { token, rating, ...text } } })).data?.answerSurvey.userErrors ??
            [])
          : ((await rateDelivery({ variables: { input: { trackingToken: token, rating, ...text } } })).data
              ?.rateDelivery.userErrors ?? []);
      if (errors.some((e) => e.code === 'ALREADY_RATED' || e.code === 'ALREADY_ANSWERED'))
        setResult({ kind: 'alreadyRated' });
      else if (kind === 'survey' && errors.some((e) => e.code === 'NOT_FOUND')) setResult({ kind: 'notFound' });
      else if (errors.length) setResult({ kind: 'failed', ...describeUserError(errors[0]) });
      else setResult({ kind: 'thanks' });
      onRated();
    } catch (e) {
      setResult({ kind: 'failed', title: describeError(e).title });
    }
  };

  return { rate, busy: delivery.loading || survey.loading, result };
}
