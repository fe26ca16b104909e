/** A bin code such as `A-03-2`: aisle (1–2 letters A–Z), bay (2 digits), level (1 digit). */
export const BIN_CODE_PATTERN = /^[A-Z]{1,2}-\d{2}-\d$/;

/** Where a bin is: the aisle, the bay along it, and the shelf level in the bay. */
export interface BinAddress {
  aisle: string;
  bay: number;
  level: number;
}

/** The address of a bin code, or null unless the code matches `BIN_CODE_PATTERN` exactly (no trimming). */
export function parseBin(code: string | null | undefined): BinAddress | null {
  if (code == null || !BIN_CODE_PATTERN.test(code)) return null;
  const [aisle, bay, level] = code.split('-');
  return { aisle, bay: Number(bay), level: Number(level) };
}

/** Aisles as signs read them: A … Z, then AA, AB … (shorter first, then alphabetical). */
function compareAisles(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Orders pick stops so the picker walks each aisle once, in a serpentine: aisles ascending (A before B,
 * Z before AA), the first aisle visited with bays ascending, the next descending, alternating per aisle
 * actually visited (an aisle with no stop does not flip the direction); level ascending within a bay;
 * ties by sku. Stops without a valid bin come last, by sku. Returns a new array; stable (stops equal in
 * all of this keep their input order); pure.
 */
export function pickPath<T extends { bin: string | null; sku: string }>(stops: readonly T[]): T[] {
  const keyed = stops.map((stop) => ({ stop, at: parseBin(stop.bin) }));
  const aisles = [...new Set(keyed.flatMap((k) => (k.at ? [k.at.aisle] : [])))].sort(compareAisles);
  const descending = new Set(aisles.filter((_a, i) => i % 2 === 1));

  keyed.sort((x, y) => {
    const a = x.at;
    const b = y.at;
    if (!a || !b) return a ? -1 : b ? 1 : compareText(x.stop.sku, y.stop.sku);
    if (a.aisle !== b.aisle) return compareAisles(a.aisle, b.aisle);
    if (a.bay !== b.bay) return descending.has(a.aisle) ? b.bay - a.bay : a.bay - b.bay;
    return a.level - b.level || compareText(x.stop.sku, y.stop.sku);
  });
  return keyed.map((k) => k.stop);
}
