import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  type DeliveryLine,
  SCORECARD_CRITERIA,
  criterionScores,
  rollingScore,
  scorecardMetrics,
  standingBlocksOrders,
  standingOf,
  totalScore,
} from './supplier-scorecard';

const MARCH = { start: '2025-03-01', end: '2025-03-31' };

const line = (over: Partial<DeliveryLine>): DeliveryLine => ({
  promisedDate: '2025-03-10',
  quantityDue: 100,
  receipts: [],
  quotedLeadDays: 10,
  confirmedDate: '2025-02-28',
  unitPriceFen: 10_00,
  marketPriceFen: null,
  ...over,
});

const scores = (lines: DeliveryLine[]) => criterionScores(scorecardMetrics(lines, MARCH));

describe('supplier scorecard criteria', () => {
  it('counts a partial delivery for what arrived on time', () => {
    // 60 of 100 by 10 March, the other 40 on the 15th: 60 % on time in full.
    const partial = line({
      receipts: [
        { date: '2025-03-08', accepted: 60, rejected: 0 },
        { date: '2025-03-15', accepted: 40, rejected: 0 },
      ],
      marketPriceFen: 11_00,
    });
    const m = scorecardMetrics([partial], MARCH);
    assert.deepEqual(m, {
      due: 100,
      onTimeInFull: 60,
      received: 100,
      accepted: 100,
      leadTimeLines: 1,
      leadTimeKeptSum: 10 / 15, // confirmed 28 Feb, completed 15 Mar: 15 days against 10 quoted
      priceLines: 1,
      priceIndexSum: 1, // cheaper than the market scores 100, not 110
      qualityReturned: 0,
    });
    const s = criterionScores(m);
    assert.deepEqual(s, {
      onTimeInFull: 60,
      inspectionPassRate: 100,
      leadTimeKept: 66.67,
      priceIndex: 100,
      afterSalesQuality: 100,
    });
    // (60×35 + 100×25 + 66.67×15 + 100×15 + 100×10) / 100 = 81.0005
    assert.equal(totalScore(s), 81);
  });

  it('caps over-delivery at the due quantity', () => {
    const over = line({ receipts: [{ date: '2025-03-09', accepted: 120, rejected: 0 }] });
    assert.equal(scores([over]).onTimeInFull, 100);
    // With a second line of 50 that never came: (100 + 0) / 150.
    assert.equal(scores([over, line({ quantityDue: 50 })]).onTimeInFull, 66.67);
  });

  it('does not count rejected units as delivered in full', () => {
    const s = scores([line({ receipts: [{ date: '2025-03-10', accepted: 90, rejected: 10 }] })]);
    assert.equal(s.onTimeInFull, 90);
    assert.equal(s.inspectionPassRate, 90);
  });

  it('scores a month without deliveries as no data, not 100 %', () => {
    const february = line({
      promisedDate: '2025-02-10',
      receipts: [{ date: '2025-02-09', accepted: 100, rejected: 0 }],
      marketPriceFen: 9_00,
    });
    for (const lines of [[], [february]]) {
      const s = scores(lines);
      assert.deepEqual(s, {
        onTimeInFull: null,
        inspectionPassRate: null,
        leadTimeKept: null,
        priceIndex: null,
        afterSalesQuality: null,
      });
      assert.equal(totalScore(s), null);
      assert.equal(standingOf(totalScore(s)), 'UNRATED');
    }
  });

  it("inspects receipts dated in the period, whatever the line's promise", () => {
    // Promised in February, arrived 3 March: March has 50 received, 45 accepted and nothing else.
    const s = scores([
      line({ promisedDate: '2025-02-25', receipts: [{ date: '2025-03-03', accepted: 45, rejected: 5 }] }),
    ]);
    assert.deepEqual(s, {
      onTimeInFull: null,
      inspectionPassRate: 90,
      leadTimeKept: null,
      priceIndex: null,
      afterSalesQuality: 100,
    });
    assert.equal(totalScore(s), 92.86); // (90×25 + 100×10) / 35, re-normalised over the criteria with data
  });

  it('weights a month of two lines by hand', () => {
    const s = scores([
      line({
        promisedDate: '2025-03-05',
        confirmedDate: '2025-02-20',
        receipts: [
          { date: '2025-03-04', accepted: 80, rejected: 0 },
          { date: '2025-03-12', accepted: 20, rejected: 0 },
        ],
        unitPriceFen: 10_00,
        marketPriceFen: 9_00,
      }),
      line({
        promisedDate: '2025-03-20',
        quantityDue: 50,
        confirmedDate: '2025-03-01',
        quotedLeadDays: 14,
        receipts: [{ date: '2025-03-18', accepted: 45, rejected: 5 }],
        unitPriceFen: 5_00,
      }),
    ]);
    // OTIF (80 + 45) / 150; pass rate 145 / 150; lead (10/20 + 14/17) / 2, the second line never
    // completed so its last receipt counts; price 9/10 over the one line with a market price.
    assert.deepEqual(s, {
      onTimeInFull: 83.33,
      inspectionPassRate: 96.67,
      leadTimeKept: 66.18,
      priceIndex: 90,
      afterSalesQuality: 100,
    });
    // (83.33×35 + 96.67×25 + 66.18×15 + 90×15 + 100×10) / 100 = (2916.55 + 2416.75 + 992.7 + 1350 + 1000) / 100
    assert.equal(totalScore(s), 86.76);
    assert.equal(standingOf(totalScore(s)), 'EXCELLENT');
  });

  it('counts quality returns traced to the supplier against the units accepted, never below 0', () => {
    const month = [line({ receipts: [{ date: '2025-03-09', accepted: 100, rejected: 0 }] })];
    assert.equal(criterionScores(scorecardMetrics(month, MARCH, 5)).afterSalesQuality, 95);
    assert.equal(criterionScores(scorecardMetrics(month, MARCH, 300)).afterSalesQuality, 0);
    // Returns without accepted units in the period measure nothing.
    assert.equal(criterionScores(scorecardMetrics([], MARCH, 5)).afterSalesQuality, null);
  });

  it('keeps a same-day quote met the next day', () => {
    const s = scores([
      line({
        confirmedDate: '2025-03-09',
        quotedLeadDays: 0,
        receipts: [{ date: '2025-03-10', accepted: 100, rejected: 0 }],
      }),
    ]);
    assert.equal(s.leadTimeKept, 100);
  });

  it('refuses dates that are not YYYY-MM-DD', () => {
    assert.throws(() => scorecardMetrics([line({ promisedDate: '10/03/2025' })], MARCH), RangeError);
  });
});

describe('supplier total and standing', () => {
  it('has weights summing to 100', () => {
    assert.equal(
      SCORECARD_CRITERIA.reduce((s, c) => s + c.weight, 0),
      100,
    );
  });

  it('weights the criteria and re-normalises over those with data', () => {
    const s = { onTimeInFull: 80, inspectionPassRate: 90, leadTimeKept: 60, priceIndex: 100, afterSalesQuality: 90 };
    assert.equal(totalScore(s), 83.5); // (2800 + 2250 + 900 + 1500 + 900) / 100
    assert.equal(totalScore({ ...s, priceIndex: null }), 80.59); // (2800 + 2250 + 900 + 900) / 85
  });

  it('bands scores into standings', () => {
    assert.deepEqual([85, 84.99, 70, 69.99, 50, 49.99, 0, null].map(standingOf), [
      'EXCELLENT',
      'GOOD',
      'GOOD',
      'WATCH',
      'WATCH',
      'BLOCKED',
      'BLOCKED',
      'UNRATED',
    ]);
    assert.deepEqual((['EXCELLENT', 'GOOD', 'WATCH', 'BLOCKED', 'UNRATED'] as const).filter(standingBlocksOrders), [
      'BLOCKED',
    ]);
  });
});

describe('rolling score', () => {
  it('decays linearly and skips periods without a score', () => {
    // Weights 12/12, (11/12 skipped), 10/12: (80×12 + 60×10) / 22 = 1560 / 22 = 70.909…
    assert.equal(rollingScore([{ score: 80 }, { score: null }, { score: 60 }]), 70.91);
    // Counting the empty period as 100 would give (50×12 + 100×11) / 23 = 73.9; it is left out instead.
    assert.equal(rollingScore([{ score: 50 }, { score: null }]), 50);
  });

  it('is null without any scored period in the last 12', () => {
    assert.equal(rollingScore([]), null);
    assert.equal(rollingScore([{ score: null }, { score: null }]), null);
    const old = [...Array.from({ length: 12 }, () => ({ score: null })), { score: 100 }];
    assert.equal(rollingScore(old), null);
    assert.equal(rollingScore([...Array.from({ length: 11 }, () => ({ score: null })), { score: 40 }]), 40);
  });
});
