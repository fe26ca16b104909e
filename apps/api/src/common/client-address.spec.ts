import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addressKey, clientAddress, parseTrustProxy, TRUST_NO_PROXY } from './client-address';

describe('addressKey', () => {
  it('keeps IPv4 addresses and unwraps IPv4-mapped IPv6', () => {
    assert.equal(addressKey('203.0.113.7'), '203.0.113.7');
    assert.equal(addressKey('::ffff:203.0.113.7'), '203.0.113.7');
  });

  it('counts every address of one IPv6 /64 as one', () => {
    const a = addressKey('2001:db8:1:2:aaaa:bbbb:cccc:dddd');
    assert.equal(a, '2001:db8:1:2::/64');
    assert.equal(addressKey('2001:0db8:0001:0002::1'), a);
    assert.equal(addressKey('2001:db8:1:2::ffff%eth0'), a);
    assert.notEqual(addressKey('2001:db8:1:3::1'), a);
    assert.equal(addressKey('::1'), '0:0:0:0::/64');
    assert.equal(addressKey('2001:db8::'), '2001:db8:0:0::/64');
  });

  it('names a missing address', () => {
    assert.equal(addressKey(null), 'unknown');
  });
});

describe('clientAddress', () => {
  const req = (peer: string, xff?: string) => ({
    socket: { remoteAddress: peer },
    headers: xff === undefined ? {} : { 'x-forwarded-for': xff },
  });

  it('ignores X-Forwarded-For by default', () => {
    assert.equal(clientAddress(req('::ffff:127.0.0.1', '203.0.113.7'), TRUST_NO_PROXY), '127.0.0.1');
    assert.equal(clientAddress(req('198.51.100.1', '203.0.113.7'), parseTrustProxy(undefined)), '198.51.100.1');
    assert.equal(clientAddress(req('198.51.100.1', '203.0.113.7'), parseTrustProxy('')), '198.51.100.1');
  });

  it('believes a listed proxy, and only as far as the hops are trusted', () => {
    const trust = parseTrustProxy('10.0.0.0/8, 192.0.2.1');
    assert.equal(clientAddress(req('10.1.2.3', '203.0.113.7'), trust), '203.0.113.7');
    // A client's own X-Forwarded-For sits to the left of what the proxy appended: not believed.
    assert.equal(clientAddress(req('10.1.2.3', '1.1.1.1, 203.0.113.7'), trust), '203.0.113.7');
    // Two trusted proxies in a row.
    assert.equal(clientAddress(req('10.1.2.3', '203.0.113.7, 192.0.2.1'), trust), '203.0.113.7');
    // Not from a trusted proxy: the header is a claim of the caller.
    assert.equal(clientAddress(req('198.51.100.1', '203.0.113.7'), trust), '198.51.100.1');
    // Garbage ends the walk at the last trusted hop's word; ports and brackets are taken off.
    assert.equal(clientAddress(req('10.1.2.3', 'not-an-ip'), trust), '10.1.2.3');
    assert.equal(clientAddress(req('10.1.2.3', '[2001:db8::1]:443'), trust), '2001:db8::1');
    assert.equal(clientAddress(req('10.1.2.3', '203.0.113.7:5000'), trust), '203.0.113.7');
    assert.equal(clientAddress(req('::ffff:10.0.0.1', '203.0.113.7'), trust), '203.0.113.7');
  });

  it('trusts a number of hops whatever their addresses', () => {
    assert.equal(clientAddress(req('198.51.100.1', '1.1.1.1, 203.0.113.7'), parseTrustProxy('1')), '203.0.113.7');
    assert.equal(clientAddress(req('198.51.100.1', '1.1.1.1, 203.0.113.7'), parseTrustProxy('2')), '1.1.1.1');
    assert.equal(clientAddress(req('198.51.100.1'), parseTrustProxy('1')), '198.51.100.1');
  });

  it('knows loopback and refuses settings it cannot read', () => {
    assert.equal(clientAddress(req('::1', '203.0.113.7'), parseTrustProxy('loopback')), '203.0.113.7');
    assert.equal(clientAddress(req('127.0.0.1', '203.0.113.7'), parseTrustProxy('loopback')), '203.0.113.7');
    for (const bad of ['yes', '10.0.0.0/33', 'fd00::/129', '10.0.0.1/8/1', 'true'])
      assert.throws(() => parseTrustProxy(bad), /TRUST_PROXY/, bad);
  });
});
