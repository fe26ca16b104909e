import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../../app/format';
import { useCan } from '../../auth/hooks/useSession';
import { useOrderReturns } from '../hooks/useOrderReturns';
import { returnPath } from './paths';
import { linesSummary, OrderReturnStateBadge, resolutionText, ReturnStatusBadge } from './ReturnBadges';
import { RequestReturnDialog } from './RequestReturnDialog';
import '../returns.css';

/** The order page's title badge: how much of the order came back (nothing shown while nothing did). */
export function OrderReturnState({ number }: { number: string }) {
  const can = useCan();
  const { order } = useOrderReturns(number, !can('RETURN_READ'));
  return order ? <OrderReturnStateBadge state={order.returnState} /> : null;
}

/** The order page's returns: each with its status and outcome, and a new one for a delivered order. */
export function OrderReturns({ number }: { number: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const can = useCan();
  const readable = can('RETURN_READ');
  const { order, returns, loaded, error, refresh } = useOrderReturns(number, !readable);
  const [requesting, setRequesting] = useState(false);
  if (!readable) return null;
  const mayRequest = can('RETURN_HANDLE') && order?.status === 'DELIVERED';
  return (
    <section className="card stack-sm" aria-labelledby="order-returns-title">
      <div className="card-title card-title-actions">
        <h2 id="order-returns-title">
          {t('returns.order.title')} {order && <OrderReturnStateBadge state={order.returnState} />}
        </h2>
        {mayRequest && (
          <button type="button" className="btn btn-small" onClick={() => setRequesting(true)}>
            {t('returns.request.button')}
          </button>
        )}
      </div>
      {error && !loaded ? (
        <p className="field-error">
          {t('returns.order.loadFailed')}{' '}
          <button type="button" className="btn btn-ghost btn-small" onClick={refresh}>
            {t('common.retry')}
          </button>
        </p>
      ) : !loaded ? (
        <p className="muted">{t('common.loading')}</p>
      ) : returns.length === 0 ? (
        <p className="muted">
          {order?.status === 'DELIVERED' ? t('returns.order.noneDelivered') : t('returns.order.none')}
        </p>
      ) : (
        <ul className="order-returns">
          {returns.map((r) => (
            <li key={r.id} className="order-return">
              <div className="order-return-head">
                <Link to={returnPath(r.id)} className="mono">
                  {r.number}
                </Link>
                <ReturnStatusBadge status={r.status} />
                <span className="small">
                  {t(`returnReason.${r.reason}`)} · {resolutionText(t, r.resolution)}
                </span>
                <span className="muted small order-return-time">{f.shortDateTime(r.requestedAt)}</span>
              </div>
              <div className="muted small">
                <span className="mono">{linesSummary(r.lines)}</span>
                {r.refund && <> · {t('returns.order.refunded', { amount: f.money(r.refund.amount.fen) })}</>}
                {r.storeCredit && <> · {t('returns.order.credited', { amount: f.money(r.storeCredit.amount.fen) })}</>}
              </div>
            </li>
          ))}
        </ul>
      )}
      {order && mayRequest && (
        <RequestReturnDialog open={requesting} onClose={() => setRequesting(false)} order={order} />
      )}
    </section>
  );
}
