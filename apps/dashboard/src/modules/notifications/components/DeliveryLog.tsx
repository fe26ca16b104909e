import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../app/format';
import { useMutationOutcome } from '../../../app/useMutationOutcome';
import type { WebhookDeliveryRowFragment } from '../../../gql/graphql';
import { InlineMessage, Spinner } from '../../../ui/States';
import { redeliverWebhookMutation } from '../graphql/webhooks';
import { HttpStatus, WebhookDeliveryStatusBadge } from './NotificationBadges';

/** The payload as sent, indented (as it came when it is not JSON). */
function pretty(payload: string) {
  try {
    return JSON.stringify(JSON.parse(payload), null, 2);
  } catch {
    return payload;
  }
}

/**
 * An endpoint's deliveries, newest first: each opens to its attempts (HTTP status, time, error, the
 * answer's start) and its payload; a delivered or failed one can be sent again with the same webhook-id.
 */
export function DeliveryLog({
  rows,
  stale,
  hasNextPage,
  loadingMore,
  onLoadMore,
}: {
  rows: WebhookDeliveryRowFragment[];
  stale?: boolean;
  hasNextPage: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const outcome = useMutationOutcome();
  const [open, setOpen] = useState<Set<string>>(new Set());
  const [redelivering, setRedelivering] = useState<string | null>(null);
  const toggle = (id: string) =>
    setOpen((old) => {
      const next = new Set(old);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const redeliver = async (d: WebhookDeliveryRowFragment) => {
    setRedelivering(d.id);
    await outcome.run({
      mutation: redeliverWebhookMutation,
      variables: { input: { deliveryId: d.id } },
      success: () => t('webhooks.deliveries.redelivered', { id: d.webhookId }),
    });
    setRedelivering(null);
  };

  return (
    <div className="stack-sm">
      {outcome.failure?.map((m, i) => (
        <InlineMessage key={i} tone="error" title={m.title} detail={m.detail} />
      ))}
      <div className={stale ? 'table-scroll deliveries-scroll is-stale' : 'table-scroll deliveries-scroll'}>
        <table className="data-table deliveries-table">
          <colgroup>
            <col style={{ width: '4%' }} />
            <col style={{ width: '13%' }} />
            <col style={{ width: '18%' }} />
            <col style={{ width: '11%' }} />
            <col style={{ width: '7%' }} />
            <col style={{ width: '7%' }} />
            <col style={{ width: '26%' }} />
            <col style={{ width: '14%' }} />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">
                <span className="sr-only">{t('webhooks.deliveries.details')}</span>
              </th>
              <th scope="col">{t('webhooks.deliveries.time')}</th>
              <th scope="col">{t('webhooks.deliveries.eventType')}</th>
              <th scope="col">{t('webhooks.deliveries.status')}</th>
              <th scope="col" className="num">
                {t('webhooks.deliveries.attempts')}
              </th>
              <th scope="col" className="num">
                {t('webhooks.deliveries.http')}
              </th>
              <th scope="col">{t('webhooks.deliveries.webhookId')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((d) => {
              const expanded = open.has(d.id);
              const detailsId = `delivery-${d.id}`;
              return (
                <Fragment key={d.id}>
                  <tr
                    className={expanded ? 'delivery-row expanded' : 'delivery-row'}
                    aria-label={`${d.eventType} ${d.webhookId}`}
                  >
                    <td>
                      <button
                        type="button"
                        className="icon-btn expand-btn"
                        aria-expanded={expanded}
                        aria-controls={detailsId}
                        aria-label={t('webhooks.deliveries.toggle', { id: d.webhookId })}
                        onClick={() => toggle(d.id)}
                      >
                        <span aria-hidden="true">{expanded ? '▾' : '▸'}</span>
                      </button>
                    </td>
                    <td className="small" title={f.dateTime(d.createdAt)}>
                      {f.shortDateTime(d.createdAt)}
                    </td>
                    <td>
                      <code>{d.eventType}</code>
                    </td>
                    <td>
                      <WebhookDeliveryStatusBadge status={d.status} />
                      {d.nextAttemptAt && (
                        <div className="muted small">
                          {t('webhooks.deliveries.next', { at: f.time(d.nextAttemptAt, true) })}
                        </div>
                      )}
                    </td>
                    <td className="num">{f.number(d.attempts)}</td>
                    <td className="num">
                      <HttpStatus code={d.lastStatusCode} />
                    </td>
                    <td className="truncate mono small" title={d.webhookId}>
                      {d.webhookId}
                    </td>
                    <td>
                      {(d.status === 'DELIVERED' || d.status === 'FAILED') && (
                        <button
                          type="button"
                          className="btn btn-small"
                          disabled={redelivering !== null}
                          onClick={() => void redeliver(d)}
                        >
                          {redelivering === d.id && <Spinner small />}
                          {t('webhooks.deliveries.redeliver')}
                        </button>
                      )}
                    </td>
                  </tr>
                  {expanded && (
                    <tr className="delivery-details">
                      <td colSpan={8} id={detailsId}>
                        <div className="delivery-details-grid">
                          <section aria-label={t('webhooks.deliveries.attemptLog')}>
                            <h3 className="card-subtitle">{t('webhooks.deliveries.attemptLog')}</h3>
                            {d.lastError && <p className="small text-danger">{d.lastError}</p>}
                            {d.deliveredAt && (
                              <p className="small text-success">
                                {t('webhooks.deliveries.deliveredAt', { at: f.dateTime(d.deliveredAt) })}
                              </p>
                            )}
                            {d.attemptLog.length === 0 ? (
                              <p className="muted small">{t('webhooks.deliveries.noAttempts')}</p>
                            ) : (
                              <table className="data-table compact attempts-table">
                                <thead>
                                  <tr>
                                    <th scope="col" className="num">
                                      #
                                    </th>
                                    <th scope="col">{t('webhooks.attempts.time')}</th>
                                    <th scope="col" className="num">
                                      {t('webhooks.attempts.status')}
                                    </th>
                                    <th scope="col" className="num">
                                      {t('webhooks.attempts.duration')}
                                    </th>
                                    <th scope="col">{t('webhooks.attempts.result')}</th>
                                  </tr>
                                </thead>
                                <tbody>
                                  {d.attemptLog.map((a) => (
                                    <tr key={a.attempt}>
                                      <td className="num">{a.attempt}</td>
                                      <td className="small">{f.time(a.startedAt, true)}</td>
                                      <td className="num">
                                        <HttpStatus code={a.statusCode} />
                                      </td>
                                      <td className="num small">
                                        {t('webhooks.attempts.ms', { ms: f.number(a.durationMs) })}
                                      </td>
                                      <td className="small attempt-result">
                                        {a.error && <div className="text-danger">{a.error}</div>}
                                        {a.responseExcerpt ? (
                                          <code className="response-excerpt">{a.responseExcerpt}</code>
                                        ) : (
                                          !a.error && <span className="muted">{t('webhooks.attempts.emptyBody')}</span>
                                        )}
                                      </td>
                                    </tr>
                                  ))}
                                </tbody>
                              </table>
                            )}
                          </section>
                          <section aria-label={t('webhooks.deliveries.payload')}>
                            <h3 className="card-subtitle">{t('webhooks.deliveries.payload')}</h3>
                            <pre className="payload" tabIndex={0}>
                              {pretty(d.payload)}
                            </pre>
                          </section>
                        </div>
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
        <div className="table-foot" role="status" aria-live="polite">
          {loadingMore ? (
            <>
              <Spinner small /> {t('common.loadingMore')}
            </>
          ) : hasNextPage ? (
            <button type="button" className="btn btn-small" onClick={onLoadMore}>
              {t('common.loadMore')}
            </button>
          ) : (
            t('webhooks.deliveries.endOfList', { count: rows.length })
          )}
        </div>
      </div>
    </div>
  );
}
