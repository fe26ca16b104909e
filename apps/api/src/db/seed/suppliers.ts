import type { Region } from '@fulfilment/domain';
import { DAY } from './clock';
import { OfferSeed, ProductSeed, ReliabilityProfile, SupplierSeed, SupplierTier } from './model';
import { CITIES, email, mobilePhone, personName, streetAddress } from './people';
import { Random } from './random';

/** [code, name, city, categories supplied, regions delivered to (empty = all), tier] */
type Template = readonly [string, string, string, readonly string[], readonly Region[], SupplierTier];

const ALL_REGIONS: readonly Region[] = ['EAST', 'NORTH', 'SOUTH', 'CENTRAL', 'SOUTHWEST', 'NORTHEAST', 'NORTHWEST'];

// Regional producers deliver near home, national distributors everywhere. The tier decides how well
// each one delivers in the history, so the scorecards computed from it differ.
const TEMPLATES: readonly Template[] = [
  ['SUP-HZ-01', '杭州清泉饮品有限公司', '杭州', ['饮用水', '零食饮料'], ['EAST', 'CENTRAL', 'NORTH'], 'EXCELLENT'],
  ['SUP-GZ-01', '广州珠江源水业有限公司', '广州', ['饮用水'], ['SOUTH', 'SOUTHWEST', 'CENTRAL'], 'GOOD'],
  ['SUP-BJ-01', '北京燕山泉饮料有限公司', '北京', ['饮用水', '零食饮料'], ['NORTH', 'NORTHEAST', 'NORTHWEST'], 'WATCH'],
  ['SUP-SH-01', '上海申鲜农产品有限公司', '上海', ['生鲜果蔬'], ['EAST', 'CENTRAL'], 'EXCELLENT'],
  [
    'SUP-CD-01',
    '成都天府果蔬供应链有限公司',
    '成都',
    ['生鲜果蔬', '肉禽蛋'],
    ['SOUTHWEST', 'CENTRAL', 'NORTHWEST'],
    'GOOD',
  ],
  ['SUP-SZ-01', '深圳鹏城鲜达农业有限公司', '深圳', ['生鲜果蔬'], ['SOUTH', 'EAST', 'SOUTHWEST'], 'WATCH'],
  ['SUP-SY-01', '沈阳北方绿野食品有限公司', '沈阳', ['生鲜果蔬', '肉禽蛋'], ['NORTHEAST', 'NORTH'], 'GOOD'],
  ['SUP-WH-01', '武汉江汉牧业有限公司', '武汉', ['肉禽蛋'], ['CENTRAL', 'EAST', 'SOUTH', 'SOUTHWEST'], 'EXCELLENT'],
  ['SUP-NJ-01', '南京金陵禽业有限公司', '南京', ['肉禽蛋', '冷冻速食'], ['EAST', 'NORTH', 'CENTRAL'], 'GOOD'],
  [
    'SUP-CQ-01',
    '重庆山城冷链食品有限公司',
    '重庆',
    ['肉禽蛋', '冷冻速食'],
    ['SOUTHWEST', 'CENTRAL', 'SOUTH', 'EAST'],
    'BLOCKED',
  ],
  ['SUP-TJ-01', '天津津沽粮油有限公司', '天津', ['粮油调味'], ['NORTH', 'NORTHEAST', 'EAST', 'NORTHWEST'], 'EXCELLENT'],
  ['SUP-CS-01', '长沙湘粮食品有限公司', '长沙', ['粮油调味'], ['CENTRAL', 'SOUTH', 'SOUTHWEST'], 'GOOD'],
  [
    'SUP-SZ-02',
    '苏州禾丰粮油贸易有限公司',
    '苏州',
    ['粮油调味', '零食饮料'],
    ['EAST', 'CENTRAL', 'SOUTH'],
    'EXCELLENT',
  ],
  ['SUP-DL-01', '大连海滨乳业有限公司', '大连', ['乳品'], ['NORTHEAST', 'NORTH', 'EAST'], 'GOOD'],
  ['SUP-SH-02', '上海光华乳品有限公司', '上海', ['乳品', '冷冻速食'], [], 'EXCELLENT'],
  ['SUP-XA-01', '西安秦川乳业有限公司', '西安', ['乳品'], ['NORTHWEST', 'CENTRAL', 'SOUTHWEST', 'NORTH'], 'GOOD'],
  ['SUP-GZ-02', '广州岭南食品贸易有限公司', '广州', ['零食饮料', '冷冻速食'], ['SOUTH', 'SOUTHWEST', 'EAST'], 'WATCH'],
  ['SUP-WH-02', '武汉楚天商贸有限公司', '武汉', ['零食饮料', '日用百货'], [], 'GOOD'],
  ['SUP-YW-01', '杭州义乌小商品供应链有限公司', '杭州', ['日用百货'], [], 'EXCELLENT'],
  [
    'SUP-BJ-02',
    '北京京华日化有限公司',
    '北京',
    ['日用百货', '个护清洁'],
    ['NORTH', 'NORTHEAST', 'CENTRAL', 'NORTHWEST'],
    'GOOD',
  ],
  [
    'SUP-SZ-03',
    '深圳洁丽雅日用品有限公司',
    '深圳',
    ['个护清洁', '日用百货'],
    ['SOUTH', 'EAST', 'CENTRAL', 'SOUTHWEST'],
    'WATCH',
  ],
  ['SUP-SH-03', '上海美净日化有限公司', '上海', ['个护清洁'], [], 'EXCELLENT'],
  [
    'SUP-CD-02',
    '成都蜀都日化有限公司',
    '成都',
    ['个护清洁', '粮油调味'],
    ['SOUTHWEST', 'NORTHWEST', 'CENTRAL'],
    'GOOD',
  ],
  ['SUP-SY-02', '沈阳雪原冷冻食品有限公司', '沈阳', ['冷冻速食', '乳品'], ['NORTHEAST', 'NORTH', 'EAST'], 'EXCELLENT'],
  ['SUP-LZ-01', '兰州陇原饮品有限公司', '兰州', ['饮用水', '零食饮料'], ['NORTHWEST', 'SOUTHWEST', 'NORTH'], 'GOOD'],
];

/** How each tier delivers: the history draws lateness and rejections from it. */
export const PROFILES: Readonly<Record<SupplierTier, ReliabilityProfile>> = {
  EXCELLENT: { onTime: 0.95, rejectShare: 0.04, rejectRate: [0.02, 0.06], lateDays: [1, 2], priceFactor: [0.55, 0.68] },
  GOOD: { onTime: 0.65, rejectShare: 0.1, rejectRate: [0.03, 0.1], lateDays: [1, 3], priceFactor: [0.58, 0.72] },
  WATCH: { onTime: 0.35, rejectShare: 0.5, rejectRate: [0.1, 0.25], lateDays: [3, 7], priceFactor: [0.62, 0.75] },
  BLOCKED: { onTime: 0, rejectShare: 0.9, rejectRate: [0.45, 0.65], lateDays: [6, 12], priceFactor: [0.75, 0.8] },
};

/** City → telephone area code, for landline numbers. */
const AREA_CODES: Readonly<Record<string, string>> = {
  上海: '021',
  杭州: '0571',
  南京: '025',
  苏州: '0512',
  北京: '010',
  天津: '022',
  广州: '020',
  深圳: '0755',
  武汉: '027',
  长沙: '0731',
  成都: '028',
  重庆: '023',
  沈阳: '024',
  大连: '0411',
  西安: '029',
  兰州: '0931',
};

/** Per category: lead time range in days, minimum order quantities, pack multiples. */
const TERMS: Readonly<Record<string, { lead: [number, number]; moq: readonly number[]; pack: readonly number[] }>> = {
  饮用水: { lead: [2, 5], moq: [10, 20], pack: [1, 5] },
  生鲜果蔬: { lead: [2, 3], moq: [5, 10], pack: [1] },
  肉禽蛋: { lead: [2, 4], moq: [5, 10], pack: [1] },
  粮油调味: { lead: [5, 12], moq: [10, 20], pack: [1, 5, 10] },
  乳品: { lead: [2, 5], moq: [10, 20], pack: [1, 5] },
  零食饮料: { lead: [4, 10], moq: [10, 20], pack: [1, 5, 10] },
  日用百货: { lead: [7, 15], moq: [5, 10], pack: [1, 5] },
  个护清洁: { lead: [6, 14], moq: [5, 10, 20], pack: [1, 5] },
  冷冻速食: { lead: [3, 7], moq: [10, 20], pack: [1, 5] },
};

/**
 * The qualified supplier list: ~25 companies across the regions, each with contact details and the
 * delivery profile of its tier. `suspended` names the one suspended at `suspendedAt` (a bad batch).
 */
export function buildSuppliers(
  rng: Random,
  now: number,
  suspended: { code: string; at: number; reason: string },
): SupplierSeed[] {
  return TEMPLATES.map(([code, name, cityName, categories, regions, tier]) => {
    const city = CITIES.find((c) => c.name === cityName)!;
    const person = personName(rng);
    const landline = rng.chance(0.5);
    const areaCode = AREA_CODES[cityName];
    const phone = landline
      ? `${areaCode}-${rng.int(2, 8)}${rng.digits(areaCode.length === 3 ? 7 : 6)}`
      : mobilePhone(rng);
    const isSuspended = code === suspended.code;
    const onProbation = !isSuspended && (tier === 'WATCH' || tier === 'BLOCKED') && rng.chance(0.5);
    return {
      id: rng.uuid(),
      code,
      name,
      contactName: person.name,
      phone,
      email: rng.chance(0.8) ? email(rng, person) : null,
      address: `${cityName}市${streetAddress(rng, city)}`,
      regions: regions.length ? [...regions] : [...ALL_REGIONS],
      homeRegion: city.region,
      categories: [...categories],
      status: isSuspended ? 'SUSPENDED' : onProbation ? 'PROBATION' : 'QUALIFIED',
      statusReason: isSuspended
        ? suspended.reason
        : onProbation
          ? rng.pick(['近三个月多次延迟交货，观察期内加强到货检验', '到货抽检不合格率偏高，整改观察中'])
          : null,
      suspendedAt: isSuspended ? suspended.at : null,
      tier,
      profile: PROFILES[tier],
      createdAt: now - rng.int(200, 900) * DAY,
    };
  });
}

/**
 * Two or three offers per active product from suppliers of its category, chosen so that together
 * they deliver to every region the product is stocked in where possible. `required` forces a supplier
 * onto a product (the supplier of a recalled batch must be one of its suppliers).
 */
export function buildOffers(
  rng: Random,
  products: readonly ProductSeed[],
  suppliers: readonly SupplierSeed[],
  stockedIn: (product: ProductSeed) => readonly Region[],
  required: ReadonlyMap<string, SupplierSeed> = new Map(),
): OfferSeed[] {
  const offers: OfferSeed[] = [];
  for (const product of products.filter((p) => p.active)) {
    const candidates = rng.shuffle(suppliers.filter((s) => s.categories.includes(product.category)));
    const wanted = Math.min(candidates.length, rng.chance(0.55) ? 2 : 3);
    const chosen: SupplierSeed[] = [];
    const forced = required.get(product.id);
    if (forced) chosen.push(forced);
    const regions = stockedIn(product);
    const uncovered = () => regions.filter((r) => !chosen.some((s) => s.regions.includes(r)));
    // A third supplier joins when two leave a stocked region without one (and one can cover it).
    for (;;) {
      const missing = uncovered();
      const left = candidates.filter((s) => !chosen.includes(s));
      if (!left.length || chosen.length >= 3) break;
      // Prefer a supplier that covers the most regions still missing; ties keep the shuffled order.
      const best = left.reduce((a, b) => (cover(b, missing) > cover(a, missing) ? b : a));
      if (chosen.length >= wanted && cover(best, missing) === 0) break;
      chosen.push(best);
    }
    for (const supplier of chosen) offers.push(newOffer(rng, product, supplier));
  }
  return offers;
}

function cover(s: SupplierSeed, regions: readonly Region[]): number {
  return regions.filter((r) => s.regions.includes(r)).length;
}

function newOffer(rng: Random, product: ProductSeed, supplier: SupplierSeed): OfferSeed {
  const terms = TERMS[product.category] ?? { lead: [3, 10], moq: [1, 5], pack: [1] };
  const [low, high] = supplier.profile.priceFactor;
  // Weak suppliers quote short lead times they then do not keep.
  const lead =
    supplier.tier === 'BLOCKED' || supplier.tier === 'WATCH' ? terms.lead[0] : rng.int(terms.lead[0], terms.lead[1]);
  return {
    id: rng.uuid(),
    supplier,
    product,
    unitPriceFen: Math.max(1, Math.round(product.unitPriceFen * rng.between(low, high))),
    leadTimeDays: lead,
    minOrderQty: rng.pick(terms.moq),
    packMultiple: rng.pick(terms.pack),
  };
}
