import { logger } from '../common/logger';
import type { Caller } from './purchasing-traffic';

type Edges<N> = { edges: { node: N }[] };
type UserErrors = { userErrors: { code: string; message: string }[] };
interface Line {
  id: string;
  sku: string;
  required: number;
  picked: number | null;
}
interface List {
  id: string;
  number: string;
  warehouseCode: string;
  lines: Line[];
}
interface Shipment {
  id: string;
  number: string;
  lines: { sku: string; picked: number | null }[];
  proposedPackaging: { material: string; weightG: number }[];
}

const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)];

/**
 * The warehouse floor of the demo, through the public API as warehouse staff: pick lists created per
 * warehouse and walked line by line (now and then a unit is not found or damaged), shipments checked
 * (a miscount now and then, corrected by the next check), packed as proposed and weighed, and shipped
 * with the best carrier. Each step does one thing, so the dashboard shows the floor move.
 */
export class FulfilmentTraffic {
  /** Shipments whose first check was miscounted on purpose, so the next check is the correction. */
  private readonly miscounted = new Set<string>();

  constructor(
    private readonly staff: () => Caller,
    private readonly warehouseCodes: readonly string[],
  ) {}

  async step(): Promise<void> {
    const roll = Math.random();
    if (roll < 0.35 && (await this.walk())) return;
    if (roll < 0.55 && (await this.check())) return;
    if (roll < 0.75 && (await this.pack())) return;
    if (roll < 0.9 && (await this.ship())) return;
    await this.createList();
  }

  private refused(what: string, r: UserErrors): boolean {
    if (r.userErrors.length) logger.info(`${what} refused: ${r.userErrors[0].code} ${r.userErrors[0].message}`);
    return r.userErrors.length > 0;
  }

  private async createList(): Promise<boolean> {
    const warehouseCode = pick(this.warehouseCodes);
    const d = await this.staff().call<{ createPickList: UserErrors & { pickList: List | null } }>(
      `mutation($i: CreatePickListInput!) { createPickList(input: $i) { pickList { id number warehouseCode lines { id sku required picked } } userErrors { code message } } }`,
      { i: { warehouseCode, maxOrders: 4 + Math.floor(Math.random() * 8) } },
    );
    const list = d.createPickList.pickList;
    if (!list) return false;
    await this.staff().call(`mutation($i: PickListActionInput!) { startPickList(input: $i) { userErrors { code } } }`, {
      i: { pickListId: list.id },
    });
    logger.info(`pick list ${list.number} at ${warehouseCode}: ${list.lines.length} lines`);
    return true;
  }

  /** The next line of a running list, or its completion once every line is recorded. */
  private async walk(): Promise<boolean> {
    const d = await this.staff().call<{ pickLists: Edges<List> }>(
      `{ pickLists(first: 5, filter: { status: [IN_PROGRESS] }) { edges { node { id number warehouseCode lines { id sku required picked } } } } }`,
    );
    const list = d.pickLists.edges.at(-1)?.node;
    if (!list) return false;
    const line = list.lines.find((l) => l.picked === null);
    if (line) {
      const short = Math.random() < 0.03;
      const r = await this.staff().call<{ recordPick: UserErrors }>(
        `mutation($i: RecordPickInput!) { recordPick(input: $i) { userErrors { code message } } }`,
        {
          i: {
            pickListId: list.id,
            lineId: line.id,
            picked: short ? line.required - 1 : line.required,
            shortReason: short ? pick(['NOT_FOUND', 'DAMAGED']) : null,
          },
        },
      );
      return !this.refused(`pick on ${list.number}`, r.recordPick);
    }
    const r = await this.staff().call<{
      completePickList: UserErrors & { orders: { outcome: string | null }[] | null };
    }>(
      `mutation($i: PickListActionInput!) { completePickList(input: $i) { orders { outcome } userErrors { code message } } }`,
      { i: { pickListId: list.id } },
    );
    if (this.refused(`completing ${list.number}`, r.completePickList)) return false;
    const short = r.completePickList.orders!.filter((o) => o.outcome).length;
    logger.info(`completed ${list.number}${short ? `, ${short} short` : ''}`);
    return true;
  }

  private async shipments(status: string): Promise<Shipment[]> {
    const d = await this.staff().call<{ shipments: Edges<Shipment> }>(
      `query($s: [ShipmentStatus!]) { shipments(first: 10, filter: { status: $s }) { edges { node {
         id number lines { sku picked } proposedPackaging { material weightG } } } } }`,
      { s: [status] },
    );
    return d.shipments.edges.map((e) => e.node);
  }

  private async check(): Promise<boolean> {
    const s = (await this.shipments('PICKED')).at(-1);
    if (!s) return false;
    const counted = new Map<string, number>();
    for (const l of s.lines) if (l.picked) counted.set(l.sku, (counted.get(l.sku) ?? 0) + l.picked);
    const miscount = !this.miscounted.has(s.id) && Math.random() < 0.05;
    if (miscount) this.miscounted.add(s.id);
    const items = [...counted].map(([sku, quantity], i) => ({
      sku,
      quantity: quantity + (miscount && i === 0 ? 1 : 0),
    }));
    const r = await this.staff().call<{ checkOrder: UserErrors & { passed: boolean | null } }>(
      `mutation($i: CheckOrderInput!) { checkOrder(input: $i) { passed userErrors { code message } } }`,
      { i: { shipmentId: s.id, items } },
    );
    if (this.refused(`check of ${s.number}`, r.checkOrder)) return false;
    logger.info(`checked ${s.number}: ${r.checkOrder.passed ? 'passed' : 'check error recorded'}`);
    return true;
  }

  private async pack(): Promise<boolean> {
    const s = (await this.shipments('CHECKED')).at(-1);
    if (!s) return false;
    const packages = s.proposedPackaging.map((p) => ({
      material: p.material,
      weightG: Math.max(1, Math.round(p.weightG * (1.02 + Math.random() * 0.05))),
    }));
    const r = await this.staff().call<{ packOrder: UserErrors }>(
      `mutation($i: PackOrderInput!) { packOrder(input: $i) { userErrors { code message } } }`,
      { i: { shipmentId: s.id, packages } },
    );
    if (this.refused(`packing ${s.number}`, r.packOrder)) return false;
    logger.info(`packed ${s.number}: ${packages.length} packages`);
    return true;
  }

  private async ship(): Promise<boolean> {
    const s = (await this.shipments('PACKED')).at(-1);
    if (!s) return false;
    const r = await this.staff().call<{ shipOrder: UserErrors & { shipment: { carrier: { code: string } } | null } }>(
      `mutation($i: ShipOrderInput!) { shipOrder(input: $i) { shipment { carrier { code } } userErrors { code message } } }`,
      { i: { shipmentId: s.id } },
    );
    if (this.refused(`shipping ${s.number}`, r.shipOrder)) return false;
    logger.info(`shipped ${s.number} with ${r.shipOrder.shipment!.carrier.code}`);
    return true;
  }
}
