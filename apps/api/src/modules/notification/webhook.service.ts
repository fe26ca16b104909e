import { randomBytes } from 'node:crypto';
import { isWebhookEventType, WEBHOOK_EVENT_TYPES } from '@fulfilment/domain';
import { Actor, actorLabel } from '../../common/actor';
import { audit } from '../../common/audit';
import { localId } from '../../common/global-id';
import { MutationResult, Mutations, Tx } from '../../common/mutation';
import { fail } from '../../common/user-error';
import { validateInput } from '../../common/validation';
import { OUTBOX_WAKE_SQL } from './notification.events';
import {
  CreateWebhookEndpointInput,
  RedeliverWebhookInput,
  UpdateWebhookEndpointInput,
  WebhookEndpointIdInput,
} from './notification.inputs';
import { checkWebhookUrl } from './webhook-url';
import { WebhookDelivery, WebhookEndpoint } from './webhook.entity';

type EndpointResult = MutationResult<{ endpoint: WebhookEndpoint; secret: string | null }>;

/** How long requests are signed with the old secret too after a rotation. */
const ROTATION_OVERLAP_HOURS = 24;

/** A Standard Webhooks secret: whsec_ and 32 random bytes in base64. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/** Integrators' webhook endpoints: registered, changed, paused, rotated, deleted; deliveries re-sent. */
export class WebhookService {
  constructor(
    private readonly mutations: Mutations,
    private readonly allowAddresses: readonly string[],
  ) {}

  async create(input: CreateWebhookEndpointInput, actor: Actor): Promise<EndpointResult> {
    const invalid = await validateInput(input);
    return this.mutations.run(
      actor,
      { action: 'CREATE_WEBHOOK_ENDPOINT', targetType: 'WebhookEndpoint', invalid },
      async (tx) => {
        const url = await checkWebhookUrl(input.url, this.allowAddresses);
        const eventTypes = this.eventTypes(input.eventTypes);
        const secret = newWebhookSecret();
        const [row] = await tx.m.query(
          `INSERT INTO webhook_endpoint (url, description, event_types, secret, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
          [url, input.description?.trim() ?? '', eventTypes, secret, actorLabel(tx.actor)],
        );
        await audit(tx.m, tx.actor, {
          action: 'CREATE_WEBHOOK_ENDPOINT',
          targetType: 'WebhookEndpoint',
          targetId: row.id,
          outcome: 'SUCCESS',
          details: { url, eventTypes },
        });
        return { endpoint: await this.endpoint(tx, row.id), secret };
      },
    );
  }

  async update(input: UpdateWebhookEndpointInput, actor: Actor): Promise<EndpointResult> {
    const invalid = await validateInput(input);
    return this.mutations.run(
      actor,
      { action: 'UPDATE_WEBHOOK_ENDPOINT', targetType: 'WebhookEndpoint', invalid },
      async (tx) => {
        const e = await this.lock(tx, input.endpointId);
        if (input.url !== undefined && input.url !== null)
          e.url = await checkWebhookUrl(input.url, this.allowAddresses);
        if (input.description !== undefined && input.description !== null) e.description = input.description.trim();
        if (input.eventTypes) e.eventTypes = this.eventTypes(input.eventTypes);
        if (input.status === 'DISABLED')
          fail('INVALID_INPUT', 'Set ACTIVE or PAUSED; endpoints are disabled by answering 410 Gone', [
            'input',
            'status',
          ]);
        const reactivated = input.status === 'ACTIVE' && e.status !== 'ACTIVE';
        if (input.status) e.status = input.status;
        await tx.m.query(
          `UPDATE webhook_endpoint SET url = $2, description = $3, event_types = $4, status = $5,
                disabled_reason = CASE WHEN $5 = 'DISABLED' THEN disabled_reason END, updated_at = now() WHERE id = $1`,
          [e.id, e.url, e.description, e.eventTypes, e.status],
        );
        // Held deliveries of a paused or disabled endpoint go out now.
        if (reactivated) await tx.m.query(OUTBOX_WAKE_SQL);
        await audit(tx.m, tx.actor, {
          action: 'UPDATE_WEBHOOK_ENDPOINT',
          targetType: 'WebhookEndpoint',
          targetId: e.id,
          outcome: 'SUCCESS',
          details: { url: e.url, eventTypes: e.eventTypes, status: e.status },
        });
        return { endpoint: await this.endpoint(tx, e.id), secret: null };
      },
    );
  }

  async rotateSecret(input: WebhookEndpointIdInput, actor: Actor): Promise<EndpointResult> {
    return this.mutations.run(actor, { action: 'ROTATE_WEBHOOK_SECRET', targetType: 'WebhookEndpoint' }, async (tx) => {
      const e = await this.lock(tx, input.endpointId);
      const secret = newWebhookSecret();
      await tx.m.query(
        `UPDATE webhook_endpoint SET previous_secret = secret, previous_secret_until = now() + make_interval(hours => $3),
                secret = $2, updated_at = now() WHERE id = $1`,
        [e.id, secret, ROTATION_OVERLAP_HOURS],
      );
      await audit(tx.m, tx.actor, {
        action: 'ROTATE_WEBHOOK_SECRET',
        targetType: 'WebhookEndpoint',
        targetId: e.id,
        outcome: 'SUCCESS',
        details: { url: e.url },
      });
      return { endpoint: await this.endpoint(tx, e.id), secret };
    });
  }

  async delete(input: WebhookEndpointIdInput, actor: Actor): Promise<MutationResult<{ deletedId: string }>> {
    return this.mutations.run(
      actor,
      { action: 'DELETE_WEBHOOK_ENDPOINT', targetType: 'WebhookEndpoint' },
      async (tx) => {
        const e = await this.lock(tx, input.endpointId);
        await tx.m.query(`DELETE FROM webhook_endpoint WHERE id = $1`, [e.id]);
        await audit(tx.m, tx.actor, {
          action: 'DELETE_WEBHOOK_ENDPOINT',
          targetType: 'WebhookEndpoint',
          targetId: e.id,
          outcome: 'SUCCESS',
          details: { url: e.url },
        });
        return { deletedId: input.endpointId };
      },
    );
  }

  /** Sends a delivered or failed delivery again, with the same webhook-id. */
  async redeliver(input: RedeliverWebhookInput, actor: Actor): Promise<MutationResult<{ delivery: WebhookDelivery }>> {
    return this.mutations.run(actor, { action: 'REDELIVER_WEBHOOK', targetType: 'WebhookDelivery' }, async (tx) => {
      const id = localId(input.deliveryId, 'WebhookDelivery');
      const [d] = id
        ? await tx.m.query(
            `SELECT d.status, w.status AS endpoint_status FROM webhook_delivery d JOIN webhook_endpoint w ON w.id = d.endpoint_id
              WHERE d.id = $1 FOR UPDATE OF d`,
            [id],
          )
        : [];
      if (!d) fail('NOT_FOUND', 'No webhook delivery with this id', ['input', 'deliveryId']);
      if (d.status === 'PENDING' || d.status === 'RETRYING')
        fail('NOT_REDELIVERABLE', `The delivery is ${d.status.toLowerCase()}; it is being worked`, [
          'input',
          'deliveryId',
        ]);
      if (d.endpoint_status === 'DISABLED')
        fail('ENDPOINT_DISABLED', 'The endpoint is disabled; set it ACTIVE first', ['input', 'deliveryId']);
      await tx.m.query(
        `UPDATE webhook_delivery SET status = 'PENDING', next_attempt_at = now(), claimed_until = NULL WHERE id = $1`,
        [id],
      );
      await tx.m.query(OUTBOX_WAKE_SQL);
      await audit(tx.m, tx.actor, {
        action: 'REDELIVER_WEBHOOK',
        targetType: 'WebhookDelivery',
        targetId: id,
        outcome: 'SUCCESS',
        details: {},
      });
      return { delivery: await tx.m.getRepository(WebhookDelivery).findOneByOrFail({ id: id! }) };
    });
  }

  private eventTypes(types: string[]): string[] {
    const unique = [...new Set(types.map((t) => t.trim()))];
    const unknown = unique.filter((t) => !isWebhookEventType(t));
    if (unknown.length || unique.length === 0)
      fail(
        'UNKNOWN_EVENT_TYPE',
        `Unknown event type ${unknown.map((t) => JSON.stringify(t.slice(0, 64))).join(', ') || '(none)'}; use ${Object.keys(WEBHOOK_EVENT_TYPES).join(', ')}`,
        ['input', 'eventTypes'],
      );
    return unique.sort();
  }

  private async lock(tx: Tx, globalId: string): Promise<WebhookEndpoint> {
    const id = localId(globalId, 'WebhookEndpoint');
    const e = id
      ? await tx.m.getRepository(WebhookEndpoint).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } })
      : null;
    return e ?? fail('NOT_FOUND', 'No webhook endpoint with this id', ['input', 'endpointId']);
  }

  private endpoint(tx: Tx, id: string): Promise<WebhookEndpoint> {
    return tx.m.getRepository(WebhookEndpoint).findOneByOrFail({ id });
  }
}
