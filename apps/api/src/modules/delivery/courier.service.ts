import { cityOfZone } from '@fulfilment/domain';
import { Actor } from '../../common/actor';
import { audit } from '../../common/audit';
import { localId } from '../../common/global-id';
import { MutationResult, Mutations, Tx } from '../../common/mutation';
import { fail } from '../../common/user-error';
import { validateInput } from '../../common/validation';
import { Courier, Vehicle } from './courier.entity';
import { CreateCourierInput, CreateVehicleInput, UpdateCourierInput } from './delivery.inputs';

type CourierResult = MutationResult<{ courier: Courier }>;

/** The fleet: vehicles and couriers, their zones, shifts and whether they are on duty. */
export class CourierService {
  constructor(private readonly mutations: Mutations) {}

  async createVehicle(input: CreateVehicleInput, actor: Actor): Promise<MutationResult<{ vehicle: Vehicle }>> {
    const invalid = await validateInput(input);
    return this.mutations.run(actor, { action: 'CREATE_VEHICLE', targetType: 'Vehicle', invalid }, async (tx) => {
      const code = input.code.trim();
      const [row] = await tx.m.query(
        `INSERT INTO vehicle (code, kind, capacity_units, capacity_kg) VALUES ($1, $2, $3, $4)
         ON CONFLICT (code) DO NOTHING RETURNING id`,
        [code, input.kind, input.capacityUnits, input.capacityKg],
      );
      if (!row) fail('VEHICLE_CODE_TAKEN', `A vehicle ${code} exists`, ['input', 'code']);
      await audit(tx.m, tx.actor, {
        action: 'CREATE_VEHICLE',
        targetType: 'Vehicle',
        targetId: row.id,
        outcome: 'SUCCESS',
        details: { code, kind: input.kind },
      });
      return { vehicle: await tx.m.getRepository(Vehicle).findOneByOrFail({ id: row.id }) };
    });
  }

  async createCourier(input: CreateCourierInput, actor: Actor): Promise<CourierResult> {
    const invalid = await validateInput(input);
    return this.mutations.run(actor, { action: 'CREATE_COURIER', targetType: 'Courier', invalid }, async (tx) => {
      const code = input.code.trim();
      const { zones, city } = this.zones(input.zones);
      this.shift(input.shiftStart, input.shiftEnd);
      const [w] = await tx.m.query(`SELECT id FROM warehouse WHERE code = $1`, [input.warehouseCode.trim()]);
      if (!w) fail('NOT_FOUND', `No warehouse ${input.warehouseCode}`, ['input', 'warehouseCode']);
      const vehicleId = input.vehicleId ? await this.vehicle(tx, input.vehicleId) : null;
      const userId = input.userId ? await this.courierUser(tx, input.userId, null) : null;
      const [row] = await tx.m.query(
        `INSERT INTO courier (code, name, phone, user_id, warehouse_id, vehicle_id, city, zones, shift_start, shift_end)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (code) DO NOTHING RETURNING id`,
        [code, input.name.trim(), input.phone, userId, w.id, vehicleId, city, zones, input.shiftStart, input.shiftEnd],
      );
      if (!row) fail('COURIER_CODE_TAKEN', `A courier ${code} exists`, ['input', 'code']);
      await audit(tx.m, tx.actor, {
        action: 'CREATE_COURIER',
        targetType: 'Courier',
        targetId: row.id,
        outcome: 'SUCCESS',
        details: { code, zones },
      });
      return { courier: await tx.m.getRepository(Courier).findOneByOrFail({ id: row.id }) };
    });
  }

  async updateCourier(input: UpdateCourierInput, actor: Actor): Promise<CourierResult> {
    const invalid = await validateInput(input);
    return this.mutations.run(actor, { action: 'UPDATE_COURIER', targetType: 'Courier', invalid }, async (tx) => {
      const id = localId(input.courierId, 'Courier');
      const [found] = id ? await tx.m.query(`SELECT * FROM courier WHERE id = $1 FOR UPDATE`, [id]) : [];
      if (!found) fail('NOT_FOUND', 'No courier with this id', ['input', 'courierId']);
      const changes: Partial<Courier> = {};
      if (input.name != null) changes.name = input.name.trim();
      if (input.phone != null) changes.phone = input.phone;
      if (input.zones != null) Object.assign(changes, this.zones(input.zones));
      if (input.shiftStart != null) changes.shiftStart = input.shiftStart;
      if (input.shiftEnd != null) changes.shiftEnd = input.shiftEnd;
      if (changes.shiftStart || changes.shiftEnd)
        this.shift(
          changes.shiftStart ?? found.shift_start.slice(0, 5),
          changes.shiftEnd ?? found.shift_end.slice(0, 5),
        );
      if (input.vehicleId != null) changes.vehicleId = await this.vehicle(tx, input.vehicleId);
      if (input.state != null) {
        if (input.state === 'ON_ROUTE') fail('INVALID_INPUT', 'ON_ROUTE is set by starting a run', ['input', 'state']);
        if (found.state === 'ON_ROUTE')
          fail('ILLEGAL_TRANSITION', `${found.code} is on route; finish the run first`, ['input', 'state']);
        changes.state = input.state;
      }
      if (Object.keys(changes).length === 0) fail('NOTHING_TO_CHANGE', 'Nothing to change', ['input']);
      await tx.m.getRepository(Courier).update({ id: found.id }, changes);
      await audit(tx.m, tx.actor, {
        action: 'UPDATE_COURIER',
        targetType: 'Courier',
        targetId: found.id,
        outcome: 'SUCCESS',
        details: { changed: Object.keys(changes) },
      });
      return { courier: await tx.m.getRepository(Courier).findOneByOrFail({ id: found.id }) };
    });
  }

  /** The zones, each a served city or one of its districts, all in one city (a courier delivers in one). */
  private zones(zones: readonly string[]): { zones: string[]; city: string } {
    const list = [...new Set(zones.map((z) => z.trim()))];
    const cities = new Set<string>();
    for (const z of list) {
      const city = cityOfZone(z);
      if (!city) fail('UNKNOWN_ZONE', `${z} is neither a served city nor one of its districts`, ['input', 'zones']);
      cities.add(city);
    }
    if (cities.size > 1)
      fail('UNKNOWN_ZONE', `A courier delivers in one city; the zones span ${[...cities].join(', ')}`, [
        'input',
        'zones',
      ]);
    return { zones: list, city: [...cities][0] };
  }

  private shift(start: string, end: string): void {
    if (end <= start) fail('INVALID_INPUT', 'shiftEnd must be after shiftStart', ['input', 'shiftEnd']);
  }

  private async vehicle(tx: Tx, globalId: string): Promise<string> {
    const id = localId(globalId, 'Vehicle');
    const [row] = id ? await tx.m.query(`SELECT id FROM vehicle WHERE id = $1`, [id]) : [];
    return row?.id ?? fail('NOT_FOUND', 'No vehicle with this id', ['input', 'vehicleId']);
  }

  private async courierUser(tx: Tx, globalId: string, courierId: string | null): Promise<string> {
    const id = localId(globalId, 'User');
    const [row] = id
      ? await tx.m.query(
          `SELECT u.id, (SELECT c.id FROM courier c WHERE c.user_id = u.id) AS courier_id FROM staff_user u
            WHERE u.id = $1 AND u.role = 'COURIER'`,
          [id],
        )
      : [];
    if (!row || (row.courier_id && row.courier_id !== courierId))
      fail('USER_NOT_COURIER', 'The user has no COURIER role or is another courier’s', ['input', 'userId']);
    return row.id;
  }
}
