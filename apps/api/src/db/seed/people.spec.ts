import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DISTRICTS_BY_CITY, maskAddress } from '@fulfilment/domain';
import { CITIES } from './people';

describe('demo addresses', () => {
  it('use only districts the address mask knows, so masked demo addresses keep their district', () => {
    for (const city of CITIES) {
      for (const district of Object.keys(city.districts)) {
        assert.ok(DISTRICTS_BY_CITY[city.name]?.includes(district), `${city.name}${district}`);
        assert.equal(maskAddress(`${district}${city.districts[district][0]}1号`, city.name), `${city.name}${district}`);
      }
    }
  });
});
