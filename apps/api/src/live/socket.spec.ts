import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sharedPayload, splice } from './socket';

describe('shared live payloads', () => {
  it('stands in for a result in a message and serialises it once', () => {
    const result = { data: { stockAlert: { sku: 'A', note: '"}' } } };
    const w = sharedPayload(result);
    assert.equal(sharedPayload(result), w);
    for (const id of ['1', '2']) {
      const sent = splice(JSON.stringify({ id, type: 'next', payload: w }));
      assert.ok(Buffer.isBuffer(sent));
      assert.deepEqual(JSON.parse(sent.toString()), { id, type: 'next', payload: result });
    }
    assert.equal(splice('{"id":"3","type":"complete"}'), '{"id":"3","type":"complete"}');
  });
});
