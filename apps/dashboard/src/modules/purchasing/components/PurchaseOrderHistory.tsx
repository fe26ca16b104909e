import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../app/format';
import type { PurchaseOrderDetailQuery } from '../../../gql/graphql';

type Detail = NonNullable<PurchaseOrderDetailQuery['purchaseOrder']>;
type Event = Detail['events']['edges'][number]['node'];

/** Contacts with the supplier (newest first) and every step of the order (oldest first). */
export function PurchaseOrderHistory({ contacts, events }: { contacts: Detail['contacts']; events: readonly Event[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <div className="stack">
      <section className="card" aria-labelledby="po-contacts-title">
        <h2 id="po-contacts-title" className="card-title">
          {t('purchasing.po.contacts')}
        </h2>
        {contacts.length === 0 ? (
          <p className="muted">{t('purchasing.po.noContacts')}</p>
        ) : (
          <ul className="contact-list">
            {contacts.map((c) => (
              <li key={c.createdAt}>
                <div>{c.note}</div>
                <div className="muted small">
                  {f.dateTime(c.createdAt)} · {c.actor}
                  {c.newExpectedDate && ` · ${t('purchasing.overdue.newDate', { date: c.newExpectedDate })}`}
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby="po-history-title">
        <h2 id="po-history-title" className="card-title">
          {t('purchasing.po.history')}
        </h2>
        <ol className="timeline">
          {events.map((e) => (
            <li key={e.sequence} className="timeline-item">
              <span className="timeline-marker" aria-hidden="true" />
              <div className="timeline-body">
                <div className="timeline-head">
                  <strong>
                    {e.type === 'STATUS_CHANGED'
                      ? t(`purchaseOrderStatus.${e.toStatus}`)
                      : t(`purchaseOrderEvent.${e.type}`)}
                  </strong>
                  <span className="muted small">{f.dateTime(e.createdAt)}</span>
                </div>
                {e.reason && <div className="timeline-reason">{e.reason}</div>}
                <div className="muted small">{e.actor}</div>
              </div>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
