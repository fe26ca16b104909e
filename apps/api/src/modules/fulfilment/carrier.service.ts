import { decimalToFen } from '@fulfilment/domain';
import { Actor } from '../../common/actor';
import { audit } from '../../common/audit';
import { localId } from '../../common/global-id';
import { MutationResult, Mutations } from '../../common/mutation';
import { fail } from '../../common/user-error';
import { validateInput } from '../../common/validation';
import { Carrier } from './carrier.entity';
import { CreateCarrierInput, UpdateCarrierInput } from './fulfilment.inputs';

type CarrierResult = MutationResult<{ carrier: Carrier }>;

/** The carriers shipments leave with: the own fleet and the partners they are chosen from. */
export class CarrierService {
  constructor(private readonly mutations: Mutations) {}

  async create(input: CreateCarrierInput, actor: Actor): Promise<CarrierResult> {
    const invalid = await validateInput(input);
    return this.mutations.run(actor, { action: 'CREATE_CARRIER', targetType: 'Carrier', invalid }, async (tx) => {
      // Two creations of one code queue here, so the second gets CARRIER_CODE_TAKEN, not a unique violation.
      await tx.m.query(`SELECT pg_advisory_xact_lock(hashtextextended('carrier code ' || $1, 0))`, [input.code]);
      const [taken] = await tx.m.query(`SELECT 1 FROM carrier WHERE code = $1`, [input.code]);
      if (taken) fail('CARRIER_CODE_TAKEN', `A carrier with code ${input.code} exists`, ['input', 'code']);
      const [row] = await tx.m.query(
        `INSERT INTO carrier (code, name, kind, regions, methods, tracking_prefix, base_price_fen, per_kg_fen, transit_days, reliability)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
        [
          input.code,
          input.name.trim(),
          input.kind,
          [...new Set(input.regions)],
          [...new Set(input.methods)],
          input.trackingPrefix,
          decimalToFen(input.basePrice),
          decimalToFen(input.perKg),
          input.transitDays,
          input.reliability ?? null,
        ],
      );
      await audit(tx.m, actor, {
        action: 'CREATE_CARRIER',
        targetType: 'Carrier',
        targetId: row.id,
        outcome: 'SUCCESS',
        details: { code: input.code, kind: input.kind },
      });
      return { carrier: await tx.m.getRepository(Carrier).findOneByOrFail({ id: row.id }) };
    });
  }

  async update(input: UpdateCarrierInput, actor: Actor): Promise<CarrierResult> {
    const invalid = await validateInput(input);
    return this.mutations.run(actor, { action: 'UPDATE_CARRIER', targetType: 'Carrier', invalid }, async (tx) => {
      const id = localId(input.carrierId, 'Carrier');
      const [found] = id ? await tx.m.query(`SELECT id FROM carrier WHERE id = $1 FOR UPDATE`, [id]) : [];
      if (!found) fail('UNKNOWN_CARRIER', 'No carrier with this id', ['input', 'carrierId']);
      const carrierId: string = found.id;
      const changes: Partial<Carrier> = {};
      if (input.active != null) changes.active = input.active;
      if (input.name != null) changes.name = input.name.trim();
      if (input.regions != null) changes.regions = [...new Set(input.regions)];
      if (input.methods != null) changes.methods = [...new Set(input.methods)];
      if (input.basePrice != null) changes.basePriceFen = decimalToFen(input.basePrice);
      if (input.perKg != null) changes.perKgFen = decimalToFen(input.perKg);
      if (input.transitDays != null) changes.transitDays = input.transitDays;
      if (input.reliability !== undefined) changes.reliability = input.reliability;
      if (Object.keys(changes).length) await tx.m.getRepository(Carrier).update({ id: carrierId }, changes);
      await audit(tx.m, actor, {
        action: 'UPDATE_CARRIER',
        targetType: 'Carrier',
        targetId: carrierId,
        outcome: 'SUCCESS',
        details: { changed: Object.keys(changes) },
      });
      return { carrier: await tx.m.getRepository(Carrier).findOneByOrFail({ id: carrierId }) };
    });
  }
}
