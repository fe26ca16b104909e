import type { Formatter } from '../../../app/format';

/** A promised window as "12-07 14:00–17:00". */
export const windowText = (f: Formatter, d: { windowStart: string; windowEnd: string }) =>
  `${f.shortDateTime(d.windowStart)}–${f.time(d.windowEnd)}`;
