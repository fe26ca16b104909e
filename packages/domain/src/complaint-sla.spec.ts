import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  nextSlaCheckAt,
  pauseClock,
  readSla,
  restartClock,
  resumeClock,
  SLA_POLICIES,
  SlaClock,
  startClock,
} from './complaint-sla';

const MIN = 60_000;
const HOUR = 60 * MIN;
const policy = SLA_POLICIES.NORMAL; // response 2 h, resolution 24 h, at risk in the last quarter
/** 2026-12-07 23:59 in Shanghai (UTC+8, no daylight saving). */
const BEFORE_MIDNIGHT = Date.parse('2026-12-07T23:59:00+08:00');

describe('complaint clock', () => {
  it('gives a first response 2 hours and a resolution 24 hours, wall clock, across midnight', () => {
    const c = startClock(BEFORE_MIDNIGHT);
    const r = readSla(policy, c, BEFORE_MIDNIGHT);
    assert.equal(r.state, 'ON_TRACK');
    assert.equal(r.kind, 'RESPONSE');
    assert.equal(new Date(r.responseDueAt).toISOString(), '2026-12-07T17:59:00.000Z'); // 01:59 on the 8th in Shanghai
    assert.equal(r.resolutionDueAt - BEFORE_MIDNIGHT, 24 * HOUR);
    assert.equal(r.leftMs, 2 * HOUR);
  });

  it('turns at risk in the last quarter of a window, breached after it, and reads a response deadline first', () => {
    const c = startClock(0);
    assert.equal(readSla(policy, c, 89 * MIN).state, 'ON_TRACK');
    assert.equal(readSla(policy, c, 91 * MIN).state, 'AT_RISK');
    const late = readSla(policy, c, 121 * MIN);
    assert.equal(late.state, 'BREACHED');
    assert.equal(late.leftMs, -MIN);
    // Answered late: the response stays breached, the resolution clock rules from then on.
    const answered = { ...c, respondedAt: 125 * MIN };
    const r = readSla(policy, answered, 3 * HOUR);
    assert.equal(r.kind, 'RESOLUTION');
    assert.equal(r.responseBreached, true);
    assert.equal(r.state, 'ON_TRACK', 'the resolution deadline rules now; the missed response stays recorded');
    const onTime = readSla(policy, { ...c, respondedAt: 30 * MIN }, 17 * HOUR);
    assert.equal(onTime.state, 'ON_TRACK');
    assert.equal(readSla(policy, { ...c, respondedAt: 30 * MIN }, 19 * HOUR).state, 'AT_RISK');
  });

  it('does not count time waiting on the customer, and freezes time left while paused', () => {
    let c: SlaClock = { ...startClock(0), respondedAt: 10 * MIN };
    c = pauseClock(c, 1 * HOUR);
    const paused = readSla(policy, c, 10 * HOUR);
    assert.equal(paused.state, 'PAUSED');
    assert.equal(paused.leftMs, 23 * HOUR, 'frozen at the moment the pause began');
    assert.deepEqual(pauseClock(c, 2 * HOUR), c, 'pausing twice changes nothing');
    c = resumeClock(c, 10 * HOUR);
    const resumed = readSla(policy, c, 10 * HOUR);
    assert.equal(resumed.state, 'ON_TRACK');
    assert.equal(resumed.resolutionDueAt, 33 * HOUR, '9 hours of waiting added to the deadline');
    assert.deepEqual(resumeClock(c, 11 * HOUR), c, 'resuming twice changes nothing');
    // Two pauses add up.
    c = resumeClock(pauseClock(c, 12 * HOUR), 14 * HOUR);
    assert.equal(readSla(policy, c, 14 * HOUR).resolutionDueAt, 35 * HOUR);
  });

  it('meets the clock when resolved in time, records the breach when not', () => {
    const c = { ...startClock(0), respondedAt: 30 * MIN };
    const met = readSla(policy, { ...c, resolvedAt: 20 * HOUR }, 30 * HOUR);
    assert.equal(met.state, 'MET');
    assert.equal(met.leftMs, null);
    assert.equal(readSla(policy, { ...c, resolvedAt: 25 * HOUR }, 30 * HOUR).state, 'BREACHED');
  });

  it('gives a reopened complaint a fresh resolution window from the reopening', () => {
    let c: SlaClock = { ...startClock(0), respondedAt: 30 * MIN, resolvedAt: 20 * HOUR };
    c = restartClock(c, 30 * HOUR);
    const r = readSla(policy, c, 30 * HOUR);
    assert.equal(r.kind, 'RESOLUTION');
    assert.equal(r.state, 'ON_TRACK');
    assert.equal(r.resolutionDueAt, 54 * HOUR);
    assert.equal(r.responseBreached, false, 'the first response was in time and stays so');
  });

  it('tells the sweep when to look next: at risk, then due, nothing while paused or resolved', () => {
    const c = startClock(0);
    assert.equal(nextSlaCheckAt(policy, c, 0), 90 * MIN);
    assert.equal(nextSlaCheckAt(policy, c, 95 * MIN), 120 * MIN);
    assert.equal(nextSlaCheckAt(policy, c, 3 * HOUR), 24 * HOUR, 'a breached response: the resolution deadline next');
    assert.equal(nextSlaCheckAt(policy, pauseClock(c, MIN), 2 * MIN), null);
    assert.equal(
      nextSlaCheckAt(policy, { ...c, respondedAt: MIN }, 25 * HOUR),
      null,
      'a breached resolution: nothing left to watch',
    );
    assert.equal(nextSlaCheckAt(policy, { ...c, respondedAt: MIN, resolvedAt: 2 * MIN }, 3 * MIN), null);
  });
});
