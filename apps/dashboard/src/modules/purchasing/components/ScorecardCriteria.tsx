import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../app/format';
import type { ScorecardPeriodFragment } from '../../../gql/graphql';
import { StandingBadge } from './PurchasingBadges';

/** The latest period's criteria, each next to the figures it was computed from. */
export function ScorecardCriteria({ period }: { period: ScorecardPeriodFragment }) {
  const { t } = useTranslation();
  const f = useFormat();
  const pct = (v: number | null | undefined) =>
    v === null || v === undefined ? <span className="muted">{t('scorecard.noData')}</span> : `${f.number(v)} %`;
  const i = period.inputs;
  const rows = [
    {
      key: 'onTimeInFull',
      value: period.onTimeInFull,
      inputs: t('scorecard.inputs.otif', { onTime: f.number(i.onTimeInFull), due: f.number(i.due) }),
    },
    {
      key: 'inspectionPassRate',
      value: period.inspectionPassRate,
      inputs: t('scorecard.inputs.pass', { accepted: f.number(i.accepted), received: f.number(i.received) }),
    },
    {
      key: 'leadTimeKept',
      value: period.leadTimeKept,
      inputs: t('scorecard.inputs.leadTime', { count: i.leadTimeLines }),
    },
    { key: 'priceIndex', value: period.priceIndex, inputs: t('scorecard.inputs.price', { count: i.priceLines }) },
  ] as const;
  return (
    <div className="stack-sm">
      <div className="criteria-head">
        <span>{t('scorecard.period', { start: period.periodStart, end: period.periodEnd })}</span>
        <span className="criteria-total">
          {t('scorecard.total')}:{' '}
          <strong>
            {period.total === null || period.total === undefined ? t('scorecard.noData') : f.number(period.total)}
          </strong>{' '}
          <StandingBadge standing={period.standing} />
        </span>
      </div>
      <table className="data-table compact">
        <thead>
          <tr>
            <th scope="col">{t('scorecard.criterion')}</th>
            <th scope="col" className="num">
              {t('scorecard.value')}
            </th>
            <th scope="col">{t('scorecard.from')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{t(`scorecard.criteria.${r.key}`)}</th>
              <td className="num strong">{pct(r.value)}</td>
              <td className="muted small">{r.inputs}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
