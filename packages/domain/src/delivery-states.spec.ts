import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DELIVERY_STATUSES, deliveryMachine, deliveryRunMachine, type DeliveryFacts } from './delivery-states';

const facts = (over: Partial<DeliveryFacts> = {}): DeliveryFacts => ({
  hasProof: false,
  runStarted: false,
  destinationBlocked: false,
  ...over,
});

describe('delivery lifecycle', () => {
  it('goes from unassigned through the run to delivered, and tells the customer on the way', () => {
    assert.deepEqual(deliveryMachine.step('UNASSIGNED', 'ASSIGNED', facts()), {
      ok: true,
      from: 'UNASSIGNED',
      to: 'ASSIGNED',
      effects: [],
    });
    const out = deliveryMachine.step('ASSIGNED', 'OUT_FOR_DELIVERY', facts({ runStarted: true }));
    assert.ok(out.ok);
    assert.deepEqual(out.effects, ['ORDER_OUT_FOR_DELIVERY', 'TELL_CUSTOMER']);
    const done = deliveryMachine.step('OUT_FOR_DELIVERY', 'DELIVERED', facts({ hasProof: true }));
    assert.ok(done.ok);
    assert.deepEqual(done.effects, ['ORDER_DELIVERED', 'TELL_CUSTOMER', 'RECOMPUTE_RUN']);
  });

  it('refuses delivery without proof, leaving before the run starts, and assigning into a blocked area', () => {
    const noProof = deliveryMachine.step('OUT_FOR_DELIVERY', 'DELIVERED', facts());
    assert.equal(noProof.ok, false);
    assert.match(!noProof.ok ? noProof.reason : '', /proof/);
    assert.equal(deliveryMachine.step('ASSIGNED', 'OUT_FOR_DELIVERY', facts()).ok, false);
    const blocked = deliveryMachine.step('UNASSIGNED', 'ASSIGNED', facts({ destinationBlocked: true }));
    assert.equal(!blocked.ok && blocked.reason, 'Its destination is in a blocked area');
  });

  it('re-plans an exception (another run or back to the warehouse) and never leaves DELIVERED or RETURNED', () => {
    assert.deepEqual(deliveryMachine.next('EXCEPTION'), ['UNASSIGNED', 'RETURNED']);
    const terminal = DELIVERY_STATUSES.filter((s) => deliveryMachine.isTerminal(s));
    assert.deepEqual(terminal, ['DELIVERED', 'RETURNED']);
    // No stage skipped: an unassigned delivery is not out for delivery or delivered.
    assert.equal(deliveryMachine.can('UNASSIGNED', 'OUT_FOR_DELIVERY'), false);
    assert.equal(deliveryMachine.can('ASSIGNED', 'DELIVERED'), false);
  });
});

describe('delivery run lifecycle', () => {
  it('starts only with a courier and stops, and completes only when every stop is settled', () => {
    assert.equal(
      deliveryRunMachine.step('PLANNED', 'IN_PROGRESS', { stops: 3, openStops: 3, hasCourier: false }).ok,
      false,
    );
    assert.equal(
      deliveryRunMachine.step('PLANNED', 'IN_PROGRESS', { stops: 0, openStops: 0, hasCourier: true }).ok,
      false,
    );
    assert.equal(
      deliveryRunMachine.step('PLANNED', 'IN_PROGRESS', { stops: 3, openStops: 3, hasCourier: true }).ok,
      true,
    );
    const open = deliveryRunMachine.step('IN_PROGRESS', 'COMPLETED', { stops: 3, openStops: 2, hasCourier: true });
    assert.equal(!open.ok && open.reason, '2 stops are neither delivered nor reported as an exception');
    assert.equal(
      deliveryRunMachine.step('IN_PROGRESS', 'COMPLETED', { stops: 3, openStops: 0, hasCourier: true }).ok,
      true,
    );
    assert.equal(deliveryRunMachine.can('IN_PROGRESS', 'CANCELLED'), false, 'a run on the road is not cancelled');
  });
});
