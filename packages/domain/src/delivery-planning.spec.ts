import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  cityOfZone,
  deliveryWindow,
  deliveryZone,
  dispatchRank,
  type DeliveryToPlan,
  etasFrom,
  mergeStops,
  servesZone,
} from './delivery-planning';
import { DISTRICTS_BY_CITY } from './districts';
import { demoArea, demoPosition } from './geocoder';

const H = 3_600_000;
/** 2026-12-07 00:00 Asia/Shanghai. */
const DAY = Date.UTC(2026, 11, 6, 16);

describe('delivery zones', () => {
  it('is the city and district of the address, or the city alone', () => {
    assert.equal(deliveryZone('浦东新区张杨路500号3号楼', '上海'), '上海浦东新区');
    assert.equal(deliveryZone('上海市徐汇区漕溪北路1号', '上海'), '上海徐汇区');
    assert.equal(deliveryZone('阳光小区5栋', '上海'), '上海');
  });

  it('knows nothing of cities named like object properties', () => {
    for (const city of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      assert.equal(deliveryZone('某路1号', city), city);
      assert.equal(demoPosition({ city, address: '某路1号' }), null);
      assert.equal(demoArea(city, null), null);
      assert.deepEqual(DISTRICTS_BY_CITY[city], undefined);
    }
  });

  it('names the city of a zone, or nothing for an unknown one', () => {
    assert.equal(cityOfZone('上海浦东新区'), '上海');
    assert.equal(cityOfZone('北京'), '北京');
    assert.equal(cityOfZone('上海不存在区'), null);
    assert.equal(cityOfZone('constructor'), null);
  });

  it('is served by a courier of the zone or of its whole city', () => {
    assert.equal(servesZone(['上海浦东新区'], '上海浦东新区', '上海'), true);
    assert.equal(servesZone(['上海'], '上海浦东新区', '上海'), true);
    assert.equal(servesZone(['上海徐汇区'], '上海浦东新区', '上海'), false);
  });
});

describe('delivery windows', () => {
  it('runs from leaving the warehouse to the promise', () => {
    const w = deliveryWindow(DAY + 10 * H, DAY + 18 * H, false);
    assert.deepEqual(w, { start: DAY + 10 * H, end: DAY + 18 * H });
  });

  it('starts with the delivery day when shipped before 09:00', () => {
    assert.deepEqual(deliveryWindow(DAY + 6 * H, DAY + 17 * H, false), { start: DAY + 9 * H, end: DAY + 17 * H });
  });

  it('gives urgent orders three hours', () => {
    assert.deepEqual(deliveryWindow(DAY + 10 * H, DAY + 20 * H, true), { start: DAY + 10 * H, end: DAY + 13 * H });
  });

  it('gives the rest of the day when the promise has passed', () => {
    assert.deepEqual(deliveryWindow(DAY + 15 * H, DAY + 12 * H, false), { start: DAY + 15 * H, end: DAY + 21 * H });
  });

  it('moves to the next day when today has less than an hour left', () => {
    const w = deliveryWindow(DAY + 20.5 * H, DAY + 21 * H, false);
    assert.deepEqual(w, { start: DAY + 33 * H, end: DAY + 45 * H });
  });
});

describe('merging deliveries into stops', () => {
  const d = (id: string, addressKey: string, over: Partial<DeliveryToPlan> = {}): DeliveryToPlan => ({
    id,
    addressKey,
    position: { lat: 31.2, lng: 121.5 },
    units: 2,
    windowStart: DAY + 9 * H,
    windowEnd: DAY + 21 * H,
    rank: 3,
    ...over,
  });

  it('makes one stop per address with the units summed and the tightest window', () => {
    const stops = mergeStops([
      d('a', 'x', { windowStart: DAY + 10 * H }),
      d('b', 'y'),
      d('c', 'x', { windowEnd: DAY + 14 * H, units: 3 }),
    ]);
    assert.equal(stops.length, 2);
    const x = stops.find((s) => s.key === 'x')!;
    assert.deepEqual(x.deliveryIds, ['a', 'c']);
    assert.equal(x.units, 5);
    assert.equal(x.windowStart, DAY + 10 * H);
    assert.equal(x.windowEnd, DAY + 14 * H);
  });

  it('keeps the earlier window when two do not overlap', () => {
    const [s] = mergeStops([
      d('a', 'x', { windowStart: DAY + 15 * H }),
      d('b', 'x', { windowStart: DAY + 9 * H, windowEnd: DAY + 12 * H }),
    ]);
    assert.deepEqual([s.windowStart, s.windowEnd], [DAY + 9 * H, DAY + 12 * H]);
  });

  it('puts urgent and key-account stops first', () => {
    const stops = mergeStops([
      d('n', 'n'),
      d('k', 'k', { rank: dispatchRank('NORMAL', true) }),
      d('u', 'u', { rank: 0 }),
    ]);
    assert.deepEqual(
      stops.map((s) => s.key),
      ['u', 'k', 'n'],
    );
    assert.equal(dispatchRank('HIGH', false), 2);
  });
});

describe('ETAs from the courier', () => {
  const here = { lat: 31.2, lng: 121.5 };
  // 0.05° of latitude ≈ 5.56 km; × 1.3 road factor at 25 km/h ≈ 17.3 minutes.
  const north = { lat: 31.25, lng: 121.5 };

  it('adds travel, waiting for the window and service time stop by stop', () => {
    const now = DAY + 10 * H;
    const [a, b] = etasFrom(now, here, [
      { id: 'a', position: north, windowStart: DAY + 9 * H, windowEnd: DAY + 21 * H },
      { id: 'b', position: north, windowStart: now + 2 * H, windowEnd: DAY + 21 * H },
    ]);
    const minutes = (a.eta - now) / 60_000;
    assert.ok(minutes > 17 && minutes < 18, `${minutes}`);
    assert.equal(b.eta, now + 2 * H);
    assert.equal(a.lateRisk, false);
  });

  it('flags a stop at risk before its window closes', () => {
    const now = DAY + 10 * H;
    const [a] = etasFrom(now, here, [{ id: 'a', position: north, windowStart: 0, windowEnd: now + 30 * 60_000 }]);
    assert.equal(a.lateRisk, true, '17 minutes away, 30 minutes left: within the 15-minute margin');
  });
});
