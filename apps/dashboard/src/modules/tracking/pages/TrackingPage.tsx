import { ApolloProvider } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { LanguageSwitch } from '../../../app/layout/LanguageSwitch';
import { EmptyState, ErrorState, LoadingState } from '../../../ui/States';
import { DeliveryFacts } from '../components/DeliveryFacts';
import { RatingForm } from '../components/RatingForm';
import { TrackingMap } from '../components/TrackingMap';
import { TrackingSteps } from '../components/TrackingSteps';
import { useTracking } from '../hooks/useTracking';
import { publicClient } from '../publicClient';
import '../tracking.css';

/** The customer's tracking link: public, no personal data, refreshed every 15 s. */
export function TrackingPage() {
  const { t } = useTranslation();
  return (
    <ApolloProvider client={publicClient()}>
      <div className="tracking-screen">
        <header className="tracking-topbar">
          <div className="tracking-brand">
            <svg width="24" height="24" viewBox="0 0 32 32" aria-hidden="true">
              <rect width="32" height="32" rx="7" fill="#1d4ed8" />
              <path d="M8 11h16M8 16h11M8 21h7" stroke="white" strokeWidth="3" strokeLinecap="round" />
            </svg>
            <span>{t('app.name')}</span>
          </div>
          <LanguageSwitch />
        </header>
        <main className="tracking-main">
          <h1>{t('tracking.title')}</h1>
          <TrackedDelivery />
        </main>
      </div>
    </ApolloProvider>
  );
}

function TrackedDelivery() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const { tracking: d, loaded, error, refresh } = useTracking(token);
  const [ratedHere, setRatedHere] = useState(false);

  if (error && !d) return <ErrorState error={error} onRetry={refresh} />;
  if (!loaded) return <LoadingState />;
  if (!d) return <EmptyState title={t('tracking.notFound')}>{t('tracking.notFoundHint')}</EmptyState>;

  const out = d.status === 'OUT_FOR_DELIVERY';
  return (
    <section className="tracking-card card" aria-label={t('tracking.delivery', { number: d.number })}>
      <div className="tracking-head">
        <span className="muted small">{t('tracking.number')}</span>
        <strong className="mono">{d.number}</strong>
      </div>
      <TrackingSteps status={d.status} />
      <p className="tracking-status" data-testid="tracking-status">
        {t(`tracking.status.${d.status}`)}
      </p>
      <DeliveryFacts tracking={d} />
      {out && d.courierNear && <TrackingMap near={d.courierNear} />}
      {d.status === 'DELIVERED' &&
        (d.canRate || ratedHere ? (
          <RatingForm
            token={token}
            onRated={() => {
              setRatedHere(true);
              refresh();
            }}
          />
        ) : d.rating ? (
          <p className="tracking-rated">
            <span className="stars-shown" aria-hidden="true">
              {'★'.repeat(d.rating)}
              <span className="stars-off">{'★'.repeat(5 - d.rating)}</span>
            </span>{' '}
            {t('tracking.rate.given', { count: d.rating })}
          </p>
        ) : null)}
      <p className="muted small tracking-refresh">{t('tracking.refreshes')}</p>
    </section>
  );
}
