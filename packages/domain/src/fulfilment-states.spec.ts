import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  PICK_LIST_STATUSES,
  SHIPMENT_STATUSES,
  type PickListFacts,
  type ShipmentFacts,
  orderStageOfParts,
  pickListMachine as pl,
  shipmentMachine as sm,
} from './fulfilment-states';

const listFacts = (over: Partial<PickListFacts> = {}): PickListFacts => ({
  lines: 4,
  linesUnrecorded: 0,
  shortWithoutReason: 0,
  ...over,
});

const shipFacts = (over: Partial<ShipmentFacts> = {}): ShipmentFacts => ({
  linesUnchecked: 0,
  openCheckErrors: 0,
  packages: 1,
  hasCarrier: true,
  hasTrackingNumber: true,
  ...over,
});

describe('pick list transition table', () => {
  it('opens, starts, and completes or cancels', () => {
    assert.deepEqual(pl.next('OPEN'), ['IN_PROGRESS', 'CANCELLED']);
    assert.deepEqual(pl.next('IN_PROGRESS'), ['COMPLETED', 'CANCELLED']);
    assert.equal(pl.can('OPEN', 'COMPLETED'), false, 'cannot complete a list nobody started');
    assert.equal(pl.can('IN_PROGRESS', 'OPEN'), false);
    assert.deepEqual(PICK_LIST_STATUSES.filter((s) => pl.isTerminal(s)).sort(), ['CANCELLED', 'COMPLETED']);
  });

  it('refuses a step out of a terminal state as illegal', () => {
    const s = pl.step('COMPLETED', 'CANCELLED', listFacts());
    assert.ok(!s.ok && s.illegal);
    assert.equal(s.reason, 'A pick list that is COMPLETED cannot become CANCELLED');
  });
});

describe('pick list guards and effects', () => {
  it('starts only with lines', () => {
    const s = pl.step('OPEN', 'IN_PROGRESS', listFacts({ lines: 0 }));
    assert.deepEqual(s, {
      ok: false,
      from: 'OPEN',
      to: 'IN_PROGRESS',
      reason: 'The pick list has no lines to pick',
      illegal: false,
    });
    assert.deepEqual(pl.step('OPEN', 'IN_PROGRESS', listFacts({ lines: 1 })), {
      ok: true,
      from: 'OPEN',
      to: 'IN_PROGRESS',
      effects: [],
    });
  });

  it('completes only with every picked quantity recorded, and says how many are missing', () => {
    const three = pl.step('IN_PROGRESS', 'COMPLETED', listFacts({ linesUnrecorded: 3 }));
    assert.ok(!three.ok && !three.illegal);
    assert.equal(three.reason, '3 lines have no picked quantity yet');
    const one = pl.step('IN_PROGRESS', 'COMPLETED', listFacts({ linesUnrecorded: 1 }));
    assert.equal(!one.ok && one.reason, '1 line has no picked quantity yet');
  });

  it('completes only when every short pick has a reason', () => {
    const s = pl.step('IN_PROGRESS', 'COMPLETED', listFacts({ shortWithoutReason: 2 }));
    assert.equal(
      !s.ok && s.reason,
      '2 lines have been picked short without a reason; say whether the goods were not found or damaged',
    );
    // Unrecorded lines are named first: their short picks cannot be judged yet.
    const both = pl.step('IN_PROGRESS', 'COMPLETED', listFacts({ linesUnrecorded: 1, shortWithoutReason: 1 }));
    assert.match(!both.ok ? both.reason : '', /no picked quantity/);
  });

  it('settles short picks on completion and returns the orders on cancellation', () => {
    const done = pl.step('IN_PROGRESS', 'COMPLETED', listFacts());
    assert.deepEqual(done.ok && done.effects, ['SETTLE_SHORT_PICKS']);
    for (const from of ['OPEN', 'IN_PROGRESS'] as const) {
      // Cancelling needs no facts to hold: a list with unrecorded lines can still be abandoned.
      const s = pl.step(from, 'CANCELLED', listFacts({ linesUnrecorded: 4, shortWithoutReason: 1 }));
      assert.deepEqual(s.ok && s.effects, ['RETURN_ORDERS'], from);
    }
  });
});

describe('shipment transition table', () => {
  it('goes through every stage in order, none skipped', () => {
    const path = ['PICKING', 'PICKED', 'CHECKED', 'PACKED', 'SHIPPED'] as const;
    for (let i = 1; i < path.length; i++) assert.ok(sm.can(path[i - 1], path[i]), `${path[i - 1]} → ${path[i]}`);
    for (let i = 0; i < path.length; i++)
      for (let j = i + 2; j < path.length; j++)
        assert.equal(sm.can(path[i], path[j]), false, `${path[i]} ↛ ${path[j]}`);
    assert.equal(sm.can('PACKED', 'CHECKED'), false, 'no way back');
  });

  it('cancels before shipping only; SHIPPED and CANCELLED are terminal', () => {
    assert.deepEqual(
      SHIPMENT_STATUSES.filter((s) => sm.can(s, 'CANCELLED')),
      ['PICKING', 'PICKED', 'CHECKED', 'PACKED'],
    );
    assert.deepEqual(SHIPMENT_STATUSES.filter((s) => sm.isTerminal(s)).sort(), ['CANCELLED', 'SHIPPED']);
    const s = sm.step('SHIPPED', 'CANCELLED', shipFacts());
    assert.equal(!s.ok && s.reason, 'A shipment that is SHIPPED cannot become CANCELLED');
  });
});

describe('shipment guards and effects', () => {
  const refusal = (from: Parameters<typeof sm.step>[0], to: Parameters<typeof sm.step>[1], f: ShipmentFacts) => {
    const s = sm.step(from, to, f);
    return s.ok ? null : s.reason;
  };

  it('is checked only with no open check error and every line matching', () => {
    assert.equal(
      refusal('PICKED', 'CHECKED', shipFacts({ openCheckErrors: 2, linesUnchecked: 1 })),
      'Check errors are open; correct the 2 check errors first',
    );
    assert.equal(
      refusal('PICKED', 'CHECKED', shipFacts({ openCheckErrors: 1 })),
      'A check error is open; correct the check error first',
    );
    assert.equal(
      refusal('PICKED', 'CHECKED', shipFacts({ linesUnchecked: 3 })),
      '3 lines have not been checked, or the checked quantity differs from the picked quantity',
    );
    assert.equal(refusal('PICKED', 'CHECKED', shipFacts({ packages: 0, hasCarrier: false })), null);
  });

  it('is packed only with a package', () => {
    assert.equal(
      refusal('CHECKED', 'PACKED', shipFacts({ packages: 0 })),
      'Record at least one package before marking the shipment packed',
    );
    assert.equal(refusal('CHECKED', 'PACKED', shipFacts({ hasCarrier: false, hasTrackingNumber: false })), null);
  });

  it('ships only with a carrier and a tracking number, and consumes the stock', () => {
    assert.equal(
      refusal('PACKED', 'SHIPPED', shipFacts({ hasCarrier: false, hasTrackingNumber: false })),
      'Choose a carrier before shipping',
    );
    assert.equal(
      refusal('PACKED', 'SHIPPED', shipFacts({ hasTrackingNumber: false })),
      'Enter the tracking number before shipping',
    );
    assert.deepEqual(sm.step('PACKED', 'SHIPPED', shipFacts()), {
      ok: true,
      from: 'PACKED',
      to: 'SHIPPED',
      effects: ['CONSUME_STOCK'],
    });
  });

  it('cancels at any stage before shipping without effects on stock', () => {
    const s = sm.step('PACKED', 'CANCELLED', shipFacts({ openCheckErrors: 1 }));
    assert.deepEqual(s.ok && s.effects, []);
  });
});

describe("the order's stage from its parts", () => {
  it('follows the least advanced part', () => {
    assert.equal(orderStageOfParts(['SHIPPED', 'PACKED', 'CHECKED'], 0), 'PICKING');
    assert.equal(orderStageOfParts(['SHIPPED', 'PICKED'], 0), 'PICKING');
    assert.equal(orderStageOfParts(['PICKING'], 0), 'PICKING');
    assert.equal(orderStageOfParts(['SHIPPED', 'PACKED', 'SHIPPED'], 0), 'PACKED');
    assert.equal(orderStageOfParts(['SHIPPED', 'SHIPPED'], 0), 'SHIPPED');
  });

  it('counts parts not yet on a pick list as picking', () => {
    assert.equal(orderStageOfParts(['SHIPPED'], 1), 'PICKING');
    assert.equal(orderStageOfParts([], 2), 'PICKING');
  });

  it('ignores cancelled parts, and has no stage without a live part', () => {
    assert.equal(orderStageOfParts(['CANCELLED', 'SHIPPED'], 0), 'SHIPPED');
    assert.equal(orderStageOfParts(['PACKED', 'CANCELLED'], 0), 'PACKED');
    assert.equal(orderStageOfParts(['CANCELLED', 'CANCELLED'], 0), null);
    assert.equal(orderStageOfParts([], 0), null);
  });
});
