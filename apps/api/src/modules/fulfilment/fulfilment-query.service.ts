import { DataSource } from 'typeorm';
import { isCalendarDay } from '@fulfilment/domain';
import { badInput, filterText, paginate } from '../../common/connection';
import { Carrier } from './carrier.entity';
import { PickListFilter, ShipmentFilter } from './fulfilment.inputs';
import { PickList } from './pick-list.entity';
import { Shipment } from './shipment.entity';

/** Pick lists, shipments and carriers: the lists, newest first, on keyset cursors. */
export class FulfilmentQueryService {
  constructor(private readonly ds: DataSource) {}

  pickLists(filter: PickListFilter, page: { first?: number; after?: string }) {
    const qb = this.ds.getRepository(PickList).createQueryBuilder('l');
    if (filter.status?.length) qb.andWhere('l.status = ANY(:status)', { status: filter.status });
    const code = filterText(filter.warehouseCode, 'warehouseCode', 32);
    if (code) qb.andWhere('l.warehouse_code = :code', { code });
    return paginate(
      qb,
      {
        columns: ['l.createdAt', 'l.id'],
        kinds: ['timestamp', 'uuid'],
        direction: 'DESC',
        values: (l) => [l.createdAt, l.id],
      },
      page,
    );
  }

  shipments(filter: ShipmentFilter, page: { first?: number; after?: string }) {
    const qb = this.ds.getRepository(Shipment).createQueryBuilder('s');
    if (filter.status?.length) qb.andWhere('s.status = ANY(:status)', { status: filter.status });
    const code = filterText(filter.warehouseCode, 'warehouseCode', 32);
    if (code) qb.andWhere('s.warehouse_code = :code', { code });
    const carrier = filterText(filter.carrierCode, 'carrierCode', 32);
    if (carrier) qb.andWhere('s.carrier_id = (SELECT id FROM carrier WHERE code = :carrier)', { carrier });
    if (filter.shippedOn != null) {
      if (!isCalendarDay(filter.shippedOn)) badInput('filter.shippedOn must be a day YYYY-MM-DD', 'filter');
      qb.andWhere(
        `s.shipped_at >= (:day::date)::timestamp AT TIME ZONE 'Asia/Shanghai'
         AND s.shipped_at < (:day::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'`,
        { day: filter.shippedOn },
      );
    }
    return paginate(
      qb,
      {
        columns: ['s.createdAt', 's.id'],
        kinds: ['timestamp', 'uuid'],
        direction: 'DESC',
        values: (s) => [s.createdAt, s.id],
      },
      page,
    );
  }

  carriers(activeOnly: boolean): Promise<Carrier[]> {
    return this.ds.getRepository(Carrier).find({ where: activeOnly ? { active: true } : {}, order: { code: 'ASC' } });
  }
}
