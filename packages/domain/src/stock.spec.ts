import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { crossedThreshold, stockStatus } from './stock';
import { decimalToFen, fenToDecimal, orderTotals } from './money';
import { meetsTarget, rate } from './kpi';

describe('stock status and alerts', () => {
  it('classifies availability against thresholds', () => {
    assert.equal(stockStatus(0, 10, 100), 'OUT_OF_STOCK');
    assert.equal(stockStatus(10, 10, 100), 'LOW');
    assert.equal(stockStatus(11, 10, 100), 'NORMAL');
    assert.equal(stockStatus(100, 10, 100), 'OVERSTOCK');
  });
  it('raises an alert only when a change crosses a threshold', () => {
    assert.equal(crossedThreshold(20, 15, 10, 100), null);
    assert.equal(crossedThreshold(11, 10, 10, 100), 'LOW');
    assert.equal(crossedThreshold(3, 0, 10, 100), 'OUT_OF_STOCK');
    assert.equal(crossedThreshold(5, 50, 10, 100), 'NORMAL');
  });
});

describe('money', () => {
  it('round-trips fen and decimal strings exactly', () => {
    assert.equal(fenToDecimal(123456), '1234.56');
    assert.equal(fenToDecimal(5), '0.05');
    assert.equal(fenToDecimal(-250), '-2.50');
    assert.equal(decimalToFen('12.5'), 1250);
    assert.equal(decimalToFen('0.07'), 7);
    assert.throws(() => decimalToFen('1.234'));
  });
});

describe('order totals', () => {
  it('charges delivery below 99 yuan and not from 99 yuan', () => {
    assert.deepEqual(orderTotals([{ quantity: 2, unitPriceFen: 45_00 }]), {
      subtotalFen: 90_00,
      deliveryFeeFen: 8_00,
      totalFen: 98_00,
    });
    assert.deepEqual(orderTotals([{ quantity: 3, unitPriceFen: 33_00 }]), {
      subtotalFen: 99_00,
      deliveryFeeFen: 0,
      totalFen: 99_00,
    });
  });
});

describe('KPIs', () => {
  it('measures rates against their targets, and says nothing without data', () => {
    assert.equal(rate(19, 20), 0.95);
    assert.equal(rate(0, 0), null);
    assert.equal(meetsTarget('onTimeDeliveryRate', 0.95), true);
    assert.equal(meetsTarget('onTimeDeliveryRate', 0.9499), false);
    assert.equal(meetsTarget('orderErrorRate', 0.01), false);
    assert.equal(meetsTarget('customerSatisfaction', null), null);
  });
});
