import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../../app/format';
import type { WebhookEndpointRowFragment } from '../../../gql/graphql';
import { PageHeader } from '../../../ui/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../../ui/States';
import { EndpointActions } from '../components/EndpointActions';
import { EndpointFormDialog } from '../components/EndpointFormDialog';
import { useEventTypeText } from '../components/EventTypeLabel';
import { EndpointStatusBadge } from '../components/NotificationBadges';
import { SecretDialog } from '../components/SecretDialog';
import { useWebhookEndpoints } from '../hooks/useWebhookEndpoints';
import '../notifications.css';

import { endpointPath } from '../components/paths';

/** Integrators' receivers of signed events: register, pause, edit, rotate secrets, delete. */
export function WebhooksPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { endpoints, eventTypes, loaded, error, refresh } = useWebhookEndpoints();
  const typeText = useEventTypeText();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<{ endpoint: WebhookEndpointRowFragment; secret: string } | null>(null);
  const describe = (name: string) => {
    const type = eventTypes.find((x) => x.name === name);
    return type ? typeText(type) : undefined;
  };

  return (
    <div className="page">
      <PageHeader
        title={t('webhooks.title')}
        subtitle={t('webhooks.subtitle')}
        actions={
          <>
            <button type="button" className="btn" onClick={refresh}>
              {t('common.refresh')}
            </button>
            <button type="button" className="btn btn-primary" disabled={!loaded} onClick={() => setCreating(true)}>
              {t('webhooks.add')}
            </button>
          </>
        }
      />
      {error && !loaded ? (
        <ErrorState error={error} onRetry={refresh} />
      ) : !loaded ? (
        <LoadingState rows={4} />
      ) : endpoints.length === 0 ? (
        <EmptyState title={t('webhooks.empty')}>{t('webhooks.emptyHint')}</EmptyState>
      ) : (
        <div className="table-scroll endpoints-scroll">
          <table className="data-table endpoints-table">
            <thead>
              <tr>
                <th scope="col" style={{ width: '30%' }}>
                  {t('webhooks.columns.url')}
                </th>
                <th scope="col" style={{ width: '20%' }}>
                  {t('webhooks.columns.eventTypes')}
                </th>
                <th scope="col" style={{ width: '10%' }}>
                  {t('webhooks.columns.status')}
                </th>
                <th scope="col" style={{ width: '10%' }}>
                  {t('webhooks.columns.created')}
                </th>
                <th scope="col" style={{ width: '30%' }}>
                  {t('common.actions')}
                </th>
              </tr>
            </thead>
            <tbody>
              {endpoints.map((e) => (
                <tr key={e.id} className={e.status === 'DISABLED' ? 'row-danger' : undefined} aria-label={e.url}>
                  <td>
                    <Link to={endpointPath(e)} className="mono break endpoint-url">
                      {e.url}
                    </Link>
                    {e.description && <div className="muted small">{e.description}</div>}
                  </td>
                  <td>
                    <ul className="event-type-tags">
                      {e.eventTypes.map((name) => (
                        <li key={name} title={describe(name)}>
                          <code>{name}</code>
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td>
                    <EndpointStatusBadge status={e.status} />
                    {e.disabledReason && <div className="small text-danger">{e.disabledReason}</div>}
                    {e.previousSecretUntil && new Date(e.previousSecretUntil).getTime() > Date.now() && (
                      <div className="muted small">
                        {t('webhooks.overlapUntil', { at: f.shortDateTime(e.previousSecretUntil) })}
                      </div>
                    )}
                  </td>
                  <td className="small">{f.date(e.createdAt)}</td>
                  <td>
                    <EndpointActions endpoint={e} eventTypes={eventTypes} small />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {creating && (
        <EndpointFormDialog
          eventTypes={eventTypes}
          onClose={() => setCreating(false)}
          onCreated={(endpoint, secret) => {
            setCreated({ endpoint, secret });
            refresh();
          }}
        />
      )}
      {created && <SecretDialog secret={created.secret} url={created.endpoint.url} onClose={() => setCreated(null)} />}
    </div>
  );
}
