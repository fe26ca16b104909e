import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildCatalogue } from './catalogue';
import { Random } from './random';
import { buildOffers, buildSuppliers } from './suppliers';

const NOW = Date.parse('2025-11-22T12:00:00.000Z');
const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

describe('demo suppliers', () => {
  const suppliers = buildSuppliers(new Random(1), NOW, { code: 'SUP-DL-01', at: NOW, reason: '暂停供货' });
  const products = buildCatalogue(new Random(2), NOW);

  it('have mainland phone numbers, and exactly one is suspended with its reason', () => {
    for (const s of suppliers) assert.match(s.phone, PHONE, s.code);
    const suspended = suppliers.filter((s) => s.status === 'SUSPENDED');
    assert.deepEqual(
      suspended.map((s) => [s.code, s.statusReason]),
      [['SUP-DL-01', '暂停供货']],
    );
    assert.equal(suppliers.filter((s) => s.tier === 'BLOCKED').length, 1);
  });

  it('offer every active product two or three times, covering the regions it is stocked in', () => {
    const stockedIn = () => ['EAST', 'SOUTHWEST', 'NORTHEAST'] as const;
    const dairy = products.find((p) => p.category === '乳品')!;
    const forced = suppliers.find((s) => s.code === 'SUP-DL-01')!;
    const offers = buildOffers(
      new Random(3),
      products,
      suppliers,
      () => [...stockedIn()],
      new Map([[dairy.id, forced]]),
    );
    for (const p of products.filter((x) => x.active)) {
      const mine = offers.filter((o) => o.product === p);
      assert.ok(mine.length >= 2 && mine.length <= 3, `${p.sku}: ${mine.length} offers`);
      assert.equal(new Set(mine.map((o) => o.supplier)).size, mine.length, `${p.sku}: one offer per supplier`);
      for (const region of stockedIn())
        assert.ok(
          mine.some((o) => o.supplier.regions.includes(region)),
          `${p.sku}: someone delivers to ${region}`,
        );
      for (const o of mine) {
        assert.ok(o.supplier.categories.includes(p.category), `${p.sku} from a ${p.category} supplier`);
        assert.ok(o.unitPriceFen >= p.unitPriceFen * 0.55 - 1 && o.unitPriceFen <= p.unitPriceFen * 0.8 + 1);
        assert.ok(o.leadTimeDays >= 2 && o.leadTimeDays <= 15, `${p.sku} lead ${o.leadTimeDays}`);
      }
    }
    assert.ok(
      offers.some((o) => o.product === dairy && o.supplier === forced),
      'the forced supplier offers its product',
    );
    assert.equal(offers.filter((o) => !o.product.active).length, 0, 'no offers for discontinued products');
  });
});
