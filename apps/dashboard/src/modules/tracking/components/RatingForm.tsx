import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { InlineMessage, Spinner } from '../../../ui/States';
import { useRating } from '../hooks/useRating';

const STARS = [1, 2, 3, 4, 5];

/**
 * 1–5 stars and a comment, once; then thanks: a delivery's rating (tracking link) or a satisfaction
 * survey's answer (survey link).
 */
export function RatingForm({
  token,
  onRated,
  kind = 'delivery',
}: {
  token: string;
  onRated: () => void;
  kind?: 'delivery' | 'survey';
}) {
  const { t } = useTranslation();
  const id = useId();
  const [stars, setStars] = useState(0);
  const [comment, setComment] = useState('');
  const { rate, busy, result } = useRating(kind, token, onRated);
  const texts =
    kind === 'survey'
      ? {
          thanks: t('survey.thanks'),
          already: t('survey.already'),
          alreadyHint: t('survey.alreadyHint'),
          question: t('survey.question'),
          submit: t('survey.submit'),
        }
      : {
          thanks: t('tracking.rate.thanks'),
          already: t('tracking.rate.already'),
          alreadyHint: t('tracking.rate.alreadyHint'),
          question: t('tracking.rate.question'),
          submit: t('tracking.rate.submit'),
        };

  if (result?.kind === 'thanks') return <InlineMessage tone="success" title={texts.thanks} />;
  if (result?.kind === 'alreadyRated')
    return <InlineMessage tone="info" title={texts.already} detail={texts.alreadyHint} />;
  if (result?.kind === 'notFound')
    return <InlineMessage tone="error" title={t('survey.notFound')} detail={t('survey.notFoundHint')} />;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (stars) void rate(stars, comment);
  };

  return (
    <form className="rating-form stack-sm" onSubmit={submit} noValidate>
      <fieldset className="rating-stars">
        <legend className="field-label">{texts.question}</legend>
        {STARS.map((n) => (
          <label key={n} className={n <= stars ? 'star star-on' : 'star'}>
            <input
              type="radio"
              name={`${id}-stars`}
              value={n}
              checked={stars === n}
              onChange={() => setStars(n)}
              className="sr-only"
            />
            <span aria-hidden="true">★</span>
            <span className="sr-only">{t('tracking.rate.stars', { count: n })}</span>
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-comment`} className="field-label">
          {t('tracking.rate.comment')}
        </label>
        <textarea
          id={`${id}-comment`}
          rows={3}
          maxLength={500}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
        />
      </div>
      {result?.kind === 'failed' && <InlineMessage tone="error" title={result.title} detail={result.detail} />}
      <button type="submit" className="btn btn-primary" disabled={!stars || busy}>
        {busy && <Spinner small />}
        {texts.submit}
      </button>
    </form>
  );
}
