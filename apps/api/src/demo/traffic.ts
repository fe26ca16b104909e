import { logger } from '../common/logger';
import { ComplaintTraffic } from './complaint-traffic';
import { DeliveryTraffic } from './delivery-traffic';
import { FulfilmentTraffic } from './fulfilment-traffic';
import { PurchasingTraffic } from './purchasing-traffic';
import { ReturnTraffic } from './return-traffic';

/**
 * Demo traffic: orders from several channels and regions, reviews, cancellations, stock counts and
 * receipts, purchasing (orders sent, confirmed, received) and, in a loop of its own, the warehouse floor
 * (pick lists, checks, packing, shipping), the last mile (planning, couriers driving and delivering), all through the public GraphQL API as an integrator and staff
 * would send them.
 */
export interface TrafficOptions {
  url: string;
  /** Orders per minute. */
  rate: number;
  signal?: AbortSignal;
}

const CHANNELS = ['WEB', 'MOBILE_APP', 'MOBILE_APP', 'PARTNER', 'OFFLINE_STORE', 'WHOLESALE'];
const PAYMENTS = ['WECHAT_PAY', 'WECHAT_PAY', 'ALIPAY', 'CARD', 'CASH_ON_DELIVERY'];
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)];

/** A connection's nodes, as the queries below select them. */
type Edges<N> = { edges: { node: N }[] };
type OrderRef = { id: string; number: string };

class Api {
  constructor(
    private readonly url: string,
    private authorization: string | null = null,
  ) {}

  as(authorization: string): Api {
    return new Api(this.url, authorization);
  }

  async call<T = unknown>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const res = await fetch(this.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(this.authorization ? { authorization: this.authorization } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json().catch(() => ({}))) as { data?: T; errors?: { message: string }[] };
    if (!res.ok || body.errors)
      throw new Error(`${res.status} ${body.errors?.map((e) => e.message).join('; ') ?? res.statusText}`);
    return body.data as T;
  }

  async login(email: string): Promise<Api> {
    const d = await this.call<{ login: { token: string | null; userErrors: { message: string }[] } }>(
      `mutation($email: String!) { login(input: { email: $email, password: "demo" }) { token userErrors { message } } }`,
      { email },
    );
    if (!d.login.token) throw new Error(`cannot sign in as ${email}: ${d.login.userErrors[0]?.message}`);
    return this.as(`Bearer ${d.login.token}`);
  }
}

export async function runTraffic(opts: TrafficOptions): Promise<void> {
  const anonymous = new Api(opts.url);
  const admin = await anonymous.login('admin@demo.local');
  const created = await admin.call<{ createApiKey: { secret: string } }>(
    `mutation { createApiKey(input: { name: "demo traffic", scopes: [ORDERS_WRITE, ORDERS_READ, STOCK_READ, STOCK_WRITE, CATALOG_READ, CUSTOMERS_READ] }) { secret } }`,
  );
  const integrator = anonymous.as(`Bearer ${created.createApiKey.secret}`);
  let service = await anonymous.login('service@demo.local');
  let purchaser = await anonymous.login('purchasing@demo.local');
  let receiver = await anonymous.login('warehouse@demo.local');
  let dispatcher = await anonymous.login('dispatcher@demo.local');
  let serviceSince = Date.now();
  const purchasing = new PurchasingTraffic(
    () => purchaser,
    () => receiver,
  );

  const customers: string[] = (
    await integrator.call<{ customers: Edges<{ id: string }> }>(`{ customers(first: 100) { edges { node { id } } } }`)
  ).customers.edges.map((e) => e.node.id);
  const levels: { sku: string; warehouseCode: string; available: number }[] = (
    await integrator.call<{ stockLevels: Edges<{ sku: string; warehouseCode: string; available: number }> }>(
      `{ stockLevels(first: 100) { edges { node { sku warehouseCode available } } } }`,
    )
  ).stockLevels.edges.map((e) => e.node);
  const skus = [...new Set(levels.filter((l) => l.available > 0).map((l) => l.sku))];
  const warehouseCodes = (
    await integrator.call<{ warehouses: Edges<{ code: string }> }>(
      `{ warehouses(first: 50) { edges { node { code } } } }`,
    )
  ).warehouses.edges.map((e) => e.node.code);
  const floor = new FulfilmentTraffic(() => receiver, warehouseCodes);
  // The floor keeps its own pace: a step every 1–4 s, whatever the order rate.
  void (async () => {
    while (!opts.signal?.aborted) {
      await floor.step().catch((e: Error) => logger.warn({ err: e.message }, 'demo floor step failed'));
      await new Promise((r) => setTimeout(r, 1000 + Math.random() * 3000));
    }
  })();
  const lastMile = new DeliveryTraffic(() => dispatcher);
  // Couriers report every 3–5 s, like phones on the road.
  void (async () => {
    while (!opts.signal?.aborted) {
      await lastMile.step().catch((e: Error) => logger.warn({ err: e.message }, 'demo delivery step failed'));
      await new Promise((r) => setTimeout(r, 3000 + Math.random() * 2000));
    }
  })();
  const afterSales = new ComplaintTraffic(() => service);
  // Customer service works a complaint step every 15–45 s.
  void (async () => {
    while (!opts.signal?.aborted) {
      await afterSales.step().catch((e: Error) => logger.warn({ err: e.message }, 'demo complaint step failed'));
      await new Promise((r) => setTimeout(r, 15_000 + Math.random() * 30_000));
    }
  })();
  const returns = new ReturnTraffic(
    () => service,
    () => receiver,
  );
  // Returns move slower still: a step every 20–60 s.
  void (async () => {
    while (!opts.signal?.aborted) {
      await returns.step().catch((e: Error) => logger.warn({ err: e.message }, 'demo return step failed'));
      await new Promise((r) => setTimeout(r, 20_000 + Math.random() * 40_000));
    }
  })();
  logger.info({ rate: opts.rate, customers: customers.length, skus: skus.length }, 'demo traffic started');

  const step = async () => {
    const roll = Math.random();
    if (Date.now() - serviceSince > 20 * 60_000) {
      service = await anonymous.login('service@demo.local');
      purchaser = await anonymous.login('purchasing@demo.local');
      receiver = await anonymous.login('warehouse@demo.local');
      dispatcher = await anonymous.login('dispatcher@demo.local');
      serviceSince = Date.now();
    }
    if (roll < 0.8) {
      const lines = [...new Set(Array.from({ length: 1 + Math.floor(Math.random() * 3) }, () => pick(skus)))].map(
        (sku) => ({ sku, quantity: 1 + Math.floor(Math.random() * 3) }),
      );
      const method = pick(PAYMENTS);
      const r = await integrator.call<{
        placeOrder: {
          order: { number: string; status: string } | null;
          userErrors: { code: string; message: string }[];
        };
      }>(
        `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { order { number status } userErrors { code message } } }`,
        {
          input: {
            idempotencyKey: `demo-${Date.now()}-${Math.random().toString(36).slice(2)}`,
            customerId: pick(customers),
            lines,
            paymentMethod: method,
            paid: method !== 'CASH_ON_DELIVERY' && Math.random() < 0.95,
            channel: pick(CHANNELS),
            priority: Math.random() < 0.1 ? 'URGENT' : Math.random() < 0.2 ? 'HIGH' : 'NORMAL',
            allowBackorder: Math.random() < 0.3,
          },
        },
      );
      const p = r.placeOrder;
      logger.info(p.order ? `placed ${p.order.number} → ${p.order.status}` : `order refused: ${p.userErrors[0].code}`);
    } else if (roll < 0.88) {
      const q = await service.call<{ orders: Edges<OrderRef> }>(
        `{ orders(first: 5, filter: { status: PENDING_REVIEW }) { edges { node { id number } } } }`,
      );
      const o = q.orders.edges.at(-1)?.node;
      if (!o) return;
      const r = await service.call<{ approveOrder: { order: { status: string } | null } }>(
        `mutation($id: ID!) { approveOrder(input: { orderId: $id }) { order { status } } }`,
        { id: o.id },
      );
      logger.info(`approved ${o.number} → ${r.approveOrder.order?.status}`);
    } else if (roll < 0.92) {
      const q = await integrator.call<{ orders: Edges<OrderRef> }>(
        `{ orders(first: 10, filter: { status: [ALLOCATED, BACKORDERED] }) { edges { node { id number } } } }`,
      );
      const o = pick(q.orders.edges)?.node;
      if (!o) return;
      await integrator.call(
        `mutation($id: ID!) { cancelOrder(input: { orderId: $id, reason: "客户取消" }) { userErrors { code } } }`,
        { id: o.id },
      );
      logger.info(`cancelled ${o.number}`);
    } else if (roll < 0.94) {
      const l = pick(levels);
      const receipt = Math.random() < 0.6;
      await integrator.call(
        `mutation($input: AdjustStockInput!) { adjustStock(input: $input) { userErrors { code } } }`,
        {
          input: receipt
            ? {
                sku: l.sku,
                warehouseCode: l.warehouseCode,
                delta: 20 + Math.floor(Math.random() * 80),
                reason: 'RECEIPT',
                note: '供应商到货',
              }
            : { sku: l.sku, warehouseCode: l.warehouseCode, delta: -1, reason: 'DAMAGE', note: '盘点发现破损' },
        },
      );
      logger.info(`${receipt ? 'received' : 'wrote off'} ${l.sku} at ${l.warehouseCode}`);
    } else {
      await purchasing.step();
    }
  };

  const interval = 60_000 / opts.rate / 0.8;
  while (!opts.signal?.aborted) {
    const started = Date.now();
    await step().catch((e: Error) => logger.warn({ err: e.message }, 'demo step failed'));
    // Poisson-like arrivals around the configured rate.
    const wait = Math.max(0, -Math.log(1 - Math.random()) * interval - (Date.now() - started));
    await new Promise((r) => setTimeout(r, wait));
  }
}
