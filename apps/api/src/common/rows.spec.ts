import 'reflect-metadata';
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { types } from 'pg';
import { Column, DataSource, Entity, EntityManager, PrimaryColumn } from 'typeorm';
import { createDataSource } from '../db/data-source';
import { DeliveryAddress, Order } from '../modules/order/order.entity';
import { hydrate, parseTimestamptz, rowShape } from './rows';

/** pg's own timestamptz parser (postgres-date), what parseTimestamptz must agree with. */
const pgTimestamptz = types.getTypeParser(1184, 'text') as (value: string) => unknown;

/** A parse result as text: the instant, "Invalid Date", or pg's null / ±Infinity for what is not a date. */
const shown = (v: unknown) =>
  v instanceof Date ? (Number.isNaN(v.getTime()) ? 'Invalid Date' : v.toISOString()) : String(v);

function agrees(s: string) {
  assert.equal(shown(parseTimestamptz(s)), shown(pgTimestamptz(s)), `parseTimestamptz(${JSON.stringify(s)})`);
}

describe('parseTimestamptz', () => {
  it('agrees with pg on every year, offset, fraction length (0–6 digits), date and time of a grid', () => {
    const years = ['0099', '0100', '0101', '1970', '2026', '9999'];
    const dates = ['01-01', '02-28', '12-31'];
    const times = ['00:00:00', '12:34:56', '23:59:59'];
    const fractions = ['', '.0', '.5', '.12', '.999', '.1234', '.12345', '.123456', '.000001', '.999999', '.100000'];
    const offsets = ['+00', '-00', '-03', '+05:30', '+05:45:30', '-09:30', '+14', '-12'];
    let n = 0;
    for (const y of years)
      for (const d of dates)
        for (const t of times)
          for (const f of fractions)
            for (const o of offsets) {
              agrees(`${y}-${d} ${t}${f}${o}`);
              n++;
            }
    assert.equal(n, years.length * dates.length * times.length * fractions.length * offsets.length);
  });

  it('truncates every 1–4 digit fraction to milliseconds exactly as pg does (no float rounding up)', () => {
    for (let digits = 1; digits <= 4; digits++)
      for (let k = 0; k < 10 ** digits; k++) {
        const f = String(k).padStart(digits, '0');
        agrees(`2026-11-22 19:36:55.${f}+00`);
        agrees(`1970-01-01 00:00:00.${f}-03`);
      }
  });

  it('leaves BC dates, years outside 0100–9999 and infinities to pg', () => {
    for (const s of [
      'infinity',
      '-infinity',
      '2026-11-22 19:36:55+00 BC',
      '0001-01-01 00:00:00+00 BC',
      '2026-11-22 19:36:55.5-03 BC',
      '0044-03-15 12:00:00+05:30 BC',
      '0000-01-01 00:00:00+00',
      '0099-12-31 23:59:59.999+00',
      '10000-01-01 00:00:00+00',
      '275760-09-13 00:00:00+00',
    ])
      agrees(s);
  });

  it('gives what pg gives (the same instant, or both no valid date) for malformed and odd strings', () => {
    for (const s of [
      '',
      'garbage',
      '2026-11-22',
      '2026-11-22 19:36:55',
      '2026-11-22T19:36:55+00',
      '2026-11-22 19:36:55Z',
      '2026-11-22 19:36:55 +00',
      '2026-11-22 19:36:55+00 ',
      '2026-11-22 19:36:55.+00',
      '2026-11-22 19:36:55.-12+00',
      '2026-11-22 19:36:55.12x+00',
      '2026-11-22 19:36:55.123456789+00',
      '2026-11-22 19:36:55+0',
      '2026-11-22 19:36:55+5:30',
      '2026-11-22 19:36:55+0530',
      '2026-11-22 19:36:55+05:3',
      '2026-11-22 19:36:55+05:3a',
      '2026-11-22 19:36:55+05-30',
      '2026-11-22 19:36:55+05:30:0',
      '2026-11-22 19:36:55+05:45:3x',
      '2026-11-22 19:36:55+05:30-10',
      '2026-11-22 19:36:55+00:00:00',
      '2026-11-22 19:36:55-00:00:01',
      '2026-11-22 19:36:55+0a',
      '2026-11-22 19:36:55--3',
      '2026-11-22 19:36:55+-3',
      '2026-11-22 19:36:55+99',
      '2026-11-22 19:36:55+05:99',
      '2026-1a-22 19:36:55+00',
      '2026-11-22 19:36:5x+00',
      '-026-11-22 19:36:55+00',
      '+026-11-22 19:36:55+00',
      '2026-13-22 19:36:55+00',
      '2026-02-30 19:36:55+00',
      '2026-11-00 19:36:55+00',
      '2026-11-22 24:00:00+00',
      '2026-11-22 23:59:60+00',
      '2026-11-22 19:60:55+00',
    ])
      agrees(s);
  });

  it('agrees with pg on well-formed strings with characters replaced, inserted or removed', () => {
    const wellFormed = fc
      .tuple(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.integer({ min: 0, max: 59 }),
        fc
          .integer({ min: 0, max: 6 })
          .chain((n) =>
            n === 0
              ? fc.constant('')
              : fc.integer({ min: 0, max: 10 ** n - 1 }).map((f) => `.${String(f).padStart(n, '0')}`),
          ),
        fc.constantFrom('+00', '-03', '+05:30', '+05:45:30', '-09:30', '+14'),
        fc.constantFrom('', ' BC'),
      )
      .map(([y, mo, d, h, mi, s, f, o, bc]) => {
        const p = (n: number, w = 2) => String(n).padStart(w, '0');
        return `${p(y, 4)}-${p(mo)}-${p(d)} ${p(h)}:${p(mi)}:${p(s)}${f}${o}${bc}`;
      });
    const edit = fc.tuple(
      fc.nat(),
      fc.constantFrom('replace', 'insert', 'remove'),
      fc.constantFrom(...'0123456789+-:. BCZTx'),
    );
    fc.assert(
      fc.property(wellFormed, fc.array(edit, { maxLength: 3 }), (base, edits) => {
        const chars = base.split('');
        for (const [at, op, c] of edits) {
          const i = at % (chars.length + 1);
          if (op === 'replace') chars[i] = c;
          else if (op === 'insert') chars.splice(i, 0, c);
          else chars.splice(i, 1);
        }
        agrees(chars.join(''));
      }),
      { numRuns: 5000 },
    );
  });
});

@Entity()
class OddName {
  @PrimaryColumn()
  id: string;

  @Column({ name: 'label' })
  'not an identifier': string;
}

class Inner {
  @Column()
  value: string;
}

class Outer {
  @Column(() => Inner)
  inner: Inner;
}

@Entity()
class TwoLevels {
  @PrimaryColumn()
  id: string;

  @Column(() => Outer)
  outer: Outer;
}

/** A DataSource as the API configures it (entities, snake_case names), with metadata but no connection. */
async function metadataOnly(ds: DataSource): Promise<DataSource> {
  await (ds as unknown as { buildMetadatas(): Promise<void> }).buildMetadatas();
  return ds;
}

describe('rowShape', () => {
  let ds: DataSource;
  before(async () => {
    ds = await metadataOnly(createDataSource('postgres://nobody@127.0.0.1:9/none'));
  });

  it('selects every column of the entity under the alias, embedded ones included, in the metadata order', () => {
    const shape = rowShape(ds, Order, 'o');
    const columns = ds.getMetadata(Order).columns.map((c) => c.databaseName);
    assert.equal(shape.table, '"orders"');
    assert.equal(shape.width, columns.length);
    assert.equal(shape.select, columns.map((c) => `o."${c}"`).join(', '));
    for (const c of [
      'id',
      'customer_id',
      'promised_by',
      'delivery_contact_name',
      'delivery_region',
      'last_event_sequence',
    ])
      assert.ok(columns.includes(c), c);
    assert.equal(rowShape(ds, Order, 'o'), shape, 'compiled once per entity and alias');
    assert.equal(rowShape(ds, Order, 'x').select, columns.map((c) => `x."${c}"`).join(', '));
  });

  it('is the same for another DataSource of the same entities (a fixed order, not one of a cache)', async () => {
    const other = await metadataOnly(createDataSource('postgres://nobody@127.0.0.1:9/none'));
    assert.equal(rowShape(other, Order, 'o').select, rowShape(ds, Order, 'o').select);
  });

  it('hydrates an array row at an offset into the entity and its embedded object', () => {
    const shape = rowShape(ds, Order, 'o');
    const meta = ds.getMetadata(Order);
    const promisedBy = new Date('2026-11-22T10:00:00Z');
    const values: Record<string, unknown> = {
      id: 'c0a80101-0000-4000-8000-000000000001',
      number: 'SO20261122-000123',
      channel: 'WEB',
      customer_id: 'c0a80101-0000-4000-8000-000000000002',
      delivery_contact_name: '张三',
      delivery_phone: '13800138000',
      delivery_address: '某路 1 号',
      delivery_city: '上海',
      delivery_region: 'EAST',
      payment_method: 'ALIPAY',
      payment_status: 'PAID',
      priority: 'NORMAL',
      promised_by: promisedBy,
      status: 'ALLOCATED',
      hold_reasons: ['LARGE_AMOUNT'],
      status_reason: null,
      allow_backorder: false,
      subtotal_fen: 12850,
      delivery_fee_fen: 1000,
      total_fen: 13850,
      note: null,
      idempotency_key: 'k1',
      placed_by_id: 'c0a80101-0000-4000-8000-000000000009',
      request_hash: 'h1',
      last_event_sequence: 3,
      created_at: new Date('2026-11-22T09:00:00Z'),
      updated_at: new Date('2026-11-22T09:30:00Z'),
    };
    assert.deepEqual(
      Object.keys(values).sort(),
      meta.columns.map((c) => c.databaseName).sort(),
      'the test covers every column',
    );
    const row = ['before', 'before', ...meta.columns.map((c) => values[c.databaseName]), 'after'];
    const order = shape.hydrate(row, 2);
    assert.ok(order instanceof Order);
    assert.ok(order.delivery instanceof DeliveryAddress);
    assert.deepEqual(
      { ...order.delivery },
      { contactName: '张三', phone: '13800138000', address: '某路 1 号', city: '上海', region: 'EAST' },
    );
    assert.equal(order.id, values.id);
    assert.equal(order.customerId, values.customer_id);
    assert.equal(order.promisedBy, promisedBy);
    assert.deepEqual(order.holdReasons, ['LARGE_AMOUNT']);
    assert.equal(order.statusReason, null);
    assert.equal(order.allowBackorder, false);
    assert.equal(order.lastEventSequence, 3);
    assert.equal(order.total.fen, 13850, 'getters of the entity work on the hydrated instance');
    for (const c of meta.columns) assert.equal(c.getEntityValue(order), values[c.databaseName], c.propertyPath);
    const atZero = shape.hydrate(row.slice(2));
    assert.deepEqual({ ...atZero, delivery: { ...atZero.delivery } }, { ...order, delivery: { ...order.delivery } });
  });

  it('builds the same entity as hydrate() from an object row', () => {
    const meta = ds.getMetadata(Order);
    const row = Object.fromEntries(meta.columns.map((c, i) => [c.databaseName, `v${i}`]));
    const fromObject = hydrate({ connection: ds } as EntityManager, Order, row);
    const fromArray = rowShape(ds, Order, 'o').hydrate(meta.columns.map((c) => row[c.databaseName]));
    assert.deepEqual(
      { ...fromObject, delivery: { ...fromObject.delivery } },
      { ...fromArray, delivery: { ...fromArray.delivery } },
    );
  });

  it('refuses property names that are not identifiers and embedded objects nested more than one level', async () => {
    const odd = await metadataOnly(new DataSource({ type: 'postgres', entities: [OddName, TwoLevels] }));
    assert.throws(() => rowShape(odd, OddName, 't'), /unexpected property name not an identifier/);
    assert.throws(() => rowShape(odd, TwoLevels, 't'), /nested more than one level/);
  });
});
