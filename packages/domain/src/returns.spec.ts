import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  inspectionProblems,
  orderErrorRate,
  refundAmountFen,
  RETURN_POLICY,
  returnProblems,
  satisfactionRate,
} from './returns';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const line = (over: Partial<Parameters<typeof returnProblems>[1]['lines'][number]> = {}) => ({
  lineNo: 1,
  sku: 'W-1',
  fresh: false,
  delivered: 3,
  alreadyReturned: 0,
  quantity: 1,
  ...over,
});

describe('return policy', () => {
  it('allows a return within 7 days of delivery', () => {
    assert.deepEqual(
      returnProblems(RETURN_POLICY, { deliveredAt: 0, now: 6 * DAY, reason: 'CHANGED_MIND', lines: [line()] }),
      [],
    );
  });

  it('refuses an order never delivered, or after the window', () => {
    assert.equal(
      returnProblems(RETURN_POLICY, { deliveredAt: null, now: 0, reason: 'QUALITY', lines: [line()] })[0].code,
      'ORDER_NOT_DELIVERED',
    );
    const late = returnProblems(RETURN_POLICY, { deliveredAt: 0, now: 8 * DAY, reason: 'QUALITY', lines: [line()] });
    assert.equal(late[0].code, 'OUT_OF_POLICY');
    assert.match(late[0].message, /within 7 days .* 8 days ago/);
  });

  it('takes fresh food back only for quality within 24 hours', () => {
    const fresh = line({ fresh: true });
    assert.deepEqual(
      returnProblems(RETURN_POLICY, { deliveredAt: 0, now: 20 * HOUR, reason: 'QUALITY', lines: [fresh] }),
      [],
    );
    assert.equal(
      returnProblems(RETURN_POLICY, { deliveredAt: 0, now: 20 * HOUR, reason: 'CHANGED_MIND', lines: [fresh] })[0].code,
      'OUT_OF_POLICY',
    );
    assert.equal(
      returnProblems(RETURN_POLICY, { deliveredAt: 0, now: 25 * HOUR, reason: 'QUALITY', lines: [fresh] })[0].code,
      'OUT_OF_POLICY',
    );
  });

  it('never takes back more than was delivered, counting earlier returns', () => {
    const p = returnProblems(RETURN_POLICY, {
      deliveredAt: 0,
      now: DAY,
      reason: 'DAMAGED',
      lines: [line({ quantity: 2, alreadyReturned: 2 }), line({ lineNo: 2, quantity: 0 })],
    });
    assert.deepEqual(
      p.map((x) => [x.code, x.lineNo]),
      [
        ['QUANTITY_EXCEEDS_DELIVERED', 1],
        ['INVALID_QUANTITY', 2],
      ],
    );
    assert.match(p[0].message, /at most 1 can come back/);
  });
});

describe('inspection and refunds', () => {
  it('books what arrived as restocked, damaged or back to the supplier, never more than asked', () => {
    assert.deepEqual(
      inspectionProblems([{ lineNo: 1, requested: 3, received: 3, restock: 1, damaged: 1, toSupplier: 1 }]),
      [],
    );
    assert.match(
      inspectionProblems([{ lineNo: 1, requested: 2, received: 3, restock: 3, damaged: 0, toSupplier: 0 }])[0],
      /only 2/,
    );
    assert.match(
      inspectionProblems([{ lineNo: 1, requested: 3, received: 3, restock: 1, damaged: 0, toSupplier: 0 }])[0],
      /must equal/,
    );
    assert.match(
      inspectionProblems([{ lineNo: 1, requested: 3, received: -1, restock: 0, damaged: 0, toSupplier: 0 }])[0],
      /≥ 0/,
    );
  });

  it('refunds received units at the price paid, never more than was paid and not yet refunded', () => {
    assert.equal(refundAmountFen([{ unitPriceFen: 1000, quantity: 2 }], 5000, 0), 2000);
    assert.equal(refundAmountFen([{ unitPriceFen: 1000, quantity: 2 }], 5000, 4000), 1000);
    assert.equal(refundAmountFen([{ unitPriceFen: 1000, quantity: 2 }], 5000, 5000), 0);
  });

  it('measures satisfaction as the share of 4 and 5, and the error rate over delivered orders', () => {
    assert.equal(satisfactionRate(3, 4), 0.75);
    assert.equal(satisfactionRate(0, 0), null);
    assert.equal(orderErrorRate(3, 400), 0.0075);
    assert.equal(orderErrorRate(0, 0), null);
  });
});
