import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  ORDER_STATUSES,
  ORDER_TRANSITIONS,
  TERMINAL_STATUSES,
  canTransition,
  LINE_EDITABLE_STATUSES,
} from './order-states';

describe('order transition table', () => {
  it('lists every status and only known targets', () => {
    assert.deepEqual(Object.keys(ORDER_TRANSITIONS).sort(), [...ORDER_STATUSES].sort());
    for (const targets of Object.values(ORDER_TRANSITIONS))
      for (const t of targets) assert.ok(ORDER_STATUSES.includes(t));
  });

  it('follows the happy path from review to delivery', () => {
    const path = [
      'PENDING_REVIEW',
      'CONFIRMED',
      'ALLOCATED',
      'PICKING',
      'PACKED',
      'SHIPPED',
      'OUT_FOR_DELIVERY',
      'DELIVERED',
    ] as const;
    for (let i = 1; i < path.length; i++) assert.ok(canTransition(path[i - 1], path[i]), `${path[i - 1]} → ${path[i]}`);
  });

  it('never leaves cancelled or returned, and leaves delivered only when everything came back', () => {
    assert.deepEqual([...TERMINAL_STATUSES].sort(), ['CANCELLED', 'RETURNED']);
    assert.deepEqual([...ORDER_TRANSITIONS.DELIVERED], ['RETURNED']);
  });

  it('allows cancelling before shipment only', () => {
    const cancellable = ORDER_STATUSES.filter((s) => canTransition(s, 'CANCELLED'));
    assert.deepEqual(cancellable.sort(), [
      'ALLOCATED',
      'BACKORDERED',
      'CONFIRMED',
      'ON_HOLD',
      'PACKED',
      'PENDING_REVIEW',
      'PICKING',
    ]);
  });

  it('rejects skipping steps and going backwards after shipment', () => {
    assert.equal(canTransition('PENDING_REVIEW', 'SHIPPED'), false);
    assert.equal(canTransition('SHIPPED', 'ALLOCATED'), false);
    assert.equal(canTransition('DELIVERED', 'CANCELLED'), false);
    assert.equal(canTransition('ON_HOLD', 'ALLOCATED'), false);
  });

  it('lets lines change only before picking', () => {
    assert.ok(LINE_EDITABLE_STATUSES.includes('ALLOCATED'));
    assert.ok(!LINE_EDITABLE_STATUSES.includes('PICKING'));
    assert.ok(!LINE_EDITABLE_STATUSES.includes('SHIPPED'));
  });
});
