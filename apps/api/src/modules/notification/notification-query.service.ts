import type { DataSource } from 'typeorm';
import { paginate, filterId } from '../../common/connection';
import { Notification } from './notification.entity';
import { NotificationFilter, WebhookDeliveryFilter } from './notification.inputs';
import { WebhookDelivery, WebhookEndpoint } from './webhook.entity';

const NEWEST_FIRST = <T extends { createdAt: Date; id: string }>(alias: string) => ({
  columns: [`${alias}.created_at`, `${alias}.id`],
  kinds: ['timestamp', 'uuid'] as ('timestamp' | 'uuid')[],
  direction: 'DESC' as const,
  values: (r: T) => [r.createdAt, r.id],
});

/** Lists of notifications, endpoints and deliveries (each filter has its index, migration 1764700000000). */
export class NotificationQueryService {
  constructor(private readonly ds: DataSource) {}

  notifications(filter: NotificationFilter, page: { first?: number; after?: string }) {
    const qb = this.ds.getRepository(Notification).createQueryBuilder('n');
    if (filter.orderId)
      qb.andWhere('n.order_id = :orderId', { orderId: filterId(filter.orderId, 'Order', 'orderId', 'an order') });
    if (filter.customerId)
      qb.andWhere('n.customer_id = :customerId', {
        customerId: filterId(filter.customerId, 'Customer', 'customerId', 'a customer'),
      });
    if (filter.channel) qb.andWhere('n.channel = :channel', { channel: filter.channel });
    if (filter.status) qb.andWhere('n.status = :status', { status: filter.status });
    return paginate(qb, NEWEST_FIRST<Notification>('n'), page);
  }

  webhookEndpoints(): Promise<WebhookEndpoint[]> {
    return this.ds.getRepository(WebhookEndpoint).find({ order: { createdAt: 'ASC' } });
  }

  webhookDeliveries(filter: WebhookDeliveryFilter, page: { first?: number; after?: string }) {
    const qb = this.ds.getRepository(WebhookDelivery).createQueryBuilder('d');
    if (filter.endpointId)
      qb.andWhere('d.endpoint_id = :endpointId', {
        endpointId: filterId(filter.endpointId, 'WebhookEndpoint', 'endpointId', 'a webhook endpoint'),
      });
    if (filter.status) qb.andWhere('d.status = :status', { status: filter.status });
    if (filter.eventType) qb.andWhere('d.event_type = :eventType', { eventType: filter.eventType });
    return paginate(qb, NEWEST_FIRST<WebhookDelivery>('d'), page);
  }
}
