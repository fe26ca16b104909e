import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { tileSources } from './security-headers';

describe('the map tile server in the Content-Security-Policy', () => {
  it('allows nothing more without a tile server', () => {
    assert.deepEqual(tileSources(undefined), []);
    assert.deepEqual(tileSources('not a url'), []);
  });

  it("allows the tile server's origin, its {s} subdomains as a wildcard", () => {
    assert.deepEqual(tileSources('https://{s}.tile.example.com/{z}/{x}/{y}.png'), ['https://*.tile.example.com']);
    assert.deepEqual(tileSources('http://10.0.0.5:8080/tiles/{z}/{x}/{y}.png'), ['http://10.0.0.5:8080']);
  });
});
