import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CITY_CENTRES, demoGeocoder, demoArea, demoPosition, maskPosition } from './geocoder';
import { DISTRICTS_BY_CITY } from './districts';
import { haversineMetres } from './travel-time';

describe('demo geocoder', () => {
  it('places every served city', () => {
    assert.deepEqual(Object.keys(CITY_CENTRES).sort(), Object.keys(DISTRICTS_BY_CITY).sort());
  });

  it('puts an address inside its city, the same spot every time, and different addresses apart', async () => {
    const a = { city: '上海', address: '浦东新区张杨路100号' };
    const p = demoPosition(a)!;
    assert.deepEqual(await demoGeocoder.locate(a), p);
    assert.ok(haversineMetres(p, CITY_CENTRES.上海.centre) <= 15_000 + 1, 'within the 15 km disc');
    assert.deepEqual(demoPosition({ city: '上海', address: '  浦东新区张杨路100号 ' }), p, 'spaces do not move it');
    const q = demoPosition({ city: '上海', address: '浦东新区张杨路102号' })!;
    assert.notDeepEqual(q, p);
  });

  it('spreads addresses without a known district over the city disc, not only at the centre', () => {
    const ds = Array.from({ length: 400 }, (_, i) =>
      haversineMetres(demoPosition({ city: '北京', address: `建国路${i}号` })!, CITY_CENTRES.北京.centre),
    );
    assert.ok(Math.max(...ds) <= 15_000 + 1);
    // Uniform over the disc: about 3/4 of the points lie beyond half the radius.
    const outer = ds.filter((d) => d > 7_500).length / ds.length;
    assert.ok(outer > 0.65 && outer < 0.85, `share beyond half the radius ${outer}`);
  });

  it("keeps a district's addresses inside its own disc within the city", () => {
    const area = demoArea('北京', '朝阳区')!;
    assert.ok(haversineMetres(area.centre, CITY_CENTRES.北京.centre) + area.radiusKm * 1000 <= 15_000 + 1);
    for (let i = 0; i < 200; i++) {
      const p = demoPosition({ city: '北京', address: `朝阳区建国路${i}号` })!;
      assert.ok(haversineMetres(p, area.centre) <= area.radiusKm * 1000 + 1);
    }
    assert.notDeepEqual(demoArea('北京', '海淀区')!.centre, area.centre);
  });

  it('does not place an unknown city, and masks a position to about a kilometre', () => {
    assert.equal(demoPosition({ city: '拉萨', address: '北京中路1号' }), null);
    assert.deepEqual(maskPosition({ lat: 31.234567, lng: 121.476543 }), { lat: 31.23, lng: 121.48 });
  });
});
