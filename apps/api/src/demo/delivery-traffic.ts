import { haversineMetres, type LatLng } from '@fulfilment/domain';
import { logger } from '../common/logger';
import type { Caller } from './purchasing-traffic';
import { demoSignaturePng } from './signature-png';

type Edges<N> = { edges: { node: N }[] };
type UserErrors = { userErrors: { code: string; message: string }[] };
interface Stop {
  id: string;
  number: string;
  status: string;
  trackingToken: string | null;
  position: LatLng;
}
interface Run {
  id: string;
  number: string;
  courier: { id: string; code: string; position: LatLng | null } | null;
  depot: LatLng | null;
  stops: Stop[];
}

/** Metres a courier covers between two reports (about 25 km/h over the demo's step interval). */
const STRIDE_M = 250;
const EXCEPTIONS = ['CUSTOMER_ABSENT', 'CONGESTION', 'WRONG_ADDRESS'] as const;
const NOTES: Record<(typeof EXCEPTIONS)[number], string> = {
  CUSTOMER_ABSENT: '电话无人接听,家中无人',
  CONGESTION: '主干道严重拥堵,无法按时送达',
  WRONG_ADDRESS: '门牌号不存在,联系不上收件人',
};

function towards(from: LatLng, to: LatLng, metres: number): LatLng {
  const d = haversineMetres(from, to);
  if (d <= metres) return to;
  const f = metres / d;
  return { lat: from.lat + (to.lat - from.lat) * f, lng: from.lng + (to.lng - from.lng) * f };
}

/**
 * The last mile of the demo, through the public API as a dispatcher: deliveries planned into runs
 * every minute, runs leave, couriers drive along straight lines reporting positions every few seconds,
 * deliver with a signature (now and then contactless), customers rate some, and the occasional
 * exception is re-planned.
 */
export class DeliveryTraffic {
  private lastPlan = 0;

  constructor(private readonly dispatcher: () => Caller) {}

  async step(): Promise<void> {
    const api = this.dispatcher();
    if (Date.now() - this.lastPlan > 60_000) {
      this.lastPlan = Date.now();
      const r = await api.call<{ planDeliveries: UserErrors & { runs: { number: string }[] | null } }>(
        `mutation { planDeliveries(input: {}) { runs { number } userErrors { code message } } }`,
      );
      if (r.planDeliveries.runs?.length)
        logger.info(`planned ${r.planDeliveries.runs.map((x) => x.number).join(', ')}`);
    }
    const runs = await api.call<{
      running: Edges<Run>;
      planned: Edges<Run>;
      exceptions: Edges<{ id: string; number: string }>;
    }>(
      `fragment R on DeliveryRun { id number courier { id code position { lat lng } } depot { lat lng }
         stops { id number status trackingToken position { lat lng } } }
       { running: deliveryRuns(first: 40, filter: { status: [IN_PROGRESS] }) { edges { node { ...R } } }
         planned: deliveryRuns(first: 40, filter: { status: [PLANNED] }) { edges { node { ...R } } }
         exceptions: deliveries(first: 5, filter: { status: [EXCEPTION] }) { edges { node { id number } } } }`,
    );
    const running = runs.running.edges.map((e) => e.node);
    const busy = new Set(running.map((r) => r.courier?.id));
    const ready = runs.planned.edges.map((e) => e.node).find((r) => r.courier && !busy.has(r.courier.id));
    if (ready && Math.random() < 0.3) {
      await api.call(`mutation($i: StartDeliveryRunInput!) { startDeliveryRun(input: $i) { userErrors { code } } }`, {
        i: { runId: ready.id },
      });
      logger.info(`${ready.number} left with ${ready.courier!.code}`);
    }
    for (const run of running) await this.drive(api, run);
    const ex = runs.exceptions.edges[0]?.node;
    if (ex && Math.random() < 0.1) {
      await api.call(`mutation($i: ReplanDeliveryInput!) { replanDelivery(input: $i) { userErrors { code } } }`, {
        i: { deliveryId: ex.id, action: 'NEXT_RUN', reason: '已与客户重新约定' },
      });
      logger.info(`${ex.number} re-planned`);
    }
  }

  /** One stride towards the run's next stop; at the door, the delivery (or, rarely, an exception). */
  private async drive(api: Caller, run: Run): Promise<void> {
    const next = run.stops.find((s) => s.status === 'OUT_FOR_DELIVERY');
    if (!run.courier || !next) return;
    const from = run.courier.position ?? run.depot ?? next.position;
    const at = towards(from, next.position, STRIDE_M * (0.7 + Math.random() * 0.6));
    await api.call<{ reportCourierPositions: UserErrors }>(
      `mutation($i: ReportCourierPositionsInput!) { reportCourierPositions(input: $i) { userErrors { code message } } }`,
      {
        i: {
          courierId: run.courier.id,
          runId: run.id,
          positions: [{ ...at, recordedAt: new Date().toISOString(), accuracyM: 10 }],
        },
      },
    );
    if (haversineMetres(at, next.position) > 30) return;
    if (Math.random() < 0.05) {
      const reason = EXCEPTIONS[Math.floor(Math.random() * EXCEPTIONS.length)];
      await api.call(
        `mutation($i: ReportDeliveryExceptionInput!) { reportDeliveryException(input: $i) { userErrors { code } } }`,
        {
          i: { deliveryId: next.id, reason, note: NOTES[reason] },
        },
      );
      logger.info(`${next.number}: ${reason}`);
      return;
    }
    const contactless = Math.random() < 0.1;
    const r = await api.call<{ confirmDelivery: UserErrors }>(
      `mutation($i: ConfirmDeliveryInput!) { confirmDelivery(input: $i) { userErrors { code message } } }`,
      {
        i: {
          deliveryId: next.id,
          kind: contactless ? 'CONTACTLESS' : 'SIGNATURE',
          image: demoSignaturePng(Math.floor(Math.random() * 1e9)),
          recipientName: contactless ? null : '本人',
          note: contactless ? '已放门口' : null,
          ...at,
        },
      },
    );
    if (r.confirmDelivery.userErrors.length) return;
    logger.info(`${next.number} delivered by ${run.courier.code}`);
    if (next.trackingToken && Math.random() < 0.5)
      await api.call(`mutation($i: RateDeliveryInput!) { rateDelivery(input: $i) { userErrors { code } } }`, {
        i: { trackingToken: next.trackingToken, rating: Math.random() < 0.85 ? 5 : 3, comment: null },
      });
  }
}
