import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { defineMachine } from './state-machine';
import { orderMachine, OrderFacts } from './order-states';

type Door = 'OPEN' | 'CLOSED' | 'LOCKED';
const door = defineMachine<Door, { hasKey: boolean }, 'RING_BELL' | 'LOG'>({
  subject: 'A door',
  transitions: { OPEN: ['CLOSED'], CLOSED: ['OPEN', 'LOCKED'], LOCKED: ['CLOSED'] },
  guards: { LOCKED: (_from, f) => (f.hasKey ? null : 'No key') },
  effects: { OPEN: ['RING_BELL', 'LOG'] },
});

describe('defineMachine', () => {
  it('allows what the table lists and refuses the rest as illegal, naming the subject', () => {
    assert.equal(door.can('CLOSED', 'LOCKED'), true);
    assert.equal(door.can('OPEN', 'LOCKED'), false);
    const refused = door.step('OPEN', 'LOCKED', { hasKey: true });
    assert.deepEqual(refused, {
      ok: false,
      from: 'OPEN',
      to: 'LOCKED',
      reason: 'A door that is OPEN cannot become LOCKED',
      illegal: true,
    });
  });

  it('asks the guard of the target state once the table allows the step', () => {
    assert.deepEqual(door.step('CLOSED', 'LOCKED', { hasKey: false }), {
      ok: false,
      from: 'CLOSED',
      to: 'LOCKED',
      reason: 'No key',
      illegal: false,
    });
    assert.deepEqual(door.step('CLOSED', 'LOCKED', { hasKey: true }), {
      ok: true,
      from: 'CLOSED',
      to: 'LOCKED',
      effects: [],
    });
  });

  it('names the effects of entering a state, in order', () => {
    const step = door.step('CLOSED', 'OPEN', { hasKey: false });
    assert.ok(step.ok);
    assert.deepEqual(step.effects, ['RING_BELL', 'LOG']);
  });

  it('refuses a table that leads to an undeclared state, or guards one', () => {
    assert.throws(() => defineMachine<'A' | 'B'>({ subject: 'X', transitions: { A: ['B'], B: ['C' as 'A'] } }), /C/);
    assert.throws(
      () => defineMachine<'A'>({ subject: 'X', transitions: { A: [] }, guards: { Z: () => null } as never }),
      /Z/,
    );
  });

  it('knows terminal states and the next ones', () => {
    assert.equal(door.isTerminal('OPEN'), false);
    assert.deepEqual(door.next('CLOSED'), ['OPEN', 'LOCKED']);
  });
});

describe('order machine', () => {
  const facts = (f: Partial<OrderFacts> = {}): OrderFacts => ({
    holdReasons: [],
    reserved: false,
    allowBackorder: false,
    ...f,
  });

  it('confirms only without open hold reasons, and confirming allocates', () => {
    const held = orderMachine.step('PENDING_REVIEW', 'CONFIRMED', facts({ holdReasons: ['LARGE_ORDER'] }));
    assert.equal(held.ok, false);
    const step = orderMachine.step('PENDING_REVIEW', 'CONFIRMED', facts());
    assert.ok(step.ok);
    assert.deepEqual(step.effects, ['ALLOCATE']);
  });

  it('allocates and starts picking only with stock reserved; backorders only where allowed', () => {
    assert.equal(orderMachine.step('CONFIRMED', 'ALLOCATED', facts()).ok, false);
    assert.equal(orderMachine.step('CONFIRMED', 'ALLOCATED', facts({ reserved: true })).ok, true);
    assert.equal(orderMachine.step('ALLOCATED', 'PICKING', facts()).ok, false);
    assert.equal(orderMachine.step('CONFIRMED', 'BACKORDERED', facts()).ok, false);
    assert.equal(orderMachine.step('CONFIRMED', 'BACKORDERED', facts({ allowBackorder: true })).ok, true);
  });

  it('releases stock and refunds on cancel, ships stock on shipment', () => {
    const cancel = orderMachine.step('ALLOCATED', 'CANCELLED', facts());
    assert.ok(cancel.ok);
    assert.deepEqual(cancel.effects, ['RELEASE_STOCK', 'REFUND_PAYMENT']);
    const ship = orderMachine.step('PACKED', 'SHIPPED', facts());
    assert.ok(ship.ok);
    assert.deepEqual(ship.effects, ['SHIP_STOCK']);
  });
});
