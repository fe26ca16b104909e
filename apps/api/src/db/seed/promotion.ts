import { HOUR } from './clock';

/**
 * The history ends in the middle of a promotion, so the live dashboard has work in progress whatever
 * hour `now` falls on: for the last day and a half orders come in several times faster than usual,
 * and customer service and the warehouses, short-handed for the rush, take longer over every step.
 */
export const PROMOTION_HOURS = 36;
/** Orders per hour during the promotion, relative to an ordinary day at the same hour. */
export const PROMOTION_INTAKE = 3;
/** How much longer each review, hold and fulfilment step takes when it starts during the promotion. */
export const PROMOTION_BACKLOG = 2;

export function inPromotion(t: number, now: number): boolean {
  return t >= now - PROMOTION_HOURS * HOUR;
}
