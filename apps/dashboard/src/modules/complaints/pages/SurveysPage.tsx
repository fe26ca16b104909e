import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../app/format';
import { PageHeader } from '../../../ui/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../../ui/States';
import { KpiTile } from '../../overview/components/KpiTile';
import { satisfactionByMonthQuery, satisfactionQuery, surveysQuery } from '../graphql/surveys';
import '../complaints.css';

const RECENT = 50;

/** Satisfaction against its 90 % target: the last 30 days and the year, month by month, and the latest answers. */
export function SurveysPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const month = useQuery(satisfactionQuery, { variables: { days: 30 }, fetchPolicy: 'cache-and-network' });
  const year = useQuery(satisfactionQuery, { variables: { days: 365 }, fetchPolicy: 'cache-and-network' });
  const months = useQuery(satisfactionByMonthQuery, { variables: { months: 12 }, fetchPolicy: 'cache-and-network' });
  const recent = useQuery(surveysQuery, { variables: { first: RECENT }, fetchPolicy: 'cache-and-network' });
  const error = month.error ?? year.error ?? months.error ?? recent.error;
  const m = month.data?.satisfaction;
  const y = year.data?.satisfaction;
  const rows = months.data?.satisfactionByMonth ?? [];
  const pct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : f.percent(v));
  const tone = (v: number | null | undefined, target: number) =>
    v === null || v === undefined ? 'neutral' : v >= target ? 'good' : 'bad';
  const stars = (n: number) => '★'.repeat(n) + '☆'.repeat(5 - n);

  return (
    <div className="stack">
      <PageHeader title={t('surveys.title')} subtitle={t('surveys.subtitle')} />
      {error && (
        <ErrorState
          error={error}
          onRetry={() => void Promise.all([month.refetch(), year.refetch(), months.refetch(), recent.refetch()])}
        />
      )}
      {!m || !y ? (
        !error && <LoadingState label={t('common.loading')} rows={3} />
      ) : (
        <section className="kpi-grid" aria-label={t('surveys.kpis')}>
          <KpiTile
            label={t('surveys.last30')}
            value={pct(m.rate)}
            hint={t('surveys.kpiHint', { target: f.percent(m.target, 0), n: f.number(m.answers) })}
            tone={tone(m.rate, m.target)}
          />
          <KpiTile
            label={t('surveys.last365')}
            value={pct(y.rate)}
            hint={t('surveys.kpiHint', { target: f.percent(y.target, 0), n: f.number(y.answers) })}
            tone={tone(y.rate, y.target)}
          />
          <KpiTile
            label={t('surveys.sources')}
            value={f.number(m.answers)}
            hint={t('surveys.sourcesHint', {
              surveys: f.number(m.complaintAnswers),
              ratings: f.number(m.deliveryRatings),
            })}
          />
        </section>
      )}
      {m && rows.length > 0 && (
        <section className="card stack-sm" aria-labelledby="surveys-months-title">
          <h2 id="surveys-months-title" className="card-title">
            {t('surveys.byMonth')}
          </h2>
          <table className="data-table compact survey-months">
            <thead>
              <tr>
                <th scope="col">{t('surveys.columns.month')}</th>
                <th scope="col" className="num">
                  {t('surveys.columns.answers')}
                </th>
                <th scope="col" className="num">
                  {t('surveys.columns.rate')}
                </th>
                <th scope="col" aria-hidden="true" className="survey-bar-col" />
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.month} className={r.rate !== null && r.rate < m.target ? 'row-warning' : undefined}>
                  <td className="mono">{r.month}</td>
                  <td className="num">{f.number(r.answers)}</td>
                  <td className="num">
                    {pct(r.rate)}
                    {r.rate !== null && r.rate < m.target && (
                      <span className="sr-only"> {t('surveys.belowTarget')}</span>
                    )}
                  </td>
                  <td aria-hidden="true">
                    <span className="survey-bar">
                      <span
                        className={
                          r.rate !== null && r.rate >= m.target ? 'survey-bar-fill good' : 'survey-bar-fill bad'
                        }
                        style={{ width: `${Math.round((r.rate ?? 0) * 100)}%` }}
                      />
                      <span className="survey-bar-target" style={{ left: `${m.target * 100}%` }} />
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      <section className="card stack-sm" aria-labelledby="surveys-recent-title">
        <h2 id="surveys-recent-title" className="card-title">
          {t('surveys.recent', { count: RECENT })}
        </h2>
        {!recent.data ? (
          !recent.error && <LoadingState rows={4} />
        ) : recent.data.surveys.length === 0 ? (
          <EmptyState title={t('surveys.empty')} />
        ) : (
          <table className="data-table compact">
            <thead>
              <tr>
                <th scope="col">{t('surveys.columns.sent')}</th>
                <th scope="col">{t('surveys.columns.subject')}</th>
                <th scope="col">{t('surveys.columns.rating')}</th>
                <th scope="col">{t('surveys.columns.comment')}</th>
              </tr>
            </thead>
            <tbody>
              {recent.data.surveys.map((s) => (
                <tr key={s.id}>
                  <td className="small">{f.dateTime(s.sentAt)}</td>
                  <td className="small">{t(`surveySubject.${s.subject === 'COMPLAINT' ? 'COMPLAINT' : 'ORDER'}`)}</td>
                  <td>
                    {s.rating === null ? (
                      <span className="muted small">{t('surveys.unanswered')}</span>
                    ) : (
                      <span
                        className={s.rating >= 4 ? 'survey-stars good' : 'survey-stars bad'}
                        aria-label={t('surveys.ratingLabel', { n: s.rating })}
                      >
                        {stars(s.rating)}
                      </span>
                    )}
                  </td>
                  <td className="small">{s.comment ?? <span className="muted">—</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
