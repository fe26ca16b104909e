import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutationOutcome } from '../../../app/useMutationOutcome';
import type { UpdateWebhookEndpointInput, WebhookEndpointRowFragment } from '../../../gql/graphql';
import { Dialog } from '../../../ui/Dialog';
import { InlineMessage } from '../../../ui/States';
import { FormField, GeneralFailures, splitFailures } from '../../purchasing/components/FormField';
import { createWebhookEndpointMutation, updateWebhookEndpointMutation } from '../graphql/webhooks';
import { EventTypeLabel, type EventTypeInfo } from './EventTypeLabel';

const FIELDS = ['url', 'description', 'eventTypes'] as const;
const URL_MAX = 2000;
const DESCRIPTION_MAX = 200;

function validUrl(value: string) {
  try {
    const u = new URL(value);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * Registers an endpoint (its secret then shown once, by `onCreated`), or changes one (`endpoint` given):
 * URL, description and the event types it receives.
 */
export function EndpointFormDialog({
  endpoint,
  eventTypes,
  onClose,
  onCreated,
}: {
  endpoint?: WebhookEndpointRowFragment | null;
  eventTypes: readonly EventTypeInfo[];
  onClose: () => void;
  onCreated?: (endpoint: WebhookEndpointRowFragment, secret: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const outcome = useMutationOutcome();
  const [url, setUrl] = useState(endpoint?.url ?? '');
  const [description, setDescription] = useState(endpoint?.description ?? '');
  const [types, setTypes] = useState<string[]>(endpoint ? [...endpoint.eventTypes] : []);
  const [touched, setTouched] = useState(false);
  const [edited, setEdited] = useState<Set<string>>(new Set());
  const [nothing, setNothing] = useState(false);

  const local: Partial<Record<(typeof FIELDS)[number], string>> = {};
  if (!url.trim()) local.url = t('webhooks.form.errors.urlRequired');
  else if (!validUrl(url.trim())) local.url = t('userErrors.INVALID_URL');
  else if (url.trim().length > URL_MAX) local.url = t('suppliers.form.errors.tooLong', { max: URL_MAX });
  if (description.trim().length > DESCRIPTION_MAX)
    local.description = t('suppliers.form.errors.tooLong', { max: DESCRIPTION_MAX });
  if (types.length === 0) local.eventTypes = t('webhooks.form.errors.eventTypes');

  const server = splitFailures(outcome.failure, FIELDS);
  const errorOf = (k: (typeof FIELDS)[number]) =>
    (touched ? local[k] : undefined) ?? (edited.has(k) ? undefined : server.byField[k]);
  const touch = (k: string) => {
    setEdited((e) => new Set(e).add(k));
    setNothing(false);
  };

  const submit = async () => {
    setTouched(true);
    if (Object.keys(local).length) return;
    setEdited(new Set());
    if (!endpoint) {
      const ok = await outcome.run({
        mutation: createWebhookEndpointMutation,
        variables: {
          input: {
            url: url.trim(),
            eventTypes: types,
            ...(description.trim() ? { description: description.trim() } : {}),
          },
        },
        success: (p) => {
          if (p.endpoint && p.secret) onCreated?.(p.endpoint, p.secret);
          return t('webhooks.created');
        },
      });
      if (ok) onClose();
      return;
    }
    const input: UpdateWebhookEndpointInput = { endpointId: endpoint.id };
    if (url.trim() !== endpoint.url) input.url = url.trim();
    if (description.trim() !== endpoint.description) input.description = description.trim();
    if ([...types].sort().join() !== [...endpoint.eventTypes].sort().join()) input.eventTypes = types;
    if (Object.keys(input).length === 1) {
      setNothing(true);
      return;
    }
    const ok = await outcome.run({
      mutation: updateWebhookEndpointMutation,
      variables: { input },
      success: () => t('webhooks.saved'),
    });
    if (ok) onClose();
  };

  const typesError = errorOf('eventTypes');
  return (
    <Dialog
      open
      wide
      title={endpoint ? t('webhooks.form.editTitle') : t('webhooks.form.createTitle')}
      onClose={onClose}
      onSubmit={() => void submit()}
      submitLabel={endpoint ? t('webhooks.form.save') : t('webhooks.form.create')}
      busy={outcome.busy}
    >
      <div className="stack">
        <FormField
          id={`${id}-url`}
          label={t('webhooks.form.url')}
          required
          hint={t('webhooks.form.urlHint')}
          error={errorOf('url')}
        >
          <input
            id={`${id}-url`}
            type="url"
            inputMode="url"
            value={url}
            autoComplete="off"
            spellCheck={false}
            placeholder="https://example.com/webhooks"
            aria-invalid={Boolean(errorOf('url'))}
            aria-describedby={`${id}-url-msg`}
            onChange={(e) => {
              setUrl(e.target.value);
              touch('url');
            }}
          />
        </FormField>
        <FormField
          id={`${id}-description`}
          label={t('webhooks.form.description')}
          hint={t('webhooks.form.descriptionHint')}
          error={errorOf('description')}
        >
          <input
            id={`${id}-description`}
            value={description}
            maxLength={DESCRIPTION_MAX}
            aria-describedby={`${id}-description-msg`}
            onChange={(e) => {
              setDescription(e.target.value);
              touch('description');
            }}
          />
        </FormField>
        <fieldset className="event-type-checks" aria-describedby={`${id}-types-msg`} aria-invalid={Boolean(typesError)}>
          <legend className="field-label">
            {t('webhooks.form.eventTypes')}
            <span aria-hidden="true"> *</span>
          </legend>
          {eventTypes.map((et) => (
            <label key={et.name} className="check event-type-check">
              <input
                type="checkbox"
                checked={types.includes(et.name)}
                onChange={(e) => {
                  setTypes(e.target.checked ? [...types, et.name] : types.filter((x) => x !== et.name));
                  touch('eventTypes');
                }}
              />
              <EventTypeLabel type={et} />
            </label>
          ))}
          <span id={`${id}-types-msg`} className={typesError ? 'field-error' : 'muted small'}>
            {typesError ?? t('webhooks.form.eventTypesHint')}
          </span>
        </fieldset>
        {nothing && <InlineMessage tone="info" title={t('suppliers.form.errors.nothingChanged')} />}
        <GeneralFailures failures={server.general} />
      </div>
    </Dialog>
  );
}
