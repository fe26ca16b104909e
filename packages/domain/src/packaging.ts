import type { PackagingNeed } from './catalog';

/** What a package is made of, by what its contents need. */
export const PACKAGE_MATERIALS = [
  'CARTON',
  'PADDED_CARTON',
  'SEALED_CARTON',
  'INSULATED_BOX',
  'STRAPPED_CASE',
] as const;
export type PackageMaterial = (typeof PACKAGE_MATERIALS)[number];

/** The most a package may weigh, in grams (a single heavier unit still travels, alone). */
export const MAX_PACKAGE_WEIGHT_G = 20_000;

/** One line of a shipment to pack: a product, how many, its unit weight and what its packaging needs. */
export interface PackItem {
  sku: string;
  quantity: number;
  unitWeightG: number;
  needs: readonly PackagingNeed[];
}

/** A package the packer is asked to make up. */
export interface ProposedPackage {
  material: PackageMaterial;
  items: { sku: string; quantity: number }[];
  weightG: number;
  /** Why this material, for the packer, in English. */
  reason: string;
}

interface PackClass {
  material: PackageMaterial;
  reason: string;
  /** One package per unit instead of filling packages up to the weight limit. */
  perUnit: boolean;
}

// In output order; liquids and moisture-sensitive goods share a material but never a package.
const CLASSES = {
  insulated: {
    material: 'INSULATED_BOX',
    reason: 'Cold-chain or perishable goods: pack in an insulated box with cold packs',
    perUnit: false,
  },
  strapped: {
    material: 'STRAPPED_CASE',
    reason: 'Heavy bulk goods: each unit travels in its own case, labelled and strapped',
    perUnit: true,
  },
  padded: { material: 'PADDED_CARTON', reason: 'Fragile goods: pad the carton', perUnit: false },
  liquid: {
    material: 'SEALED_CARTON',
    reason: 'Liquids: seal the carton, apart from moisture-sensitive goods, so a leak cannot spoil them',
    perUnit: false,
  },
  dry: {
    material: 'SEALED_CARTON',
    reason: 'Moisture-sensitive goods: seal the carton against damp; no liquids in it',
    perUnit: false,
  },
  plain: { material: 'CARTON', reason: 'No special packaging needed', perUnit: false },
} as const satisfies Record<string, PackClass>;
type ClassName = keyof typeof CLASSES;
const CLASS_ORDER = Object.keys(CLASSES) as ClassName[];

function classOf(needs: readonly PackagingNeed[]): ClassName {
  if (needs.includes('COLD_CHAIN') || needs.includes('PERISHABLE')) return 'insulated';
  if (needs.includes('HEAVY')) return 'strapped';
  if (needs.includes('FRAGILE')) return 'padded';
  if (needs.includes('LIQUID')) return 'liquid';
  if (needs.includes('MOISTURE_SENSITIVE')) return 'dry';
  return 'plain';
}

/** Packs one class's items in input order, next-fit up to the weight limit. */
function fill(cls: PackClass, items: readonly PackItem[]): ProposedPackage[] {
  const packages: ProposedPackage[] = [];
  const open = (): ProposedPackage => {
    const p: ProposedPackage = { material: cls.material, items: [], weightG: 0, reason: cls.reason };
    packages.push(p);
    return p;
  };
  let current: ProposedPackage | null = null;
  for (const item of items) {
    const w = item.unitWeightG;
    let left = item.quantity;
    while (left > 0) {
      if (cls.perUnit || w > MAX_PACKAGE_WEIGHT_G) {
        // A package of its own; the open package, if any, stays open for the items after it.
        const single = open();
        single.items.push({ sku: item.sku, quantity: 1 });
        single.weightG = w;
        left -= 1;
        continue;
      }
      current ??= open();
      const fit = w === 0 ? left : Math.min(left, Math.floor((MAX_PACKAGE_WEIGHT_G - current.weightG) / w));
      if (fit === 0) {
        current = open();
        continue;
      }
      const last = current.items[current.items.length - 1];
      if (last?.sku === item.sku) last.quantity += fit;
      else current.items.push({ sku: item.sku, quantity: fit });
      current.weightG += fit * w;
      left -= fit;
    }
  }
  return packages;
}

/**
 * Proposes the packages for one shipment. Each item goes to exactly one class, the first that applies:
 * - COLD_CHAIN or PERISHABLE → INSULATED_BOX;
 * - HEAVY → STRAPPED_CASE: bulk goods such as cases of bottled water travel in their own case, one
 *   package per unit, labelled and strapped;
 * - FRAGILE → PADDED_CARTON;
 * - LIQUID → SEALED_CARTON, kept apart from moisture-sensitive goods so a leak cannot spoil them;
 * - MOISTURE_SENSITIVE → SEALED_CARTON, in packages separate from the liquids';
 * - otherwise CARTON.
 *
 * Within a class, packages are filled in input order up to MAX_PACKAGE_WEIGHT_G: an item's quantity is
 * split across packages when it does not fit, and a single unit heavier than the limit gets a package of
 * its own (the package being filled stays open for the items after it). Packages come in this order: INSULATED_BOX, STRAPPED_CASE, PADDED_CARTON, SEALED_CARTON
 * (liquids), SEALED_CARTON (moisture-sensitive), CARTON. The quantities proposed for each sku add up to
 * the input's. Throws RangeError unless every quantity is a whole number ≥ 1 and every unit weight a
 * whole number ≥ 0 (grams).
 */
export function proposePackaging(items: readonly PackItem[]): ProposedPackage[] {
  const byClass = new Map<ClassName, PackItem[]>();
  for (const item of items) {
    if (!Number.isInteger(item.quantity) || item.quantity < 1)
      throw new RangeError(`${item.sku}: quantity must be a whole number ≥ 1, got ${item.quantity}`);
    if (!Number.isInteger(item.unitWeightG) || item.unitWeightG < 0)
      throw new RangeError(`${item.sku}: unit weight must be a whole number of grams ≥ 0, got ${item.unitWeightG}`);
    const cls = classOf(item.needs);
    const list = byClass.get(cls);
    if (list) list.push(item);
    else byClass.set(cls, [item]);
  }
  return CLASS_ORDER.flatMap((cls) => fill(CLASSES[cls], byClass.get(cls) ?? []));
}
