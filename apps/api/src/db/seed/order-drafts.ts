import type { PaymentMethod } from '@fulfilment/domain';
import type { OrderPriority, SalesChannel } from '../../common/enums';
import { DAY, HOUR, shanghaiHour, shanghaiMidnight, shanghaiWeekday } from './clock';
import { CustomerSeed, Delivery, ProductSeed } from './model';
import { DELIVERY_NOTES, mobilePhone, personName } from './people';
import { inPromotion, PROMOTION_INTAKE } from './promotion';
import { Random } from './random';

/** What a customer asked for and when: the input of an order, before stock and review decide its fate. */
export interface OrderDraft {
  placedAt: number;
  customer: CustomerSeed;
  channel: SalesChannel;
  paymentMethod: PaymentMethod;
  paid: boolean;
  priority: OrderPriority;
  allowBackorder: boolean;
  lines: { product: ProductSeed; quantity: number }[];
  delivery: Delivery;
  note: string | null;
}

export const HISTORY_DAYS = 90;

/** Orders per hour of the Shanghai day: a morning peak and a bigger evening one. */
const HOURLY = [
  0.3, 0.15, 0.08, 0.05, 0.05, 0.1, 0.3, 0.8, 1.4, 1.8, 1.9, 1.7, 1.4, 1.2, 1.3, 1.4, 1.5, 1.6, 1.8, 2.2, 2.4, 2.1, 1.4,
  0.7,
];
/** Sunday first: weekends sell more groceries. */
const WEEKDAY = [1.2, 0.9, 0.92, 0.95, 1.0, 1.08, 1.25];

const CHANNELS: readonly (readonly [SalesChannel, number])[] = [
  ['MOBILE_APP', 40],
  ['WEB', 19],
  ['PARTNER', 17],
  ['OFFLINE_STORE', 8],
  ['WHOLESALE', 8],
  ['CUSTOM', 8],
];
/** Stores, sales and customer service enter orders in working hours only. */
const ONLINE_CHANNELS = CHANNELS.filter(([c]) => c === 'MOBILE_APP' || c === 'WEB' || c === 'PARTNER');

export function draftOrders(
  rng: Random,
  now: number,
  count: number,
  customers: readonly CustomerSeed[],
  products: readonly ProductSeed[],
): OrderDraft[] {
  const picker = new CustomerPicker(customers);
  const catalogue = new ProductPicker(products.filter((p) => p.active));
  const drafts = orderTimes(rng, now, count).map((t) => draftOrder(rng, t, picker, catalogue, inPromotion(t, now)));
  drafts.push(...corporateGiftOrders(rng, now, picker, catalogue));
  return drafts.sort((a, b) => a.placedAt - b.placedAt);
}

/** Order times over the last 90 days: growing business, weekly rhythm, daytime peaks, the promotion at the end. */
function orderTimes(rng: Random, now: number, count: number): number[] {
  const start = now - HISTORY_DAYS * DAY;
  const buckets: { from: number; to: number; cumulative: number }[] = [];
  let total = 0;
  let dayNoise = 1;
  for (let from = start; from < now; from = Math.min(now, shanghaiMidnight(from) + (shanghaiHour(from) + 1) * HOUR)) {
    const to = Math.min(now, shanghaiMidnight(from) + (shanghaiHour(from) + 1) * HOUR);
    if (shanghaiHour(from) === 0 || buckets.length === 0) dayNoise = rng.between(0.85, 1.15);
    const growth = 0.55 + 0.9 * ((from - start) / (now - start));
    const promotion = inPromotion(from, now) ? PROMOTION_INTAKE : 1;
    total +=
      ((to - from) / HOUR) *
      HOURLY[shanghaiHour(from)] *
      WEEKDAY[shanghaiWeekday(from)] *
      growth *
      dayNoise *
      promotion;
    buckets.push({ from, to, cumulative: total });
  }
  const times = Array.from({ length: count }, () => {
    const u = rng.next() * total;
    const bucket = buckets[lowerBound(buckets, (b) => b.cumulative > u)];
    return bucket.from + Math.floor(rng.next() * (bucket.to - bucket.from));
  });
  return times.sort((a, b) => a - b);
}

function draftOrder(
  rng: Random,
  placedAt: number,
  customers: CustomerPicker,
  catalogue: ProductPicker,
  promotion: boolean,
): OrderDraft {
  const hour = shanghaiHour(placedAt);
  let channel = rng.weighted(hour >= 9 && hour < 21 ? CHANNELS : ONLINE_CHANNELS);
  const business = channel === 'WHOLESALE' ? customers.pick(rng, placedAt, true) : null;
  if (channel === 'WHOLESALE' && !business) channel = 'WEB';
  const customer = business ?? customers.pick(rng, placedAt, false) ?? customers.first;
  const paymentMethod = paymentMethodFor(rng, channel, customer);
  const lines = linesFor(rng, channel, customer, catalogue);
  const cold = lines.some((l) => l.product.packaging.includes('COLD_CHAIN'));
  return {
    placedAt,
    customer,
    channel,
    paymentMethod,
    // Partner platforms and stores collect payment themselves; a few app and web payments lag behind,
    // more in the promotion, where shoppers grab the deal first and pay within the half hour.
    paid: channel === 'PARTNER' || channel === 'OFFLINE_STORE' || rng.chance(promotion ? 0.8 : 0.95),
    priority: rng.weighted([
      ['URGENT', 5],
      ['HIGH', cold ? 25 : 13],
      ['NORMAL', cold ? 70 : 82],
    ] as const),
    allowBackorder: rng.chance(channel === 'WHOLESALE' ? 0.6 : 0.4),
    lines,
    delivery: deliveryFor(rng, customer),
    note: rng.chance(0.15) ? rng.pick(DELIVERY_NOTES) : null,
  };
}

function paymentMethodFor(rng: Random, channel: SalesChannel, customer: CustomerSeed): PaymentMethod {
  if (channel === 'WHOLESALE')
    return rng.weighted([
      ['CARD', 35],
      ['CASH_ON_DELIVERY', 30],
      ['WECHAT_PAY', 20],
      ['ALIPAY', 15],
    ] as const);
  if (customer.isNew)
    return rng.weighted([
      ['WECHAT_PAY', 32],
      ['ALIPAY', 23],
      ['CARD', 5],
      ['CASH_ON_DELIVERY', 40],
    ] as const);
  return rng.weighted([
    ['WECHAT_PAY', 48],
    ['ALIPAY', 34],
    ['CARD', 5],
    ['CASH_ON_DELIVERY', 13],
  ] as const);
}

function linesFor(
  rng: Random,
  channel: SalesChannel,
  customer: CustomerSeed,
  catalogue: ProductPicker,
): OrderDraft['lines'] {
  const count = rng.weighted(
    channel === 'WHOLESALE'
      ? ([
          [1, 30],
          [2, 35],
          [3, 25],
          [4, 10],
        ] as const)
      : ([
          [1, 38],
          [2, 30],
          [3, 20],
          [4, 12],
        ] as const),
  );
  // Shops buy by the dozen; some new customers start with a big first order (office water, a party).
  const factor = channel === 'WHOLESALE' ? rng.int(6, 15) : customer.isNew && rng.chance(0.5) ? rng.int(3, 8) : 1;
  return catalogue
    .distinct(rng, count)
    .map((product) => ({ product, quantity: rng.int(...product.quantity) * factor }));
}

function deliveryFor(rng: Random, c: CustomerSeed): Delivery {
  // Sometimes someone else receives the goods at the customer's address.
  const other = rng.chance(0.08)
    ? { contactName: personName(rng).name, phone: mobilePhone(rng) }
    : { contactName: c.name, phone: c.phone };
  return { ...other, address: c.address, city: c.city, region: c.region };
}

/** Two company gift purchases big enough to need a person's approval (LARGE_ORDER). */
function corporateGiftOrders(
  rng: Random,
  now: number,
  customers: CustomerPicker,
  catalogue: ProductPicker,
): OrderDraft[] {
  const oil = catalogue.byName('鲁花 5S压榨一级花生油');
  const rice = catalogue.byName('五常稻花香大米');
  if (!oil || !rice) return [];
  const earlier = shanghaiMidnight(now - rng.int(20, 40) * DAY) + rng.int(10, 17) * HOUR;
  const recent = now - rng.int(3, 8) * HOUR;
  // Entered by customer service in office hours: the same afternoon, or the day before.
  const latest =
    shanghaiHour(recent) >= 10 && shanghaiHour(recent) < 18
      ? recent
      : shanghaiMidnight(recent - 10 * HOUR) + rng.int(10, 17) * HOUR;
  return [earlier, latest].flatMap((placedAt) => {
    const customer = customers.pick(rng, placedAt, true);
    if (!customer) return [];
    return [
      {
        placedAt,
        customer,
        channel: 'CUSTOM',
        paymentMethod: 'CARD',
        paid: true,
        priority: 'NORMAL',
        allowBackorder: true,
        lines: [
          { product: oil, quantity: rng.int(30, 40) * 10 },
          { product: rice, quantity: rng.int(10, 15) * 10 },
        ],
        delivery: deliveryFor(rng, customer),
        note: '公司节日福利团购，请开具增值税专用发票',
      },
    ];
  });
}

/** Picks customers by activity among those registered before the order. */
class CustomerPicker {
  private readonly all: WeightedList<CustomerSeed>;
  private readonly business: WeightedList<CustomerSeed>;

  constructor(customers: readonly CustomerSeed[]) {
    const sorted = [...customers].sort((a, b) => a.createdAt - b.createdAt);
    this.all = new WeightedList(sorted, (c) => c.activity);
    this.business = new WeightedList(
      sorted.filter((c) => c.business),
      (c) => c.activity,
    );
  }

  /** The longest-standing customer, for the unlikely order placed before anyone else registered. */
  get first(): CustomerSeed {
    return this.all.items[0];
  }

  pick(rng: Random, at: number, business: boolean): CustomerSeed | null {
    const list = business ? this.business : this.all;
    return list.pick(
      rng,
      lowerBound(list.items, (c) => c.createdAt >= at - HOUR),
    );
  }
}

class ProductPicker {
  private readonly list: WeightedList<ProductSeed>;

  constructor(private readonly products: readonly ProductSeed[]) {
    this.list = new WeightedList(products, (p) => p.popularity);
  }

  distinct(rng: Random, count: number): ProductSeed[] {
    const chosen: ProductSeed[] = [];
    while (chosen.length < Math.min(count, this.products.length)) {
      const p = this.list.pick(rng, this.products.length)!;
      if (!chosen.includes(p)) chosen.push(p);
    }
    return chosen;
  }

  byName(name: string): ProductSeed | undefined {
    return this.products.find((p) => p.name === name);
  }
}

/** Weighted choice among the first n items, by cumulative weights and binary search. */
class WeightedList<T> {
  private readonly cumulative: number[] = [];

  constructor(
    readonly items: readonly T[],
    weight: (item: T) => number,
  ) {
    let sum = 0;
    for (const item of items) this.cumulative.push((sum += weight(item)));
  }

  pick(rng: Random, n: number): T | null {
    if (n <= 0) return null;
    const u = rng.next() * this.cumulative[n - 1];
    return this.items[
      Math.min(
        n - 1,
        lowerBound(this.cumulative, (c) => c > u),
      )
    ];
  }
}

/** Index of the first element for which `isAfter` holds (elements must be ordered so it flips once). */
function lowerBound<T>(items: readonly T[], isAfter: (item: T) => boolean): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (isAfter(items[mid])) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
