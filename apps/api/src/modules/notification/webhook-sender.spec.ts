import 'reflect-metadata';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Webhook } from 'standardwebhooks';
import { retryAfterSeconds, signatureHeaders } from './webhook-sender';
import { refusal } from './webhook-url';

describe('webhook signing', () => {
  const secret = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;
  const old = `whsec_${Buffer.alloc(32, 9).toString('base64')}`;
  const payload =
    '{"type":"order.status_changed","timestamp":"2026-12-07T04:00:00.000Z","data":{"orderNumber":"SO-1"}}';

  it('signs so that the standardwebhooks package verifies, with every secret of a rotation', () => {
    const headers = signatureHeaders({ webhookId: 'msg_1', payload, secrets: [secret, old] }, new Date());
    assert.match(headers['webhook-signature'], /^v1,\S+ v1,\S+$/);
    assert.deepEqual(new Webhook(secret).verify(payload, headers), JSON.parse(payload));
    assert.deepEqual(new Webhook(old).verify(payload, headers), JSON.parse(payload));
    assert.throws(() => new Webhook(secret).verify(payload.replace('SO-1', 'SO-2'), headers));
  });

  it('reads Retry-After as seconds or as a date', () => {
    assert.equal(retryAfterSeconds('120'), 120);
    assert.equal(retryAfterSeconds(undefined), null);
    assert.equal(retryAfterSeconds('soon'), null);
    const inAMinute = new Date(Date.now() + 60_000).toUTCString();
    assert.ok(Math.abs(retryAfterSeconds(inAMinute)! - 60) <= 1);
  });
});

describe('webhook address refusal', () => {
  it('refuses private, loopback, link-local and mapped addresses unless allowed', () => {
    for (const a of [
      '10.0.0.1',
      '127.0.0.1',
      '169.254.169.254',
      '192.168.0.5',
      '172.16.3.4',
      '::1',
      'fd00::1',
      '::ffff:127.0.0.1',
      '0.0.0.0',
    ])
      assert.ok(refusal(a, []), a);
    assert.equal(refusal('93.184.216.34', []), null);
    assert.equal(refusal('2606:2800:220:1:248:1893:25c8:1946', []), null);
    assert.equal(refusal('127.0.0.1', ['127.0.0.1']), null);
    assert.equal(refusal('10.1.2.3', ['10.1.0.0/16']), null);
    assert.ok(refusal('10.2.0.1', ['10.1.0.0/16']));
    assert.ok(refusal('::ffff:10.1.2.3', ['10.9.0.0/16']));
  });
});
