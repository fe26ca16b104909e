/**
 * Tracking numbers in the UPU S10 format, e.g. `EE123456785CN`: a two-letter service indicator, an
 * 8-digit serial, one check digit and the two-letter country code of the posting country.
 */
export const TRACKING_NUMBER_PATTERN = /^[A-Z]{2}\d{9}[A-Z]{2}$/;

const S10_WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7] as const;
const TWO_LETTERS = /^[A-Z]{2}$/;

/**
 * The S10 check digit of an 8-digit serial: the digits weighted 8, 6, 4, 2, 3, 5, 9, 7 and summed;
 * c = 11 − (sum mod 11), where 10 becomes 0 and 11 becomes 5. Throws RangeError unless `serial` is
 * exactly 8 digits.
 */
export function s10CheckDigit(serial: string): number {
  if (!/^\d{8}$/.test(serial)) throw new RangeError(`An S10 serial must be 8 digits, got "${serial}"`);
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(serial[i]) * S10_WEIGHTS[i];
  const c = 11 - (sum % 11);
  return c === 10 ? 0 : c === 11 ? 5 : c;
}

/**
 * The S10 tracking number for a service indicator (two capital letters), a serial (whole number
 * 0…99 999 999, zero-padded to 8 digits) and a country code (two capital letters, default CN).
 * Throws RangeError for any of them out of form.
 */
export function trackingNumber(service: string, serial: number, country: string = 'CN'): string {
  if (!TWO_LETTERS.test(service))
    throw new RangeError(`The service indicator must be two capital letters, got "${service}"`);
  if (!Number.isInteger(serial) || serial < 0 || serial > 99_999_999)
    throw new RangeError(`The serial must be a whole number from 0 to 99999999, got ${serial}`);
  if (!TWO_LETTERS.test(country))
    throw new RangeError(`The country code must be two capital letters, got "${country}"`);
  const digits = String(serial).padStart(8, '0');
  return `${service}${digits}${s10CheckDigit(digits)}${country}`;
}

/**
 * What is wrong with a tracking number the user entered, or null when it is valid. Surrounding
 * whitespace is trimmed; letters must be upper case. The reason tells a number out of form ("must look
 * like EE123456785CN") from one with a wrong check digit ("check digit should be 5, not 4"), which is
 * usually a typo in the digits.
 */
export function trackingNumberProblem(value: string): string | null {
  const v = value.trim();
  if (!TRACKING_NUMBER_PATTERN.test(v))
    return 'A tracking number must look like EE123456785CN: two capital letters, nine digits, two capital letters';
  const expected = s10CheckDigit(v.slice(2, 10));
  const actual = Number(v[10]);
  if (expected === actual) return null;
  return `The check digit should be ${expected}, not ${actual}; check the number for a typo`;
}
