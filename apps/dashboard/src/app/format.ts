import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { toLocale, type Locale } from './i18n';

/** The business runs on China Standard Time: "today", dates and date filters are in this zone. */
export const BUSINESS_TIME_ZONE = 'Asia/Shanghai';
const BUSINESS_OFFSET_MS = 8 * 3600_000; // Asia/Shanghai has no daylight saving time.

/** Start of the business day (00:00 in Shanghai) that contains `at`. */
export function startOfBusinessDay(at: Date = new Date()): Date {
  const local = at.getTime() + BUSINESS_OFFSET_MS;
  return new Date(local - (local % 86_400_000) - BUSINESS_OFFSET_MS);
}

/** "2026-11-22" (a date input's value) → that day's 00:00 in Shanghai, as an ISO instant. */
export function businessDayStartIso(day: string, plusDays = 0): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  const utc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + plusDays) - BUSINESS_OFFSET_MS;
  return new Date(utc).toISOString();
}

export interface Formatter {
  locale: Locale;
  money(fen: number): string;
  number(n: number): string;
  percent(share: number, digits?: number): string;
  dateTime(iso: string): string;
  date(iso: string): string;
  time(iso: string, seconds?: boolean): string;
  /** "5 min ago" / "5分钟前". */
  relative(iso: string, now?: number): string;
  /** A duration in minutes, shown in seconds, minutes, hours or days. */
  minutes(min: number): string;
  /** Month, day and time without the year, for dense tables. */
  shortDateTime(iso: string): string;
}

const cache = new Map<Locale, Formatter>();

export function formatterFor(locale: Locale): Formatter {
  const hit = cache.get(locale);
  if (hit) return hit;
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY', currencyDisplay: 'narrowSymbol' });
  const num = new Intl.NumberFormat(locale);
  const dateTime = new Intl.DateTimeFormat(locale, {
    timeZone: BUSINESS_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const date = new Intl.DateTimeFormat(locale, {
    timeZone: BUSINESS_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  const time = new Intl.DateTimeFormat(locale, {
    timeZone: BUSINESS_TIME_ZONE,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const timeSec = new Intl.DateTimeFormat(locale, {
    timeZone: BUSINESS_TIME_ZONE,
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  const rel = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' });
  const unit = (u: 'minute' | 'hour' | 'day', digits: number) =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: u, unitDisplay: 'short', maximumFractionDigits: digits });
  const secondFmt = new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: 'second',
    unitDisplay: 'short',
    maximumFractionDigits: 0,
  });
  const minuteFmt = unit('minute', 0);
  const shortDateTime = new Intl.DateTimeFormat(locale, {
    timeZone: BUSINESS_TIME_ZONE,
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const hourFmt = unit('hour', 1);
  const dayFmt = unit('day', 1);

  const f: Formatter = {
    locale,
    money: (fen) => money.format(fen / 100),
    number: (n) => num.format(n),
    percent: (share, digits = 1) =>
      new Intl.NumberFormat(locale, {
        style: 'percent',
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      }).format(share),
    dateTime: (iso) => dateTime.format(new Date(iso)),
    date: (iso) => date.format(new Date(iso)),
    time: (iso, seconds = false) => (seconds ? timeSec : time).format(new Date(iso)),
    relative: (iso, now = Date.now()) => {
      const sec = Math.round((new Date(iso).getTime() - now) / 1000);
      const abs = Math.abs(sec);
      if (abs < 45) return rel.format(0, 'second');
      if (abs < 3600) return rel.format(Math.round(sec / 60), 'minute');
      if (abs < 86_400) return rel.format(Math.round(sec / 3600), 'hour');
      return rel.format(Math.round(sec / 86_400), 'day');
    },
    shortDateTime: (iso) => shortDateTime.format(new Date(iso)),
    minutes: (min) => {
      if (min < 1) return secondFmt.format(Math.round(min * 60));
      if (min < 90) return minuteFmt.format(Math.round(min));
      if (min < 48 * 60) return hourFmt.format(min / 60);
      return dayFmt.format(min / 1440);
    },
  };
  cache.set(locale, f);
  return f;
}

/** Locale-aware formatting of money (CNY), numbers and dates for the current language. */
export function useFormat(): Formatter {
  const { i18n } = useTranslation();
  const locale = toLocale(i18n.resolvedLanguage ?? i18n.language);
  return useMemo(() => formatterFor(locale), [locale]);
}
