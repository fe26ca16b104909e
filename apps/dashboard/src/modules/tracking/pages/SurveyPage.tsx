import { ApolloProvider } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { LanguageSwitch } from '../../../app/layout/LanguageSwitch';
import { RatingForm } from '../components/RatingForm';
import { publicClient } from '../publicClient';
import '../tracking.css';

/** A satisfaction survey's link: public, no sign-in; one answer of 1–5 stars with a comment. */
export function SurveyPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
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
          <h1>{t('survey.title')}</h1>
          <p className="muted">{t('survey.intro')}</p>
          <section className="card tracking-card">
            <RatingForm token={token} onRated={() => undefined} kind="survey" />
          </section>
        </main>
      </div>
    </ApolloProvider>
  );
}
