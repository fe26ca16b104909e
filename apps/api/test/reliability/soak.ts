import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { addDays, shanghaiDay } from '@fulfilment/domain';
import { logger } from '../../src/common/logger';
import { createCustomer, createProduct, createWarehouses } from '../factories';
import { findViolations, Violation } from './invariants';
import { GqlAnswer, gqlPost, rng, sleep } from './load';

/**
 * The oversell soak: many buyers race for a small, fixed stock until every unit is sold, cancelling
 * and editing some of their orders on the way (so stock is released and sold again), while the
 * invariants are checked every few milliseconds from a connection of their own. The stock arrives
 * through purchase orders: a first receipt before the buyers start, the rest in receipts racing them
 * (each with some units rejected at inspection, which never become stock). A quarter of the buyers hand
 * their orders to the warehouse floor, which picks, checks, packs and ships them while the others buy
 * (SHIPMENT movements racing reservations on the same levels).
 */

export interface SoakTarget {
  /** http://…/graphql */
  url: string;
  /** Bearer token of a user allowed to adjust stock and place, edit and cancel orders. */
  token: string;
  ds: DataSource;
  databaseUrl: string;
}

export interface SoakOptions {
  buyers: number;
  skus: number;
  /** Units received per stock level (each SKU is stocked in two warehouses). */
  unitsPerLevel: number;
  /** Share of a buyer's actions that cancel or edit one of its orders while releases are allowed. */
  releaseShare: number;
  /** Successful cancels + edits after which buyers only buy, so the run converges to sold out. */
  maxReleases: number;
  checkEveryMs: number;
  timeLimitMs: number;
  /** End as soon as an invariant check finds a violation (the sensitivity test). */
  stopOnViolation?: boolean;
  seed: number;
}

export interface TimedViolation extends Violation {
  atMs: number;
}

export interface SoakReport {
  seed: number;
  durationMs: number;
  buyers: number;
  levels: number;
  initialUnits: number;
  /** Goods receipts booked while the buyers bought (the first ones, before, are not counted). */
  receipts: number;
  /** Shipments the floor shipped, the orders they completed, and the units that left. */
  shipments: number;
  ordersShipped: number;
  unitsShipped: number;
  /** placeOrder calls, and how they ended. */
  attempts: number;
  orders: number;
  outOfStock: number;
  cancels: number;
  edits: number;
  editsOutOfStock: number;
  /** Units the clients saw reserved (placed or re-reserved by an edit) and released (cancel or edit). */
  unitsAccepted: number;
  unitsReleased: number;
  checks: number;
  /** Check ticks skipped because every checker connection was still busy. */
  checksSkipped: number;
  violations: TimedViolation[];
  /** HTTP status ≠ 200, GraphQL errors or network failures seen by a client. */
  clientErrors: number;
  clientErrorSamples: string[];
  /** Answers that broke a promise without being an error: an accepted order not fully reserved, … */
  unexpected: string[];
  unexpectedCount: number;
  /** Transactions the server retried after a deadlock or serialization failure (never seen by clients). */
  serverRetries: number;
  /** Deadlocks PostgreSQL detected in the soak's database (pg_stat_database). */
  deadlocks: number;
  soldOut: boolean;
  timedOut: boolean;
  final: {
    onHand: number;
    reserved: number;
    available: number;
    levelsWithStockLeft: number;
    reservedAllocations: number;
    releasedAllocations: number;
    ordersByStatus: Record<string, number>;
  };
}

export const SOAK_PRESETS: Record<'short' | 'full', Omit<SoakOptions, 'seed'>> = {
  short: {
    buyers: 200,
    skus: 20,
    unitsPerLevel: 15,
    releaseShare: 0.15,
    maxReleases: 60,
    checkEveryMs: 100,
    timeLimitMs: 60_000,
  },
  full: {
    buyers: 200,
    skus: 20,
    unitsPerLevel: 120,
    releaseShare: 0.1,
    maxReleases: 600,
    checkEveryMs: 100,
    timeLimitMs: 600_000,
  },
};

const ORDER_FIELDS = `order { id status allocations { sku quantity status warehouse { code } } } userErrors { code field message }`;
const PLACE = `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { ${ORDER_FIELDS} } }`;
const CANCEL = `mutation($input: CancelOrderInput!) { cancelOrder(input: $input) { ${ORDER_FIELDS} } }`;
const UPDATE = `mutation($input: UpdateOrderInput!) { updateOrder(input: $input) { ${ORDER_FIELDS} } }`;
const CREATE_SUPPLIER = `mutation($i: CreateSupplierInput!) { createSupplier(input: $i) { supplier { id } userErrors { code message } } }`;
const SET_OFFER = `mutation($i: SetSupplierOfferInput!) { setSupplierOffer(input: $i) { userErrors { code message } } }`;
const CREATE_PO = `mutation($i: CreatePurchaseOrderInput!) { createPurchaseOrder(input: $i) { purchaseOrder { id lines { id sku } } userErrors { code message } } }`;
const SEND_PO = `mutation($i: PurchaseOrderActionInput!) { sendPurchaseOrder(input: $i) { userErrors { code message } } }`;
const CONFIRM_PO = `mutation($i: ConfirmPurchaseOrderInput!) { confirmPurchaseOrder(input: $i) { userErrors { code message } } }`;
const RECEIVE = `mutation($i: ReceivePurchaseOrderInput!) { receivePurchaseOrder(input: $i) { goodsReceipt { number } userErrors { code message } } }`;
/** Receipts per purchase order: the first before the buyers start, the others while they buy. */
const RECEIPTS = 3;
const CREATE_CARRIER = `mutation($i: CreateCarrierInput!) { createCarrier(input: $i) { userErrors { code message } } }`;
const CREATE_LIST = `mutation($i: CreatePickListInput!) { createPickList(input: $i) { pickList { id lines { id required } } userErrors { code message } } }`;
const START_LIST = `mutation($i: PickListActionInput!) { startPickList(input: $i) { userErrors { code message } } }`;
const RECORD_PICK = `mutation($i: RecordPickInput!) { recordPick(input: $i) { userErrors { code message } } }`;
const COMPLETE_LIST = `mutation($i: PickListActionInput!) { completePickList(input: $i) {
  pickList { shipments { id lines { sku picked } } } orders { outcome } userErrors { code message } } }`;
const CHECK = `mutation($i: CheckOrderInput!) { checkOrder(input: $i) { passed userErrors { code message } } }`;
const PACK = `mutation($i: PackOrderInput!) { packOrder(input: $i) { userErrors { code message } } }`;
const SHIP = `mutation($i: ShipOrderInput!) { shipOrder(input: $i) { shipment { status } userErrors { code message } } }`;
/** Orders the floor takes at a time. */
const FLOOR_BATCH = 10;

const WAREHOUSES = ['SH-01', 'BJ-01'];
/** Connections taking turns at the invariant checks. */
const CHECKERS = 4;

interface Line {
  sku: string;
  quantity: number;
}
interface OwnOrder {
  id: string;
  lines: Line[];
  /** Units reserved for it, from the last answer. */
  held: number;
}
interface OrderAnswer {
  order: {
    id: string;
    status: string;
    allocations: { sku: string; quantity: number; status: string; warehouse: { code: string } }[];
  } | null;
  userErrors: { code: string; field: (string | number)[] | null; message: string }[];
}

/** Counts the server's "transaction retried" debug lines (the in-process API shares this logger). */
function countServerRetries() {
  const counter = { count: 0, restore: () => undefined as void };
  const original = logger.debug;
  logger.debug = function (this: unknown, ...args: unknown[]) {
    if (args[1] === 'transaction retried') counter.count++;
    return (original as (...a: unknown[]) => void).apply(this, args);
  } as typeof logger.debug;
  counter.restore = () => void (logger.debug = original);
  return counter;
}

async function deadlocksOf(c: Client): Promise<number> {
  const { rows } = await c.query(`SELECT deadlocks::int AS n FROM pg_stat_database WHERE datname = current_database()`);
  return rows[0].n;
}

export async function runSoak(api: SoakTarget, opts: SoakOptions): Promise<SoakReport> {
  const r = rng(opts.seed);
  const auth = `Bearer ${api.token}`;
  const report: SoakReport = {
    seed: opts.seed,
    durationMs: 0,
    buyers: opts.buyers,
    levels: opts.skus * WAREHOUSES.length,
    initialUnits: opts.skus * WAREHOUSES.length * opts.unitsPerLevel,
    receipts: 0,
    shipments: 0,
    ordersShipped: 0,
    unitsShipped: 0,
    attempts: 0,
    orders: 0,
    outOfStock: 0,
    cancels: 0,
    edits: 0,
    editsOutOfStock: 0,
    unitsAccepted: 0,
    unitsReleased: 0,
    checks: 0,
    checksSkipped: 0,
    violations: [],
    clientErrors: 0,
    clientErrorSamples: [],
    unexpected: [],
    unexpectedCount: 0,
    serverRetries: 0,
    deadlocks: 0,
    soldOut: false,
    timedOut: false,
    final: {
      onHand: 0,
      reserved: 0,
      available: 0,
      levelsWithStockLeft: 0,
      reservedAllocations: 0,
      releasedAllocations: 0,
      ordersByStatus: {},
    },
  };
  const clientError = (what: string, detail: string) => {
    report.clientErrors++;
    if (report.clientErrorSamples.length < 5) report.clientErrorSamples.push(`${what}: ${detail.slice(0, 300)}`);
  };
  const unexpected = (what: string) => {
    report.unexpectedCount++;
    if (report.unexpected.length < 20) report.unexpected.push(what);
  };

  // --- Arrange: two warehouses, products with empty levels, a supplier offering them, and one
  // confirmed purchase order per warehouse for every unit, so the ledger explains the stock from its
  // first unit and every unit arrives through a goods receipt.
  await createWarehouses(api.ds);
  const run = opts.seed.toString(36).toUpperCase();
  const skus: string[] = [];
  for (let i = 0; i < opts.skus; i++) {
    const p = await createProduct(api.ds, {
      sku: `SOAK-${run}-${String(i).padStart(2, '0')}`,
      priceFen: 12_00,
      stock: Object.fromEntries(WAREHOUSES.map((w) => [w, 0])),
      low: 0,
    });
    skus.push(p.sku);
  }
  const must = async (query: string, i: Record<string, unknown>, field: string) => {
    const a = await gqlPost(api.url, auth, query, { i });
    if (a.status !== 200 || a.errors || a.data[field].userErrors.length) throw new Error(`${field} failed: ${a.text}`);
    return a.data[field];
  };
  const supplier = await must(
    CREATE_SUPPLIER,
    {
      code: `SOAK-${run}`,
      name: '浸泡测试供应商',
      contactName: '测试',
      phone: '13800000000',
      address: '上海',
      regions: ['EAST', 'NORTH'],
      status: 'QUALIFIED',
    },
    'createSupplier',
  );
  for (const sku of skus)
    await must(
      SET_OFFER,
      { supplierId: supplier.supplier.id, sku, unitPrice: '6.00', leadTimeDays: 2 },
      'setSupplierOffer',
    );
  const purchaseOrders: { id: string; lines: { id: string; sku: string }[] }[] = [];
  for (const warehouseCode of WAREHOUSES) {
    const created = await must(
      CREATE_PO,
      {
        supplierId: supplier.supplier.id,
        warehouseCode,
        lines: skus.map((sku) => ({ sku, quantity: opts.unitsPerLevel, promisedDate: addDays(shanghaiDay(), 2) })),
      },
      'createPurchaseOrder',
    );
    await must(SEND_PO, { purchaseOrderId: created.purchaseOrder.id }, 'sendPurchaseOrder');
    await must(CONFIRM_PO, { purchaseOrderId: created.purchaseOrder.id }, 'confirmPurchaseOrder');
    purchaseOrders.push(created.purchaseOrder);
  }
  /** Receipt `k` of RECEIPTS of a purchase order: its share of every line accepted, and one more unit rejected. */
  const receive = (po: (typeof purchaseOrders)[number], k: number) => {
    const share = (n: number) => Math.floor((opts.unitsPerLevel * n) / RECEIPTS);
    const accepted = share(k + 1) - share(k);
    return gqlPost(api.url, auth, RECEIVE, {
      i: {
        purchaseOrderId: po.id,
        idempotencyKey: `soak-${run}-${po.id}-${k}`,
        lines: po.lines.map((l) => ({
          lineId: l.id,
          received: accepted + 1,
          accepted,
          rejected: 1,
          rejectionReason: 'DAMAGED',
        })),
      },
    });
  };
  for (const po of purchaseOrders) {
    const a = await receive(po, 0);
    if (a.status !== 200 || a.errors || a.data.receivePurchaseOrder.userErrors.length)
      throw new Error(`first receipt failed: ${a.text}`);
  }
  await must(
    CREATE_CARRIER,
    {
      code: `SOAK-${run}`,
      name: '浸泡测试承运商',
      kind: 'PARTNER',
      regions: ['EAST', 'NORTH'],
      methods: ['EXPRESS', 'FREIGHT'],
      trackingPrefix: 'SK',
      basePrice: '8.00',
      perKg: '1.00',
      transitDays: 1,
    },
    'createCarrier',
  );
  const customers = await Promise.all(
    Array.from({ length: 20 }, (_, i) => createCustomer(api.ds, { region: i % 2 ? 'NORTH' : 'EAST' })),
  );

  // --- Shared view of the buyers: which SKUs may still have units. A SKU leaves the set when a line of
  // quantity 1 for it was refused, unless a release of that SKU finished after the refused attempt began.
  const maybeAvailable = new Set(skus);
  const releaseEpoch = new Map(skus.map((s) => [s, 0]));
  let releasesInFlight = 0;
  let releasesDone = 0;
  let done = false;
  const started = performance.now();
  const deadline = started + opts.timeLimitMs;
  const stop = () => done || performance.now() > deadline || (!!opts.stopOnViolation && report.violations.length > 0);

  // Invariant checks start every checkEveryMs, each in its own snapshot. One check can take longer
  // than that on a loaded machine, so a few connections take turns; a tick with all of them busy is
  // skipped (and counted).
  const checkers = await Promise.all(
    Array.from({ length: CHECKERS }, async () => {
      const c = new Client({ connectionString: api.databaseUrl, application_name: 'soak-invariants' });
      await c.connect();
      return c;
    }),
  );
  const idle = [...checkers];
  const deadlocksBefore = await deadlocksOf(checkers[0]);
  const retries = countServerRetries();

  const check = async (c: Client) => {
    const atMs = Math.round(performance.now() - started);
    const found = await findViolations(c);
    report.checks++;
    for (const v of found) report.violations.push({ ...v, atMs });
  };
  let checking = true;
  const running = new Set<Promise<void>>();
  const checkLoop = (async () => {
    for (let next = performance.now(); checking; next += opts.checkEveryMs) {
      const c = idle.pop();
      if (!c) report.checksSkipped++;
      else {
        const p: Promise<void> = check(c).finally(() => {
          idle.push(c);
          running.delete(p);
        });
        running.add(p);
      }
      await sleep(Math.max(0, next + opts.checkEveryMs - performance.now()));
    }
    await Promise.all(running);
  })();

  /** Reserved units in an answer; notes an accepted order that is not fully reserved. */
  const heldBy = (a: OrderAnswer, lines: Line[], what: string): number => {
    const held = a.order!.allocations.filter((x) => x.status === 'RESERVED').reduce((s, x) => s + x.quantity, 0);
    const wanted = lines.reduce((s, l) => s + l.quantity, 0);
    if (a.order!.status !== 'ALLOCATED' || held !== wanted)
      unexpected(`${what}: ${a.order!.status}, ${held} of ${wanted} reserved`);
    return held;
  };
  const answered = (res: GqlAnswer, field: string, what: string): OrderAnswer | null => {
    if (res.status !== 200 || res.errors || !res.data?.[field]) {
      clientError(what, `${res.status} ${res.text}`);
      return null;
    }
    return res.data[field] as OrderAnswer;
  };
  const released = (lines: Line[]) => {
    for (const l of lines) {
      releaseEpoch.set(l.sku, releaseEpoch.get(l.sku)! + 1);
      maybeAvailable.add(l.sku);
    }
  };
  const send = async (
    query: string,
    input: Record<string, unknown>,
    field: string,
    what: string,
  ): Promise<OrderAnswer | null> => {
    try {
      return answered(await gqlPost(api.url, auth, query, { input }, 60_000), field, what);
    } catch (e) {
      clientError(what, `network: ${(e as Error).message}`);
      return null;
    }
  };

  /** Orders handed to the floor: never released by their buyer. */
  const floorQueue: { id: string; warehouses: string[]; units: number }[] = [];

  const buyer = async (n: number) => {
    const customer = customers[n % customers.length];
    const handsToFloor = n % 4 === 0;
    const own: OwnOrder[] = [];
    let probe: string | null = null;
    let k = 0;
    while (!stop()) {
      const mayRelease = own.length > 0 && releasesDone + releasesInFlight < opts.maxReleases;
      if (mayRelease && r.chance(opts.releaseShare)) {
        const index = r.int(0, own.length - 1);
        const o = own[index];
        releasesInFlight++;
        try {
          if (r.chance(0.5)) {
            const a = await send(
              CANCEL,
              { orderId: o.id, reason: 'soak: customer changed their mind' },
              'cancelOrder',
              'cancelOrder',
            );
            if (!a) continue;
            if (!a.order) {
              unexpected(`cancel refused: ${JSON.stringify(a.userErrors)}`);
              continue;
            }
            if (a.order.status !== 'CANCELLED' || a.order.allocations.some((x) => x.status === 'RESERVED'))
              unexpected(`cancelled order still ${a.order.status} / holding stock`);
            report.cancels++;
            releasesDone++;
            report.unitsReleased += o.held;
            own.splice(index, 1);
            released(o.lines);
          } else {
            // Mostly the order's own SKUs (its units are released first, so the edit usually fits),
            // sometimes anything that may still be in stock.
            const ownSkus = o.lines.map((l) => l.sku);
            const lines = pickLines(r, r.chance(0.7) ? ownSkus : [...new Set([...ownSkus, ...maybeAvailable])]);
            const a = await send(
              UPDATE,
              { orderId: o.id, lines, reason: 'soak: customer changed the lines' },
              'updateOrder',
              'updateOrder',
            );
            if (!a) continue;
            if (!a.order) {
              if (a.userErrors.every((e) => e.code === 'OUT_OF_STOCK')) report.editsOutOfStock++;
              else unexpected(`edit refused: ${JSON.stringify(a.userErrors)}`);
              continue;
            }
            report.edits++;
            releasesDone++;
            report.unitsReleased += o.held;
            const held = heldBy(a, lines, 'edited order');
            report.unitsAccepted += held;
            released(o.lines);
            own[index] = { id: o.id, lines, held };
          }
        } finally {
          releasesInFlight--;
        }
        continue;
      }

      if (probe && !maybeAvailable.has(probe)) probe = null;
      if (maybeAvailable.size === 0) {
        if (releasesInFlight === 0) {
          done = true;
          break;
        }
        await sleep(5);
        continue;
      }
      const lines: Line[] = probe ? [{ sku: probe, quantity: 1 }] : pickLines(r, [...maybeAvailable]);
      probe = null;
      const epochs = lines.map((l) => releaseEpoch.get(l.sku)!);
      report.attempts++;
      const input = {
        idempotencyKey: `soak-${run}-${n}-${k++}`,
        customerId: customer.gid,
        lines,
        paymentMethod: 'WECHAT_PAY',
        paid: true,
        channel: 'WEB',
      };
      const a = await send(PLACE, input, 'placeOrder', 'placeOrder');
      if (!a) continue;
      if (a.order) {
        report.orders++;
        const held = heldBy(a, lines, 'placed order');
        report.unitsAccepted += held;
        if (handsToFloor)
          floorQueue.push({
            id: a.order.id,
            warehouses: [...new Set(a.order.allocations.map((x) => x.warehouse.code))],
            units: held,
          });
        else own.push({ id: a.order.id, lines, held });
        continue;
      }
      if (!a.userErrors.length || a.userErrors.some((e) => e.code !== 'OUT_OF_STOCK')) {
        unexpected(`place refused: ${JSON.stringify(a.userErrors)}`);
        continue;
      }
      report.outOfStock++;
      for (const e of a.userErrors) {
        const i = Number(e.field?.[2]);
        const line: Line | undefined = lines[i];
        if (!line) {
          unexpected(`OUT_OF_STOCK without a line: ${JSON.stringify(e)}`);
          continue;
        }
        if (line.quantity > 1) probe = line.sku;
        else if (releaseEpoch.get(line.sku) === epochs[i]) maybeAvailable.delete(line.sku);
      }
    }
  };

  // The other receipts arrive while the buyers buy. Until the last one is booked it counts as a release
  // in flight, so buyers who find everything sold out wait for it instead of ending the run.
  const receiver = async () => {
    releasesInFlight++;
    try {
      for (let k = 1; k < RECEIPTS; k++) {
        await sleep(r.int(100, 600));
        const answers = await Promise.all(purchaseOrders.map((po) => receive(po, k)));
        for (const a of answers) {
          if (a.status !== 200 || a.errors) clientError('receivePurchaseOrder', a.text);
          else if (a.data.receivePurchaseOrder.userErrors.length)
            unexpected(`receipt refused: ${JSON.stringify(a.data.receivePurchaseOrder.userErrors)}`);
          else report.receipts++;
        }
        released(skus.map((sku) => ({ sku, quantity: 0 })));
      }
    } finally {
      releasesInFlight--;
    }
  };

  /** Every floor call must succeed; a refusal is unexpected (the floor owns these orders). */
  const floorCall = async (query: string, i: Record<string, unknown>, field: string) => {
    try {
      const a = await gqlPost(api.url, auth, query, { i }, 60_000);
      if (a.status !== 200 || a.errors || !a.data?.[field]) {
        clientError(field, `${a.status} ${a.text}`);
        return null;
      }
      if (a.data[field].userErrors.length) {
        unexpected(`${field} refused: ${JSON.stringify(a.data[field].userErrors)}`);
        return null;
      }
      return a.data[field];
    } catch (e) {
      clientError(field, `network: ${(e as Error).message}`);
      return null;
    }
  };

  /** The floor: batches of handed-over orders listed per warehouse, picked, checked, packed and shipped. */
  const shipper = async () => {
    while (!stop()) {
      await sleep(r.int(50, 300));
      const batch = floorQueue.splice(0, FLOOR_BATCH);
      if (batch.length === 0) continue;
      let shipped = 0;
      for (const warehouseCode of WAREHOUSES) {
        const orderIds = batch.filter((o) => o.warehouses.includes(warehouseCode)).map((o) => o.id);
        if (orderIds.length === 0) continue;
        const created = await floorCall(CREATE_LIST, { warehouseCode, orderIds }, 'createPickList');
        if (!created) continue;
        const list = created.pickList as { id: string; lines: { id: string; required: number }[] };
        if (!(await floorCall(START_LIST, { pickListId: list.id }, 'startPickList'))) continue;
        for (const line of list.lines)
          await floorCall(RECORD_PICK, { pickListId: list.id, lineId: line.id, picked: line.required }, 'recordPick');
        const done = await floorCall(COMPLETE_LIST, { pickListId: list.id }, 'completePickList');
        if (!done) continue;
        for (const sh of done.pickList.shipments as { id: string; lines: { sku: string; picked: number }[] }[]) {
          const counted = new Map<string, number>();
          for (const l of sh.lines) counted.set(l.sku, (counted.get(l.sku) ?? 0) + l.picked);
          const items = [...counted].map(([sku, quantity]) => ({ sku, quantity }));
          const checked = await floorCall(CHECK, { shipmentId: sh.id, items }, 'checkOrder');
          if (!checked?.passed) {
            if (checked) unexpected(`check of a full pick failed`);
            continue;
          }
          const packed = await floorCall(
            PACK,
            { shipmentId: sh.id, packages: [{ material: 'CARTON', weightG: 1500 }] },
            'packOrder',
          );
          if (!packed) continue;
          if (await floorCall(SHIP, { shipmentId: sh.id }, 'shipOrder')) report.shipments++;
        }
        shipped++;
      }
      if (shipped) {
        report.ordersShipped += batch.length;
        report.unitsShipped += batch.reduce((n, o) => n + o.units, 0);
      }
    }
  };

  try {
    await Promise.all([receiver(), shipper(), ...Array.from({ length: opts.buyers }, (_, n) => buyer(n))]);
  } finally {
    checking = false;
    await checkLoop;
    report.durationMs = Math.round(performance.now() - started);
    retries.restore();
  }
  report.timedOut = !done && !(opts.stopOnViolation && report.violations.length > 0);
  await check(checkers[0]); // once more, at rest

  const [levels] = await api.ds.query(
    `SELECT sum(on_hand)::int AS on_hand, sum(reserved)::int AS reserved, count(*) FILTER (WHERE on_hand > reserved)::int AS left FROM stock_level`,
  );
  const [allocs] = await api.ds.query(
    `SELECT coalesce(sum(quantity) FILTER (WHERE status = 'RESERVED'), 0)::int AS reserved, coalesce(sum(quantity) FILTER (WHERE status = 'RELEASED'), 0)::int AS released FROM order_allocation`,
  );
  const statuses: { status: string; n: number }[] = await api.ds.query(
    `SELECT status, count(*)::int AS n FROM orders GROUP BY status ORDER BY status`,
  );
  report.final = {
    onHand: levels.on_hand,
    reserved: levels.reserved,
    available: levels.on_hand - levels.reserved,
    levelsWithStockLeft: levels.left,
    reservedAllocations: allocs.reserved,
    releasedAllocations: allocs.released,
    ordersByStatus: Object.fromEntries(statuses.map((s) => [s.status, s.n])),
  };
  report.soldOut = report.final.levelsWithStockLeft === 0;
  report.serverRetries = retries.count;
  await sleep(600); // PostgreSQL publishes its statistics about every half second
  report.deadlocks = (await deadlocksOf(checkers[0])) - deadlocksBefore;
  await Promise.all(checkers.map((c) => c.end()));
  return report;
}

/** One or two distinct SKUs from the pool, 1–3 units each. */
function pickLines(r: ReturnType<typeof rng>, pool: string[]): Line[] {
  const first = r.pick(pool);
  const lines = [{ sku: first, quantity: r.int(1, 3) }];
  if (pool.length > 1 && r.chance(0.5)) {
    let second = r.pick(pool);
    while (second === first) second = r.pick(pool);
    lines.push({ sku: second, quantity: r.int(1, 3) });
  }
  return lines;
}

/** The figures worth a line in docs/reliability.md. */
export function soakFigures(r: SoakReport) {
  return {
    seed: r.seed,
    durationMs: r.durationMs,
    buyers: r.buyers,
    levels: r.levels,
    initialUnits: r.initialUnits,
    receipts: r.receipts,
    shipments: r.shipments,
    ordersShipped: r.ordersShipped,
    unitsShipped: r.unitsShipped,
    attempts: r.attempts,
    orders: r.orders,
    outOfStock: r.outOfStock,
    cancels: r.cancels,
    edits: r.edits,
    editsOutOfStock: r.editsOutOfStock,
    unitsAccepted: r.unitsAccepted,
    unitsReleased: r.unitsReleased,
    checks: r.checks,
    checksSkipped: r.checksSkipped,
    violations: r.violations.length,
    clientErrors: r.clientErrors,
    unexpected: r.unexpectedCount,
    serverRetries: r.serverRetries,
    deadlocks: r.deadlocks,
    soldOut: r.soldOut,
  };
}
