import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../../app/format';
import { Badge } from '../../../ui/Badge';
import { useCan } from '../../auth/hooks/useSession';
import { useOrderDeliveries } from '../hooks/useOrderDeliveries';
import { DeliveryStatusBadge, LateRiskBadge } from './DeliveryBadges';
import { DeliveryTrailMap } from './DeliveryTrailMap';
import { runPath } from './paths';
import { windowText } from './windowText';
import '../delivery.css';

/** The order's last mile: each delivery's status, window and ETA, run, trail, exception, rating and proof. */
export function OrderDeliveries({ number }: { number: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const can = useCan();
  const readable = can('DELIVERY_READ');
  const { deliveries, loaded } = useOrderDeliveries(number, !readable);
  if (!readable) return null;

  return (
    <section className="card stack" aria-labelledby="order-deliveries-title">
      <div className="card-title">
        <h2 id="order-deliveries-title">{t('delivery.order.title')}</h2>
      </div>
      {!loaded ? (
        <p className="muted">{t('common.loading')}</p>
      ) : deliveries.length === 0 ? (
        <p className="muted">{t('delivery.order.none')}</p>
      ) : (
        <ul className="dispatch-list">
          {deliveries.map((d) => (
            <li key={d.id} className="dispatch-item stack-sm" aria-label={d.number}>
              <div className="dispatch-item-head">
                <span className="mono strong">{d.number}</span>
                <DeliveryStatusBadge status={d.status} />
                {d.lateRisk && d.status !== 'DELIVERED' && <LateRiskBadge />}
                {d.onTime === false && <Badge tone="warning">{t('delivery.order.late')}</Badge>}
              </div>
              <dl className="delivery-facts">
                <div>
                  <dt>{t('delivery.order.window')}</dt>
                  <dd>{windowText(f, d)}</dd>
                </div>
                <div>
                  <dt>{d.deliveredAt ? t('delivery.order.deliveredAt') : t('delivery.eta')}</dt>
                  <dd>{d.deliveredAt ? f.shortDateTime(d.deliveredAt) : d.eta ? f.shortDateTime(d.eta) : '—'}</dd>
                </div>
                <div>
                  <dt>{t('delivery.order.run')}</dt>
                  <dd>
                    {d.run ? (
                      <Link to={runPath(d.run)} className="mono">
                        {d.run.number}
                      </Link>
                    ) : (
                      '—'
                    )}
                  </dd>
                </div>
                <div>
                  <dt>{t('delivery.order.rating')}</dt>
                  <dd>
                    {d.rating ? (
                      <span title={d.ratingComment ?? undefined}>
                        {'★'.repeat(d.rating)}
                        {'☆'.repeat(Math.max(0, 5 - d.rating))}
                        {d.ratingComment && <span className="muted small"> {d.ratingComment}</span>}
                      </span>
                    ) : (
                      '—'
                    )}
                  </dd>
                </div>
              </dl>
              {d.exception && (
                <p className="small dispatch-note">
                  <strong>{t(`deliveryExceptionReason.${d.exception.reason}`)}</strong> {d.exception.note}{' '}
                  <span className="muted">· {f.shortDateTime(d.exception.at)}</span>
                </p>
              )}
              <DeliveryTrailMap destination={d.position} trail={d.trail} />
              {d.proof && (
                <div className="proof">
                  <img
                    src={d.proof.imageDataUrl}
                    alt={t('delivery.order.proofAlt', { kind: t(`proofKind.${d.proof.kind}`), number: d.number })}
                    data-testid="proof-image"
                  />
                  <dl className="delivery-facts">
                    <div>
                      <dt>{t('delivery.order.proof')}</dt>
                      <dd>{t(`proofKind.${d.proof.kind}`)}</dd>
                    </div>
                    <div>
                      <dt>{t('delivery.order.recipient')}</dt>
                      <dd>{d.proof.recipientName ?? '—'}</dd>
                    </div>
                    <div>
                      <dt>{t('delivery.order.recordedAt')}</dt>
                      <dd>{f.shortDateTime(d.proof.recordedAt)}</dd>
                    </div>
                    {d.proof.note && (
                      <div>
                        <dt>{t('delivery.order.note')}</dt>
                        <dd>{d.proof.note}</dd>
                      </div>
                    )}
                  </dl>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
