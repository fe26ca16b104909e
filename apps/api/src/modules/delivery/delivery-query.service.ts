import { DataSource } from 'typeorm';
import { maskPosition, cityOfZone } from '@fulfilment/domain';
import { filterText, paginate, filterId } from '../../common/connection';
import { BlockedArea, Courier, Vehicle } from './courier.entity';
import { Delivery, DeliveryRun } from './delivery.entity';
import { CourierFilter, DeliveryFilter, DeliveryRunFilter } from './delivery.inputs';
import { DeliveryTracking } from './delivery.types';

/** Deliveries, runs, couriers and blocked areas: lists on keyset cursors, newest first. */
export class DeliveryQueryService {
  constructor(private readonly ds: DataSource) {}

  deliveries(filter: DeliveryFilter, page: { first?: number; after?: string }) {
    const qb = this.ds.getRepository(Delivery).createQueryBuilder('d');
    if (filter.status?.length) qb.andWhere('d.status = ANY(:status)', { status: filter.status });
    const zone = filterText(filter.zone, 'zone', 64);
    if (zone) qb.andWhere('d.zone = :zone', { zone });
    if (filter.runId != null) {
      const runId = filterId(filter.runId, 'DeliveryRun', 'runId', 'a run');
      qb.andWhere('d.run_id = :runId', { runId });
    }
    if (filter.lateRisk === true) qb.andWhere('d.late_risk');
    if (filter.lateRisk === false) qb.andWhere('NOT d.late_risk');
    return paginate(
      qb,
      {
        columns: ['d.createdAt', 'd.id'],
        kinds: ['timestamp', 'uuid'],
        direction: 'DESC',
        values: (d) => [d.createdAt, d.id],
      },
      page,
    );
  }

  runs(filter: DeliveryRunFilter, page: { first?: number; after?: string }) {
    const qb = this.ds.getRepository(DeliveryRun).createQueryBuilder('r');
    if (filter.status?.length) qb.andWhere('r.status = ANY(:status)', { status: filter.status });
    const zone = filterText(filter.zone, 'zone', 64);
    if (zone) qb.andWhere('r.zone = :zone', { zone });
    if (filter.courierId != null) {
      const courierId = filterId(filter.courierId, 'Courier', 'courierId', 'a courier');
      qb.andWhere('r.courier_id = :courierId', { courierId });
    }
    return paginate(
      qb,
      {
        columns: ['r.createdAt', 'r.id'],
        kinds: ['timestamp', 'uuid'],
        direction: 'DESC',
        values: (r) => [r.createdAt, r.id],
      },
      page,
    );
  }

  /** Couriers by code. */
  couriers(filter: CourierFilter, page: { first?: number; after?: string }) {
    const qb = this.ds.getRepository(Courier).createQueryBuilder('c');
    if (filter.state) qb.andWhere('c.state = :state', { state: filter.state });
    const city = filterText(filter.city, 'city', 32);
    if (city) qb.andWhere('c.city = :city', { city });
    const zone = filterText(filter.zone, 'zone', 64);
    // A zone is served by its own couriers and by those of its whole city (GIN on zones).
    if (zone) qb.andWhere('c.zones && ARRAY[:zone, :zoneCity]::text[]', { zone, zoneCity: cityOfZone(zone) ?? zone });
    const code = filterText(filter.warehouseCode, 'warehouseCode', 32);
    if (code) qb.andWhere('c.warehouse_id = (SELECT id FROM warehouse WHERE code = :code)', { code });
    return paginate(
      qb,
      { columns: ['c.code', 'c.id'], kinds: ['text', 'uuid'], direction: 'ASC', values: (c) => [c.code, c.id] },
      page,
    );
  }

  vehicles(): Promise<Vehicle[]> {
    return this.ds.getRepository(Vehicle).find({ order: { code: 'ASC' } });
  }

  blockedAreas(activeOnly: boolean): Promise<BlockedArea[]> {
    const qb = this.ds.getRepository(BlockedArea).createQueryBuilder('b').orderBy('b.blocked_at', 'DESC').limit(200);
    if (activeOnly) qb.andWhere('b.unblocked_at IS NULL');
    return qb.getMany();
  }

  /** The signed-in courier's runs that are planned or running, oldest first. */
  async runsOfCourier(courierId: string): Promise<DeliveryRun[]> {
    return this.ds
      .getRepository(DeliveryRun)
      .createQueryBuilder('r')
      .where(`r.courier_id = :courierId AND r.status IN ('PLANNED', 'IN_PROGRESS')`, { courierId })
      .orderBy('r.planned_start', 'ASC')
      .getMany();
  }

  /** What a tracking link shows; null for a token that names nothing. */
  async tracking(token: string): Promise<DeliveryTracking | null> {
    if (!token || token.length > 64) return null;
    const [row] = await this.ds.query(
      `SELECT d.number, d.status, d.zone, d.window_start, d.window_end, d.eta, d.delivered_at, d.rating,
              c.lat AS courier_lat, c.lng AS courier_lng,
              (SELECT count(*)::int FROM delivery o WHERE o.run_id = d.run_id AND o.status = 'OUT_FOR_DELIVERY'
                  AND o.stop_seq < d.stop_seq) AS stops_before
         FROM delivery d
         LEFT JOIN delivery_run r ON r.id = d.run_id
         LEFT JOIN courier c ON c.id = r.courier_id
        WHERE d.tracking_token = $1`,
      [token],
    );
    if (!row) return null;
    const out = row.status === 'OUT_FOR_DELIVERY';
    return Object.assign(new DeliveryTracking(), {
      number: row.number,
      status: row.status,
      zone: row.zone,
      windowStart: row.window_start,
      windowEnd: row.window_end,
      eta: out ? row.eta : null,
      stopsBefore: out ? row.stops_before : null,
      courierNear: out && row.courier_lat != null ? maskPosition({ lat: row.courier_lat, lng: row.courier_lng }) : null,
      deliveredAt: row.delivered_at,
      canRate: row.status === 'DELIVERED' && row.rating === null,
      rating: row.rating,
    });
  }
}
