import 'reflect-metadata';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApi, TestApi } from '../helpers';
import { MODE, printSummary, seedFromEnv, SKIP_OUTSIDE_RELIABILITY_RUN } from './load';
import { runSoak, SOAK_PRESETS, soakFigures } from './soak';

/**
 * Oversell soak: 200 concurrent buyers, 20 SKUs in two warehouses, orders of 1–2 lines of 1–3 units
 * until everything is sold, with cancellations and line edits releasing stock on the way, and the
 * warehouse floor shipping a quarter of the orders meanwhile. The invariants hold in every check; the
 * stock ends sold out with every unit either shipped or in exactly one open allocation; no client ever
 * saw an error (deadlocks are retried inside the server).
 */
describe(`oversell soak (${MODE})`, { skip: SKIP_OUTSIDE_RELIABILITY_RUN }, () => {
  let api: TestApi;
  before(async () => {
    api = await startTestApi();
  });
  after(() => api?.stop());

  it('never oversells, never loses a unit, never shows a client an error', { timeout: 20 * 60_000 }, async () => {
    const opts = { ...SOAK_PRESETS[MODE], seed: seedFromEnv() };
    const report = await runSoak(api, opts);
    printSummary({ spec: 'soak', mode: MODE, ...soakFigures(report) });

    assert.deepEqual(report.violations.slice(0, 5), [], `invariant violations (seed ${report.seed})`);
    assert.ok(report.checks >= 10, `the invariants were checked while the soak ran (${report.checks} checks)`);
    assert.equal(report.clientErrors, 0, `no client saw an error: ${report.clientErrorSamples.join(' | ')}`);
    assert.deepEqual(report.unexpected, [], 'every accepted order was fully reserved; every cancel released its stock');
    assert.equal(report.timedOut, false, `sold out within ${opts.timeLimitMs} ms`);

    // Sold out: nothing available anywhere; every unit left with a shipment or is reserved by exactly
    // one open allocation.
    const kept = report.initialUnits - report.unitsShipped;
    assert.equal(report.final.levelsWithStockLeft, 0, 'every level is sold out');
    assert.equal(report.final.onHand, kept, 'on hand fell by exactly the units shipped');
    assert.equal(report.final.reserved, kept);
    assert.equal(report.final.reservedAllocations, kept, 'open allocations = initial stock − shipped');
    assert.ok(report.ordersShipped > 0, `the floor shipped orders while the buyers bought (${report.ordersShipped})`);
    // What the clients were told adds up: units accepted − units released = initial stock, and the
    // released units are exactly those the database marked released.
    assert.equal(
      report.unitsAccepted - report.unitsReleased,
      report.initialUnits,
      'accepted − released = initial stock',
    );
    assert.equal(
      report.final.releasedAllocations,
      report.unitsReleased,
      'released allocations = units the clients released',
    );
    assert.ok(
      report.cancels > 0 && report.edits > 0,
      `the release paths ran (${report.cancels} cancels, ${report.edits} edits)`,
    );
    assert.ok(report.outOfStock > 0, 'buyers were turned away once stock ran out');
    assert.ok(report.receipts > 0, `goods receipts raced the buyers (${report.receipts})`);
    assert.equal(report.final.ordersByStatus.SHIPPED ?? 0, report.ordersShipped, 'the floor shipped what it took');
    assert.equal(
      report.final.ordersByStatus.ALLOCATED,
      report.orders - report.cancels - report.ordersShipped,
      'every order neither cancelled nor shipped is ALLOCATED',
    );
  });
});
