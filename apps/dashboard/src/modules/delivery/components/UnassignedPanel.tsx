import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../../app/format';
import { useMutationOutcome } from '../../../app/useMutationOutcome';
import type { DeliveryRowFragment, PlanDeliveriesMutation } from '../../../gql/graphql';
import { EmptyState, InlineMessage, Spinner } from '../../../ui/States';
import { useCan } from '../../auth/hooks/useSession';
import { planDeliveriesMutation } from '../graphql/deliveries';
import { LateRiskBadge } from './DeliveryBadges';
import { runPath } from './paths';
import { windowText } from './windowText';

type Plan = NonNullable<PlanDeliveriesMutation['planDeliveries']>;

interface Props {
  rows: readonly DeliveryRowFragment[];
  onPlanned: () => void;
}

/** Deliveries waiting for a run, and planning them into runs zone by zone. */
export function UnassignedPanel({ rows, onPlanned }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const can = useCan();
  const outcome = useMutationOutcome();
  const [result, setResult] = useState<{
    runs: NonNullable<Plan['runs']>;
    unplanned: NonNullable<Plan['unplanned']>;
  } | null>(null);
  const zones = [...new Set(rows.map((d) => d.zone))];

  const plan = async () => {
    const runs: NonNullable<Plan['runs']> = [];
    const unplanned: NonNullable<Plan['unplanned']> = [];
    for (const zone of zones) {
      const ok = await outcome.run({
        mutation: planDeliveriesMutation,
        variables: { input: { zone } },
        success: (p) => {
          runs.push(...(p.runs ?? []));
          unplanned.push(...(p.unplanned ?? []));
          return t('delivery.plan.done', { runs: runs.length, unplanned: unplanned.length });
        },
      });
      if (!ok) break;
    }
    setResult({ runs, unplanned });
    onPlanned();
  };

  return (
    <div className="stack-sm">
      {can('DISPATCH') && (
        <div className="dispatch-panel-actions">
          <button
            type="button"
            className="btn btn-primary btn-small"
            disabled={!zones.length || outcome.busy}
            onClick={() => void plan()}
          >
            {outcome.busy && <Spinner small />}
            {t('delivery.plan.button')}
          </button>
          <span className="muted small">{t('delivery.plan.zones', { count: zones.length })}</span>
        </div>
      )}
      {outcome.failure?.map((m, i) => (
        <InlineMessage key={i} tone="error" title={m.title} detail={m.detail} />
      ))}
      {result && (
        <section className="plan-result" aria-label={t('delivery.plan.result')}>
          <div className="dispatch-item-head">
            <strong>{t('delivery.plan.result')}</strong>
            <button
              type="button"
              className="icon-btn dispatch-item-side"
              aria-label={t('common.close')}
              onClick={() => setResult(null)}
            >
              ×
            </button>
          </div>
          {result.runs.length === 0 ? (
            <p className="muted small">{t('delivery.plan.noRuns')}</p>
          ) : (
            <ul className="plain-list small">
              {result.runs.map((r) => (
                <li key={r.id}>
                  <Link to={runPath(r)} className="mono">
                    {r.number}
                  </Link>{' '}
                  {r.zone} · {t('delivery.plan.stops', { count: r.stops.length })} ·{' '}
                  {r.courier ? `${r.courier.code} ${r.courier.name}` : t('delivery.runs.noCourier')}
                </li>
              ))}
            </ul>
          )}
          {result.unplanned.length > 0 && (
            <>
              <p className="small strong">{t('delivery.plan.unplanned', { count: result.unplanned.length })}</p>
              <ul className="plain-list small">
                {result.unplanned.map((u) => (
                  <li key={u.delivery.id}>
                    <span className="mono">{u.delivery.number}</span> <span className="muted">{u.reason}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
      {!rows.length ? (
        <EmptyState title={t('delivery.unassigned.empty')} />
      ) : (
        <ul className="dispatch-list" aria-label={t('delivery.unassigned.title')}>
          {rows.map((d) => (
            <li key={d.id} className={d.lateRisk ? 'dispatch-item is-late' : 'dispatch-item'}>
              <div className="dispatch-item-head">
                <span className="mono strong">{d.number}</span>
                {d.lateRisk && <LateRiskBadge />}
                <span className="dispatch-item-side small muted">{windowText(f, d)}</span>
              </div>
              <div className="dispatch-item-meta small">
                <span>{d.zone}</span>
                <span>{t('delivery.units', { count: d.units })}</span>
                <span>{f.number(d.weightG / 1000)} kg</span>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
