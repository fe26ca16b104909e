/**
 * Personal data shown to people who may not read it: enough to recognise a customer on the phone
 * or a parcel's destination area, not enough to find the person.
 */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 7) return '*'.repeat(phone.length);
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}

export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '';
  // Chinese names keep the surname; Latin names keep the first letter.
  return `${chars[0]}${'*'.repeat(Math.max(1, Math.min(chars.length - 1, 2)))}`;
}

/** Keeps the city and the district (…区/县/市/旗) and drops street and number. */
export function maskAddress(address: string, city: string): string {
  const district = /^(.{1,8}?(?:区|县|旗|市))/.exec(address.trim())?.[1];
  return district && district !== city ? `${city}${district}` : city;
}

export function maskEmail(email: string): string {
  const at = email.indexOf('@');
  if (at < 1) return '***';
  return `${email[0]}***${email.slice(at)}`;
}
