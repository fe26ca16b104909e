import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  OPEN_PURCHASE_ORDER_STATUSES,
  PURCHASE_ORDER_STATUSES,
  type PurchaseOrderFacts,
  isOverdue,
  maxAcceptable,
  overReceiptRefusal,
  purchaseOrderMachine as po,
  statusAfterReceipt,
} from './purchase-order-states';

const facts = (over: Partial<PurchaseOrderFacts> = {}): PurchaseOrderFacts => ({
  lines: 2,
  linesWithoutPromise: 0,
  received: 0,
  outstanding: 100,
  overrideReason: null,
  supplierBlocked: false,
  ...over,
});

function refusal(from: Parameters<typeof po.step>[0], to: Parameters<typeof po.step>[1], f: PurchaseOrderFacts) {
  const s = po.step(from, to, f);
  return s.ok ? null : s.reason;
}

describe('purchase order transition table', () => {
  it('follows the happy path and closes', () => {
    const path = ['DRAFT', 'SENT', 'CONFIRMED', 'PARTIALLY_RECEIVED', 'RECEIVED', 'CLOSED'] as const;
    for (let i = 1; i < path.length; i++) assert.ok(po.can(path[i - 1], path[i]), `${path[i - 1]} → ${path[i]}`);
    assert.ok(po.can('CONFIRMED', 'RECEIVED'));
  });

  it('ends in CLOSED or CANCELLED only', () => {
    assert.deepEqual(PURCHASE_ORDER_STATUSES.filter((s) => po.isTerminal(s)).sort(), ['CANCELLED', 'CLOSED']);
  });

  it('cancels only before anything is received, and short-closes a partial receipt', () => {
    assert.deepEqual(PURCHASE_ORDER_STATUSES.filter((s) => po.can(s, 'CANCELLED')).sort(), [
      'CONFIRMED',
      'DRAFT',
      'SENT',
    ]);
    assert.ok(po.can('PARTIALLY_RECEIVED', 'CLOSED'));
    assert.equal(po.can('PARTIALLY_RECEIVED', 'PARTIALLY_RECEIVED'), false);
    assert.equal(po.can('CONFIRMED', 'CLOSED'), false);
    assert.equal(po.can('DRAFT', 'CONFIRMED'), false);
  });

  it('counts draft to partially received as on order', () => {
    assert.deepEqual([...OPEN_PURCHASE_ORDER_STATUSES], ['DRAFT', 'SENT', 'CONFIRMED', 'PARTIALLY_RECEIVED']);
  });
});

describe('purchase order guards and effects', () => {
  it('sends only an order with lines', () => {
    assert.equal(refusal('DRAFT', 'SENT', facts({ lines: 0 })), 'Add at least one line before sending the order');
    assert.equal(refusal('DRAFT', 'SENT', facts()), null);
  });

  it('orders from a blocked supplier only with a reason', () => {
    const blocked = facts({ supplierBlocked: true });
    assert.match(refusal('DRAFT', 'SENT', blocked)!, /blocked by its scorecard/);
    assert.match(refusal('DRAFT', 'SENT', { ...blocked, overrideReason: '  ' })!, /give a reason/);
    assert.equal(refusal('DRAFT', 'SENT', { ...blocked, overrideReason: 'Only source of this part' }), null);
    assert.match(refusal('SENT', 'CONFIRMED', blocked)!, /blocked/);
    assert.equal(refusal('SENT', 'CONFIRMED', { ...blocked, overrideReason: 'Sole source' }), null);
  });

  it('confirms only when every line has a promised date, and freezes the promises', () => {
    assert.equal(
      refusal('SENT', 'CONFIRMED', facts({ linesWithoutPromise: 2 })),
      '2 lines have no promised delivery date; enter the dates the supplier confirmed',
    );
    assert.match(refusal('SENT', 'CONFIRMED', facts({ linesWithoutPromise: 1 }))!, /^1 line has/);
    assert.deepEqual(po.step('SENT', 'CONFIRMED', facts()), {
      ok: true,
      from: 'SENT',
      to: 'CONFIRMED',
      effects: ['FREEZE_PROMISES'],
    });
  });

  it('is partially received with something in and something out, received with nothing out', () => {
    assert.equal(refusal('CONFIRMED', 'PARTIALLY_RECEIVED', facts()), 'Nothing has been received yet');
    assert.match(refusal('CONFIRMED', 'PARTIALLY_RECEIVED', facts({ received: 100, outstanding: 0 }))!, /received/);
    assert.equal(refusal('CONFIRMED', 'PARTIALLY_RECEIVED', facts({ received: 40, outstanding: 60 })), null);
    assert.equal(
      refusal('PARTIALLY_RECEIVED', 'RECEIVED', facts({ received: 40, outstanding: 60 })),
      '60 units still outstanding; receive them or close the order short',
    );
    assert.equal(refusal('PARTIALLY_RECEIVED', 'RECEIVED', facts({ received: 100, outstanding: 0 })), null);
    assert.equal(refusal('PARTIALLY_RECEIVED', 'CLOSED', facts({ received: 40, outstanding: 60 })), null);
  });

  it('refuses to cancel once goods arrived, and releases requirements when it cancels', () => {
    assert.equal(
      refusal('CONFIRMED', 'CANCELLED', facts({ received: 5 })),
      'Goods were received; close the order instead of cancelling it',
    );
    const s = po.step('CONFIRMED', 'CANCELLED', facts());
    assert.ok(s.ok);
    assert.deepEqual(s.effects, ['RELEASE_REQUIREMENTS']);
    const late = po.step('PARTIALLY_RECEIVED', 'CANCELLED', facts({ received: 5 }));
    assert.ok(!late.ok && late.illegal);
  });

  it('derives the status after a receipt', () => {
    assert.equal(statusAfterReceipt('CONFIRMED', { received: 40, outstanding: 60 }), 'PARTIALLY_RECEIVED');
    assert.equal(statusAfterReceipt('PARTIALLY_RECEIVED', { received: 70, outstanding: 30 }), 'PARTIALLY_RECEIVED');
    assert.equal(statusAfterReceipt('PARTIALLY_RECEIVED', { received: 100, outstanding: 0 }), 'RECEIVED');
    assert.equal(statusAfterReceipt('CONFIRMED', { received: 0, outstanding: 100 }), 'CONFIRMED');
    assert.equal(statusAfterReceipt('CLOSED', { received: 100, outstanding: 0 }), 'CLOSED');
  });
});

describe('receiving', () => {
  it('accepts up to 5 % over the ordered quantity, rounded down', () => {
    assert.equal(maxAcceptable(100), 105);
    assert.equal(maxAcceptable(60), 63);
    assert.equal(maxAcceptable(19), 19); // 19.95 → 19
    assert.equal(maxAcceptable(20), 21);
    assert.equal(maxAcceptable(0), 0);
    assert.throws(() => maxAcceptable(-1), RangeError);
    assert.throws(() => maxAcceptable(Number.NaN), RangeError);
  });

  it('refuses an over-receipt and says how much more fits', () => {
    assert.equal(overReceiptRefusal(100, 100, 5), null);
    assert.equal(
      overReceiptRefusal(100, 100, 6),
      'At most 5 more can be accepted (ordered 100, already accepted 100, tolerance 5 %)',
    );
  });

  it('is overdue after the expected date while goods are outstanding', () => {
    assert.equal(isOverdue('CONFIRMED', '2025-03-10', '2025-03-11'), true);
    assert.equal(isOverdue('CONFIRMED', '2025-03-10', '2025-03-10'), false);
    assert.equal(isOverdue('PARTIALLY_RECEIVED', null, '2025-03-20'), false, 'nothing outstanding');
    assert.equal(isOverdue('CLOSED', '2025-03-10', '2025-03-20'), false);
    assert.equal(isOverdue('SENT', '2025-03-10', '2025-03-11'), true);
  });
});
