import { useApolloClient } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutationOutcome } from '../../../app/useMutationOutcome';
import type { WebhookEndpointRowFragment } from '../../../gql/graphql';
import { Dialog } from '../../../ui/Dialog';
import { InlineMessage, Spinner } from '../../../ui/States';
import {
  deleteWebhookEndpointMutation,
  rotateWebhookSecretMutation,
  updateWebhookEndpointMutation,
} from '../graphql/webhooks';
import { EndpointFormDialog } from './EndpointFormDialog';
import type { EventTypeInfo } from './EventTypeLabel';
import { SecretDialog } from './SecretDialog';

type Confirm = 'rotate' | 'delete' | null;

/**
 * What can be done to an endpoint: pause or resume (activate a disabled one), edit, rotate the secret
 * (confirmed; the new one shown once), delete (confirmed).
 */
export function EndpointActions({
  endpoint: e,
  eventTypes,
  small,
  onDeleted,
}: {
  endpoint: WebhookEndpointRowFragment;
  eventTypes: readonly EventTypeInfo[];
  small?: boolean;
  onDeleted?: () => void;
}) {
  const { t } = useTranslation();
  const outcome = useMutationOutcome();
  const client = useApolloClient();
  const [editing, setEditing] = useState(false);
  const [confirm, setConfirm] = useState<Confirm>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [pending, setPending] = useState<'status' | 'rotate' | 'delete' | null>(null);
  const btn = small ? 'btn btn-small' : 'btn';

  const setStatus = async (status: 'ACTIVE' | 'PAUSED') => {
    setPending('status');
    await outcome.run({
      mutation: updateWebhookEndpointMutation,
      variables: { input: { endpointId: e.id, status } },
      success: () => (status === 'PAUSED' ? t('webhooks.paused') : t('webhooks.resumed')),
    });
    setPending(null);
  };
  const rotate = async () => {
    setPending('rotate');
    const ok = await outcome.run({
      mutation: rotateWebhookSecretMutation,
      variables: { input: { endpointId: e.id } },
      success: (p) => {
        if (p.secret) setSecret(p.secret);
        return t('webhooks.rotated');
      },
    });
    setPending(null);
    if (ok) setConfirm(null);
  };
  const remove = async () => {
    setPending('delete');
    const ok = await outcome.run({
      mutation: deleteWebhookEndpointMutation,
      variables: { input: { endpointId: e.id } },
      success: () => t('webhooks.deleted'),
    });
    setPending(null);
    if (ok) {
      setConfirm(null);
      onDeleted?.();
      // Gone from every list that showed it (lists drop a reference to an evicted entity).
      client.cache.evict({ id: client.cache.identify({ __typename: 'WebhookEndpoint', id: e.id }) });
      client.cache.gc();
    }
  };

  return (
    <>
      <div className="endpoint-actions">
        {e.status === 'ACTIVE' ? (
          <button type="button" className={btn} disabled={outcome.busy} onClick={() => void setStatus('PAUSED')}>
            {pending === 'status' && <Spinner small />}
            {t('webhooks.pause')}
          </button>
        ) : (
          <button
            type="button"
            className={`${btn} btn-primary`}
            disabled={outcome.busy}
            onClick={() => void setStatus('ACTIVE')}
          >
            {pending === 'status' && <Spinner small />}
            {e.status === 'DISABLED' ? t('webhooks.activate') : t('webhooks.resume')}
          </button>
        )}
        <button type="button" className={btn} onClick={() => setEditing(true)}>
          {t('webhooks.edit')}
        </button>
        <button type="button" className={btn} onClick={() => setConfirm('rotate')}>
          {t('webhooks.rotate')}
        </button>
        <button type="button" className={`${btn} btn-danger-outline`} onClick={() => setConfirm('delete')}>
          {t('webhooks.delete')}
        </button>
      </div>
      {!confirm &&
        outcome.failure?.map((m, i) => <InlineMessage key={i} tone="error" title={m.title} detail={m.detail} />)}
      {editing && <EndpointFormDialog endpoint={e} eventTypes={eventTypes} onClose={() => setEditing(false)} />}
      {confirm && (
        <Dialog
          open
          title={confirm === 'rotate' ? t('webhooks.rotateTitle') : t('webhooks.deleteTitle')}
          onClose={() => {
            setConfirm(null);
            outcome.clearFailure();
          }}
          onSubmit={() => void (confirm === 'rotate' ? rotate() : remove())}
          submitLabel={confirm === 'rotate' ? t('webhooks.rotate') : t('webhooks.delete')}
          submitTone={confirm === 'rotate' ? 'primary' : 'danger'}
          busy={pending === confirm}
        >
          <div className="stack-sm">
            <p>
              <code className="break">{e.url}</code>
            </p>
            <p>{confirm === 'rotate' ? t('webhooks.rotateText') : t('webhooks.deleteText')}</p>
            {outcome.failure?.map((m, i) => (
              <InlineMessage key={i} tone="error" title={m.title} detail={m.detail} />
            ))}
          </div>
        </Dialog>
      )}
      {secret && <SecretDialog secret={secret} url={e.url} rotated onClose={() => setSecret(null)} />}
    </>
  );
}
