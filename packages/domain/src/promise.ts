/** Delivery promise by priority: urgent within 12 hours, high within a day, normal within two. */
export const PROMISE_HOURS = { URGENT: 12, HIGH: 24, NORMAL: 48 } as const;
export type Priority = keyof typeof PROMISE_HOURS;

export function promisedDeliveryBy(priority: Priority, placedAt: Date): Date {
  return new Date(placedAt.getTime() + PROMISE_HOURS[priority] * 3600_000);
}
