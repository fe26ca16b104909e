import { decimalToFen } from '@fulfilment/domain';
import { Actor } from '../../common/actor';
import { audit } from '../../common/audit';
import { localId } from '../../common/global-id';
import { MutationResult, Mutations, Tx } from '../../common/mutation';
import { fail, userError } from '../../common/user-error';
import { validateInput } from '../../common/validation';
import { CreateSupplierInput, SetSupplierOfferInput, UpdateSupplierInput } from './purchasing.inputs';
import { Supplier } from './supplier.entity';
import { SupplierOffer } from './supplier-offer.entity';

type SupplierResult = MutationResult<{ supplier: Supplier }>;
type OfferResult = MutationResult<{ offer: SupplierOffer; supplier: Supplier }>;

/** The qualified supplier list and its offers. */
export class SupplierService {
  constructor(private readonly mutations: Mutations) {}

  async createSupplier(input: CreateSupplierInput, actor: Actor): Promise<SupplierResult> {
    const invalid = await validateInput(input);
    const status = input.status ?? 'PROBATION';
    if (status === 'SUSPENDED' && !input.statusReason?.trim())
      invalid.push(userError('INVALID_INPUT', 'A suspended supplier needs a statusReason', ['input', 'statusReason']));
    return this.mutations.run(actor, { action: 'CREATE_SUPPLIER', targetType: 'Supplier', invalid }, async (tx) => {
      const code = input.code.trim().toUpperCase();
      // Two creations of one code queue here, so the second gets SUPPLIER_CODE_TAKEN, not a unique violation.
      await tx.m.query(`SELECT pg_advisory_xact_lock(hashtextextended('supplier code ' || $1, 0))`, [code]);
      const [taken] = await tx.m.query(`SELECT 1 FROM supplier WHERE code = $1`, [code]);
      if (taken) fail('SUPPLIER_CODE_TAKEN', `A supplier with code ${code} exists`, ['input', 'code']);
      const [row] = await tx.m.query(
        `INSERT INTO supplier (code, name, contact_name, phone, email, address, regions, status, status_reason)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [
          code,
          input.name.trim(),
          input.contactName.trim(),
          input.phone,
          input.email?.trim() || null,
          input.address.trim(),
          [...new Set(input.regions)],
          status,
          input.statusReason?.trim() || null,
        ],
      );
      await audit(tx.m, actor, {
        action: 'CREATE_SUPPLIER',
        targetType: 'Supplier',
        targetId: row.id,
        outcome: 'SUCCESS',
        details: { code, status },
      });
      return { supplier: await tx.m.getRepository(Supplier).findOneByOrFail({ id: row.id }) };
    });
  }

  async updateSupplier(input: UpdateSupplierInput, actor: Actor): Promise<SupplierResult> {
    const invalid = await validateInput(input);
    return this.mutations.run(actor, { action: 'UPDATE_SUPPLIER', targetType: 'Supplier', invalid }, async (tx) => {
      const supplier = await this.lockSupplier(tx, input.supplierId);
      const changes: Partial<Supplier> = {};
      if (input.name != null) changes.name = input.name.trim();
      if (input.contactName != null) changes.contactName = input.contactName.trim();
      if (input.phone != null) changes.phone = input.phone;
      if (input.email !== undefined) changes.email = input.email?.trim() || null;
      if (input.address != null) changes.address = input.address.trim();
      if (input.regions != null) changes.regions = [...new Set(input.regions)];
      if (input.status != null) changes.status = input.status;
      if (input.statusReason !== undefined) changes.statusReason = input.statusReason?.trim() || null;
      if (input.status === 'QUALIFIED' && input.statusReason === undefined) changes.statusReason = null;
      const status = changes.status ?? supplier.status;
      const reason = 'statusReason' in changes ? changes.statusReason : supplier.statusReason;
      if (status === 'SUSPENDED' && !reason)
        fail('INVALID_INPUT', 'A suspended supplier needs a statusReason', ['input', 'statusReason']);
      if (Object.keys(changes).length === 0) fail('NOTHING_TO_CHANGE', 'Nothing to change', ['input']);
      await tx.m.getRepository(Supplier).update({ id: supplier.id }, changes);
      await audit(tx.m, actor, {
        action: 'UPDATE_SUPPLIER',
        targetType: 'Supplier',
        targetId: supplier.id,
        outcome: 'SUCCESS',
        details: { code: supplier.code, changed: Object.keys(changes), status },
      });
      return { supplier: await tx.m.getRepository(Supplier).findOneByOrFail({ id: supplier.id }) };
    });
  }

  async setOffer(input: SetSupplierOfferInput, actor: Actor): Promise<OfferResult> {
    const invalid = await validateInput(input);
    return this.mutations.run(actor, { action: 'SET_SUPPLIER_OFFER', targetType: 'Supplier', invalid }, async (tx) => {
      const priceFen = decimalToFen(input.unitPrice);
      const supplier = await this.lockSupplier(tx, input.supplierId);
      const [product] = await tx.m.query(`SELECT id FROM product WHERE sku = $1`, [input.sku]);
      if (!product) fail('UNKNOWN_SKU', `Unknown SKU ${input.sku}`, ['input', 'sku']);
      const [row] = await tx.m.query(
        `INSERT INTO supplier_offer (supplier_id, product_id, unit_price_fen, lead_time_days, min_order_qty, pack_multiple, active)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (supplier_id, product_id) DO UPDATE SET unit_price_fen = EXCLUDED.unit_price_fen,
           lead_time_days = EXCLUDED.lead_time_days, min_order_qty = EXCLUDED.min_order_qty,
           pack_multiple = EXCLUDED.pack_multiple, active = EXCLUDED.active, updated_at = now()
         RETURNING id`,
        [
          supplier.id,
          product.id,
          priceFen,
          input.leadTimeDays,
          input.minOrderQty ?? 1,
          input.packMultiple ?? 1,
          input.active ?? true,
        ],
      );
      await audit(tx.m, actor, {
        action: 'SET_SUPPLIER_OFFER',
        targetType: 'Supplier',
        targetId: supplier.id,
        outcome: 'SUCCESS',
        details: {
          sku: input.sku,
          unitPriceFen: priceFen,
          leadTimeDays: input.leadTimeDays,
          active: input.active ?? true,
        },
      });
      return {
        offer: await tx.m.getRepository(SupplierOffer).findOneByOrFail({ id: row.id }),
        supplier,
      };
    });
  }

  private async lockSupplier(tx: Tx, globalId: string): Promise<Supplier> {
    const id = localId(globalId, 'Supplier');
    const [row] = id ? await tx.m.query(`SELECT id FROM supplier WHERE id = $1 FOR UPDATE`, [id]) : [];
    if (!row) fail('UNKNOWN_SUPPLIER', 'No supplier with this id', ['input', 'supplierId']);
    return tx.m.getRepository(Supplier).findOneByOrFail({ id: row.id });
  }
}
