/** China has one time zone and no daylight saving: a calendar day there is UTC+8. */
const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;

/** The calendar day (YYYY-MM-DD) in Asia/Shanghai at instant `at`. */
export function shanghaiDay(at: Date = new Date()): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** Whether `day` (YYYY-MM-DD) is a real calendar day (not 2026-02-30). */
export function isCalendarDay(day: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  const d = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === day;
}

/** `day` plus `n` calendar days. */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
