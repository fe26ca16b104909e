import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../../app/format';
import { useNow } from '../../../ui/useNow';
import { useCan } from '../../auth/hooks/useSession';
import { useOrderComplaints } from '../hooks/useOrderComplaints';
import { liveSla } from './clock';
import { ComplaintStatusBadge } from './ComplaintBadges';
import { Countdown } from './Countdown';
import { OpenComplaintDialog } from './OpenComplaintDialog';
import { complaintPath } from './paths';
import '../complaints.css';

/** The order page's complaints: each with its status and clock, and a new one about this order. */
export function OrderComplaints({ number }: { number: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const can = useCan();
  const readable = can('COMPLAINT_READ');
  const { complaints, loaded } = useOrderComplaints(number, !readable);
  const now = useNow(1000);
  const [opening, setOpening] = useState(false);
  if (!readable) return null;
  return (
    <section className="card stack-sm" aria-labelledby="order-complaints-title">
      <div className="card-title card-title-actions">
        <h2 id="order-complaints-title">{t('complaints.order.title')}</h2>
        {can('COMPLAINT_OPEN') && (
          <button type="button" className="btn btn-small" onClick={() => setOpening(true)}>
            {t('complaints.open.button')}
          </button>
        )}
      </div>
      {!loaded ? (
        <p className="muted">{t('common.loading')}</p>
      ) : complaints.length === 0 ? (
        <p className="muted">{t('complaints.order.none')}</p>
      ) : (
        <ul className="order-complaints">
          {complaints.map((c) => (
            <li key={c.id} className="order-complaint">
              <Link to={complaintPath(c.id)} className="mono">
                {c.number}
              </Link>
              <ComplaintStatusBadge status={c.status} />
              <span className="small">{t(`complaintCategory.${c.category}`)}</span>
              <Countdown live={liveSla(c.sla, c.priority, now)} />
              <span className="muted small order-complaint-time">{f.shortDateTime(c.openedAt)}</span>
            </li>
          ))}
        </ul>
      )}
      <OpenComplaintDialog open={opening} onClose={() => setOpening(false)} orderNumber={number} />
    </section>
  );
}
