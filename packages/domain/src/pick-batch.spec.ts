import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { type BatchCandidate, PICK_LIST_MAX_ORDERS, batchTier, chooseBatch } from './pick-batch';

const order = (orderId: string, over: Partial<BatchCandidate> = {}): BatchCandidate => ({
  orderId,
  priority: 'NORMAL',
  keyAccount: false,
  placedAt: new Date('2025-03-10T08:00:00Z'),
  units: 1,
  ...over,
});
const at = (hhmm: string) => new Date(`2025-03-10T${hhmm}:00Z`);
const idsOf = (c: BatchCandidate[]) => c.map((x) => x.orderId);

describe('picking tiers', () => {
  it('puts urgent first, then key accounts, then high, then normal', () => {
    assert.equal(batchTier({ priority: 'URGENT', keyAccount: false }), 0);
    assert.equal(batchTier({ priority: 'URGENT', keyAccount: true }), 0);
    assert.equal(batchTier({ priority: 'NORMAL', keyAccount: true }), 1);
    assert.equal(batchTier({ priority: 'HIGH', keyAccount: true }), 1);
    assert.equal(batchTier({ priority: 'HIGH', keyAccount: false }), 2);
    assert.equal(batchTier({ priority: 'NORMAL', keyAccount: false }), 3);
  });
});

describe('choosing a pick list batch', () => {
  it('orders by tier, then oldest first, then orderId', () => {
    const chosen = chooseBatch(
      [
        order('n-old', { placedAt: at('07:00') }),
        order('h', { priority: 'HIGH', placedAt: at('06:00') }),
        order('k', { keyAccount: true, placedAt: at('09:00') }),
        order('u-late', { priority: 'URGENT', placedAt: at('10:00') }),
        order('u-early', { priority: 'URGENT', placedAt: at('09:30') }),
        order('n-b', { placedAt: at('08:00') }),
        order('n-a', { placedAt: at('08:00') }),
      ],
      { maxOrders: 50 },
    );
    assert.deepEqual(idsOf(chosen), ['u-early', 'u-late', 'k', 'h', 'n-old', 'n-a', 'n-b']);
  });

  it('stops at maxOrders, taking the most pressing', () => {
    const chosen = chooseBatch([order('a'), order('b', { priority: 'URGENT' }), order('c', { priority: 'HIGH' })], {
      maxOrders: 2,
    });
    assert.deepEqual(idsOf(chosen), ['b', 'c']);
  });

  it('skips an order that would exceed maxUnits and takes a smaller one after it', () => {
    const chosen = chooseBatch(
      [
        order('1', { placedAt: at('01:00'), units: 6 }),
        order('2', { placedAt: at('02:00'), units: 5 }), // 6 + 5 = 11 > 10: skipped
        order('3', { placedAt: at('03:00'), units: 4 }), // 6 + 4 = 10: fits exactly
        order('4', { placedAt: at('04:00'), units: 1 }), // 10 + 1 > 10: skipped
        order('5', { placedAt: at('05:00'), units: 0 }), // 10 + 0: fits
      ],
      { maxOrders: 50, maxUnits: 10 },
    );
    assert.deepEqual(idsOf(chosen), ['1', '3', '5']);
  });

  it('always takes the first order, even beyond maxUnits, and then nothing that adds units', () => {
    const chosen = chooseBatch([order('big', { priority: 'URGENT', units: 40 }), order('small', { units: 1 })], {
      maxOrders: 50,
      maxUnits: 10,
    });
    assert.deepEqual(idsOf(chosen), ['big']);
  });

  it('takes nothing from nothing and leaves the input alone', () => {
    assert.deepEqual(chooseBatch([], { maxOrders: 1 }), []);
    const input = [order('b'), order('a', { priority: 'URGENT' })];
    chooseBatch(input, { maxOrders: 1 });
    assert.deepEqual(idsOf(input), ['b', 'a']);
  });

  it('refuses limits out of range', () => {
    for (const maxOrders of [0, -1, 1.5, Number.NaN, PICK_LIST_MAX_ORDERS + 1])
      assert.throws(() => chooseBatch([order('a')], { maxOrders }), RangeError, String(maxOrders));
    assert.equal(chooseBatch([order('a')], { maxOrders: PICK_LIST_MAX_ORDERS }).length, 1);
    for (const maxUnits of [0, 2.5, Number.NaN])
      assert.throws(() => chooseBatch([order('a')], { maxOrders: 5, maxUnits }), RangeError, String(maxUnits));
  });
});
