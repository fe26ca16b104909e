import { DISTRICTS_BY_CITY } from './districts';

/**
 * Personal data shown to people who may not read it: enough to recognise a customer on the phone
 * or a parcel's destination area, not enough to find the person.
 */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/[^0-9]/g, '');
  if (digits.length < 7) return '*'.repeat([...phone].length);
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}

export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '';
  // Chinese names keep the surname; Latin names keep the first letter.
  return `${chars[0]}${'*'.repeat(Math.max(1, Math.min(chars.length - 1, 2)))}`;
}

/**
 * Keeps the city and, when the address starts with one of the city's known districts, the district;
 * street, number, compound and room are dropped. Anything else shows as the city only.
 */
export function maskAddress(address: string, city: string): string {
  let rest = address.trim();
  for (const prefix of [`${city}市`, city]) if (rest.startsWith(prefix)) rest = rest.slice(prefix.length);
  const district = DISTRICTS_BY_CITY[city]?.find((d) => rest.startsWith(d));
  return district ? `${city}${district}` : city;
}

/** An address with its city in front, once: left as it is where it already starts with the city (masked ones do). */
export function addressWithCity(city: string, address: string): string {
  const a = address.trim();
  return a.startsWith(city) ? a : `${city}${a}`;
}

export function maskEmail(email: string): string {
  const at = email.indexOf('@');
  if (at < 1) return '***';
  return `${email[0]}***${email.slice(at)}`;
}

/** Contact details inside free text (notes, reasons): mobile and landline numbers, e-mail addresses, ID numbers. */
const CONTACTS_IN_TEXT: readonly [RegExp, (match: string) => string][] = [
  [/(?<![0-9])[1-9][0-9]{16}[0-9Xx](?![0-9])/g, (id) => '*'.repeat(id.length)],
  [/(?<![0-9])1[3-9][0-9](?:[ -]?[0-9]{4}){2}(?![0-9])/g, maskPhone],
  [/(?<![0-9])0[0-9]{2,3}[ -]?[0-9]{7,8}(?![0-9])/g, maskPhone],
  [/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, maskEmail],
];

/**
 * Free text (a customer's note, a hold or cancel reason) with the contact details it contains masked
 * like the fields that hold them. Names cannot be recognised in free text; staff are asked not to
 * write them there.
 */
export function maskContactsInText(text: string): string {
  return CONTACTS_IN_TEXT.reduce((t, [pattern, mask]) => t.replace(pattern, mask), text);
}
