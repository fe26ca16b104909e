import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { type RequirementInput, computeRequirement, dailySalesRate, orderQuantity } from './purchase-requirements';

const input = (over: Partial<RequirementInput> = {}): RequirementInput => ({
  backordered: 0,
  onHand: 0,
  reserved: 0,
  lowThreshold: 10,
  highThreshold: 50,
  dailySales: 0,
  leadTimeDays: 7,
  onOrder: 0,
  openRequirements: 0,
  minOrderQty: 0,
  packMultiple: 1,
  ...over,
});

// 40 on hand − 5 reserved = 35 available; 4/day × 7 days = 28 sold before goods arrive; projected 7 < low 10.
const belowLowInLead = input({ onHand: 40, reserved: 5, dailySales: 4 });

describe('purchase requirement', () => {
  it('orders for backorders alone', () => {
    // No thresholds: only the 30 waiting units. projected = 0 − 0 + 0 + 0 − 30 = −30.
    const r = computeRequirement(input({ backordered: 30, lowThreshold: 0, highThreshold: 0 }));
    assert.deepEqual(
      [r.available, r.demandDuringLead, r.projected, r.shortfall, r.quantity, r.trigger],
      [0, 0, -30, 30, 30, 'BACKORDER'],
    );
    // With thresholds it refills to high as well: 50 − (−30) = 80; reserved stock does not help.
    const s = computeRequirement(input({ backordered: 30, onHand: 20, reserved: 20 }));
    assert.deepEqual([s.available, s.projected, s.quantity, s.trigger], [0, -30, 80, 'BACKORDER']);
  });

  it('orders when stock falls below low only within the lead time', () => {
    const r = computeRequirement(belowLowInLead);
    assert.deepEqual(
      [r.available, r.demandDuringLead, r.projected, r.shortfall, r.quantity, r.trigger],
      [35, 28, 7, 43, 43, 'BELOW_LOW'],
    );
    // A 2-day lead time sells only 8: projected 27 ≥ 10, nothing to order yet.
    const later = computeRequirement({ ...belowLowInLead, leadTimeDays: 2 });
    assert.deepEqual([later.projected, later.shortfall, later.quantity, later.trigger], [27, 0, 0, 'NONE']);
  });

  it('never orders twice: stock on order covers the need', () => {
    const r = computeRequirement({ ...belowLowInLead, onOrder: 43 });
    assert.deepEqual([r.projected, r.quantity, r.trigger], [50, 0, 'NONE']);
    // Backorders that incoming stock already covers: −30 + 80 on order = 50 = high.
    const b = computeRequirement(input({ backordered: 30, onOrder: 80 }));
    assert.deepEqual([b.projected, b.shortfall, b.quantity, b.trigger], [50, 0, 0, 'NONE']);
    // Partly covered: −30 + 50 = 20, refill 30 to high.
    const p = computeRequirement(input({ backordered: 30, onOrder: 50 }));
    assert.deepEqual([p.projected, p.quantity, p.trigger], [20, 30, 'BACKORDER']);
  });

  it('never orders twice: open requirements cover the need', () => {
    const r = computeRequirement({ ...belowLowInLead, openRequirements: 43 });
    assert.deepEqual([r.projected, r.quantity, r.trigger], [50, 0, 'NONE']);
    const part = computeRequirement({ ...belowLowInLead, openRequirements: 3 });
    assert.deepEqual([part.projected, part.quantity, part.trigger], [10, 0, 'NONE']);
  });

  it('rounds up to the pack multiple and to at least the minimum order quantity', () => {
    assert.equal(computeRequirement({ ...belowLowInLead, packMultiple: 12 }).quantity, 48); // 43 → 4 packs
    assert.equal(computeRequirement({ ...belowLowInLead, minOrderQty: 30 }).quantity, 43);
    assert.equal(computeRequirement({ ...belowLowInLead, minOrderQty: 100, packMultiple: 12 }).quantity, 108);
    assert.equal(computeRequirement({ ...belowLowInLead, packMultiple: 0 }).quantity, 43);
    assert.equal(orderQuantity(5, 25, 10), 30); // MOQ 25 is not a pack multiple: 3 full packs
    assert.equal(orderQuantity(0, 25, 10), 0);
  });

  it('with zero sales orders only below low', () => {
    const r = computeRequirement(input({ onHand: 12, leadTimeDays: 30 }));
    assert.deepEqual([r.demandDuringLead, r.projected, r.quantity, r.trigger], [0, 12, 0, 'NONE']);
    const s = computeRequirement(input({ onHand: 9, leadTimeDays: 30 }));
    assert.deepEqual([s.projected, s.quantity, s.trigger], [9, 41, 'BELOW_LOW']);
  });

  it('rounds lead-time demand up without float noise', () => {
    assert.equal(computeRequirement(input({ dailySales: 0.1, leadTimeDays: 30 })).demandDuringLead, 3);
    assert.equal(computeRequirement(input({ dailySales: 0.5, leadTimeDays: 3 })).demandDuringLead, 2);
  });

  it('refills to low when high is set at or below it', () => {
    const r = computeRequirement(input({ onHand: 7, lowThreshold: 10, highThreshold: 5 }));
    assert.deepEqual([r.shortfall, r.quantity], [3, 3]);
  });

  it('keeps the inputs in the snapshot', () => {
    const r = computeRequirement(belowLowInLead);
    assert.equal(r.onHand, 40);
    assert.equal(r.dailySales, 4);
    assert.equal(r.leadTimeDays, 7);
  });

  it('refuses negative, fractional and NaN inputs', () => {
    assert.throws(() => computeRequirement(input({ onHand: -1 })), RangeError);
    assert.throws(() => computeRequirement(input({ reserved: 1.5 })), RangeError);
    assert.throws(() => computeRequirement(input({ dailySales: Number.NaN })), RangeError);
    assert.throws(() => computeRequirement(input({ dailySales: -0.1 })), RangeError);
    assert.throws(() => computeRequirement(input({ onOrder: Number.NaN })), /onOrder/);
  });
});

describe('daily sales rate', () => {
  it('divides units by days, 0 for no days', () => {
    assert.equal(dailySalesRate(84, 28), 3);
    assert.equal(dailySalesRate(10, 0), 0);
    assert.equal(dailySalesRate(10, -5), 0);
  });
});
