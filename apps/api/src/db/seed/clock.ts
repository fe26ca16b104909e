import { Random } from './random';

/** Times in the generator are epoch milliseconds; they become Dates only when written. */
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

// China has one time zone and no daylight saving, so Asia/Shanghai is always UTC+8.
const SHANGHAI_OFFSET = 8 * HOUR;

function local(t: number): Date {
  return new Date(t + SHANGHAI_OFFSET);
}

/** Hour of day (0–23) in Shanghai. */
export function shanghaiHour(t: number): number {
  return local(t).getUTCHours();
}

/** Day of week in Shanghai, 0 = Sunday. */
export function shanghaiWeekday(t: number): number {
  return local(t).getUTCDay();
}

/** The instant of midnight in Shanghai on the day containing t. */
export function shanghaiMidnight(t: number): number {
  const d = local(t);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - SHANGHAI_OFFSET;
}

/** YYYYMMDD of the Shanghai date, as order numbers carry it. */
export function shanghaiYmd(t: number): string {
  const d = local(t);
  return `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')}`;
}

/**
 * Moves t into Shanghai working hours [open, close): unchanged when already inside, otherwise to a
 * random moment in the first `catchUp` (an hour unless said) after the next opening, while the work
 * left from the night is done.
 */
export function duringHours(t: number, open: number, close: number, rng: Random, catchUp = HOUR): number {
  const hour = shanghaiHour(t);
  if (hour >= open && hour < close) return t;
  const midnight = shanghaiMidnight(t);
  const opening = hour < open ? midnight + open * HOUR : midnight + DAY + open * HOUR;
  return opening + Math.floor(rng.between(0, catchUp));
}
