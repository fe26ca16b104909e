import { HOUR } from './clock';

/**
 * The history ends in the middle of a promotion, so the live dashboard has work in progress whatever
 * hour `now` falls on: for the last three days orders come in several times faster than usual, and
 * customer service, the warehouses and the couriers, short-handed for the rush, fall behind.
 */
export const PROMOTION_HOURS = 72;
/** Orders per hour during the promotion, relative to an ordinary day at the same hour. */
export const PROMOTION_INTAKE = 4.5;
/** How many times longer reviews, holds and fulfilment steps take when they start during the promotion. */
export const PROMOTION_SLOWDOWN = 2.5;

export function inPromotion(t: number, now: number): boolean {
  return t >= now - PROMOTION_HOURS * HOUR;
}

/** How many times longer work starting at t takes than on an ordinary day. */
export function pace(t: number, now: number): number {
  return inPromotion(t, now) ? PROMOTION_SLOWDOWN : 1;
}
