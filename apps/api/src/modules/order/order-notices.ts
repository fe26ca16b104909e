import { customerNoticeOfOrderStep, NotificationEvent } from '@fulfilment/domain';
import type { LifecycleEvent } from '../../common/aggregate-events';
import type { NotificationDraft } from '../notification/notification-outbox';
import type { Order } from './order.entity';
import type { CustomerNotice } from './order-transitions';

/** An order event as it is written, with the notice a DELIVERY_UPDATE carries. */
export type NoticedEvent = LifecycleEvent & { notice?: CustomerNotice };

/**
 * What the customer is told about the order's new events (written to the outbox with them): placing
 * and the status changes customers care about by rule, delivery news as the delivery says.
 * `firstSequence` is the sequence number the first of `events` gets; it makes each notice unique.
 */
export function customerNotices(
  order: Order,
  events: readonly NoticedEvent[],
  firstSequence: number,
): NotificationDraft[] {
  const drafts: NotificationDraft[] = [];
  const holdReasons = order.holdReasons.join(',');
  events.forEach((e, i) => {
    let notice: CustomerNotice | undefined = e.notice;
    if (e.type === 'PLACED') {
      notice = { event: 'ORDER_RECEIVED' };
      // Held for review at once: told too when the customer can help (payment, address).
      if (customerNoticeOfOrderStep('ON_HOLD', order.holdReasons))
        drafts.push({
          sourceKey: `order:${order.id}:${firstSequence + i}:held`,
          event: 'ORDER_HELD',
          customerId: order.customerId,
          orderId: order.id,
          facts: { holdReasons },
        });
    } else if (e.type === 'STATUS_CHANGED') {
      const event: NotificationEvent | null = customerNoticeOfOrderStep(e.to, order.holdReasons);
      notice = event
        ? {
            event,
            facts: {
              reason: event === 'ORDER_CANCELLED' ? (e.reason ?? '') : '',
              holdReasons: order.holdReasons.join(','),
            },
          }
        : undefined;
    }
    if (notice)
      drafts.push({
        sourceKey: `order:${order.id}:${firstSequence + i}`,
        event: notice.event,
        customerId: order.customerId,
        orderId: order.id,
        facts: notice.facts,
      });
  });
  return drafts;
}
