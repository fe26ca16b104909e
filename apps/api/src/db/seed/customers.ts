import type { CreditStatus } from '@fulfilment/domain';
import { DAY } from './clock';
import { CustomerSeed } from './model';
import { email, mobilePhone, personName, pickCity, streetAddress } from './people';
import { Random } from './random';

type Kind = 'regular' | 'business' | 'new' | 'blocked';

const KIND_SHARES: readonly (readonly [Kind, number])[] = [
  ['regular', 76],
  ['business', 7],
  ['new', 15],
  ['blocked', 2],
];

export function buildCustomers(rng: Random, now: number, count: number): CustomerSeed[] {
  const phones = new Set<string>();
  const customers = kindsFor(rng, count).map((kind) => buildCustomer(rng, now, kind, phones));
  return customers.sort((a, b) => a.createdAt - b.createdAt);
}

/** Exactly the shares of each kind, in random order. */
function kindsFor(rng: Random, count: number): Kind[] {
  const total = KIND_SHARES.reduce((sum, [, share]) => sum + share, 0);
  const kinds = KIND_SHARES.flatMap(([kind, share]) => Array<Kind>(Math.round((count * share) / total)).fill(kind));
  while (kinds.length < count) kinds.push('regular');
  return rng.shuffle(kinds.slice(0, count));
}

function buildCustomer(rng: Random, now: number, kind: Kind, phones: Set<string>): CustomerSeed {
  const person = personName(rng);
  const city = pickCity(rng);
  const isNew = kind === 'new';
  const creditStatus: CreditStatus = isNew ? 'UNASSESSED' : kind === 'blocked' ? 'BLOCKED' : 'GOOD';
  // New customers registered in the last month; everyone else over the last two years.
  const ageDays = isNew ? rng.between(0.5, 30) : rng.between(5, 730);
  return {
    id: rng.uuid(),
    name: person.name,
    phone: uniquePhone(rng, phones),
    email: rng.chance(0.4) ? email(rng, person) : null,
    address: streetAddress(rng, city),
    city: city.name,
    region: city.region,
    isNew,
    creditStatus,
    createdAt: now - Math.floor(ageDays * DAY),
    // Customers outside the delivery area rarely come back after their first order is refused.
    activity:
      Math.exp(rng.between(-1, 1.3)) *
      (isNew ? 3 : kind === 'blocked' ? 0.4 : 1) *
      (city.region === 'NORTHWEST' ? 0.5 : 1),
    business: kind === 'business',
  };
}

function uniquePhone(rng: Random, taken: Set<string>): string {
  for (;;) {
    const phone = mobilePhone(rng);
    if (!taken.has(phone)) {
      taken.add(phone);
      return phone;
    }
  }
}
