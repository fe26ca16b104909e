/** Order priority, most urgent first: the order in which backorders are served. */
export const ORDER_PRIORITIES = ['URGENT', 'HIGH', 'NORMAL'] as const;
export type OrderPriority = (typeof ORDER_PRIORITIES)[number];

/** 0 for the most urgent; sorts backorders in code and in SQL (`priorityRankSql`). */
export function priorityRank(p: OrderPriority): number {
  return ORDER_PRIORITIES.indexOf(p);
}

/** Delivery promise by priority: urgent within 12 hours, high within a day, normal within two. */
export const PROMISE_HOURS: Readonly<Record<OrderPriority, number>> = { URGENT: 12, HIGH: 24, NORMAL: 48 };

export function promisedDeliveryBy(priority: OrderPriority, placedAt: Date): Date {
  return new Date(placedAt.getTime() + PROMISE_HOURS[priority] * 3600_000);
}
