import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TextMemo } from './text-memo';

describe('text memo', () => {
  it('keeps keys up to its byte budget, forgetting the oldest first', () => {
    const memo = new TextMemo<number>(40, 40); // 20 UTF-16 code units
    memo.set('aaaaaaaaaa', 1);
    memo.set('bbbbbbbbbb', 2);
    assert.equal(memo.get('aaaaaaaaaa'), 1);
    memo.set('cccccccccc', 3);
    assert.equal(memo.get('aaaaaaaaaa'), undefined);
    assert.deepEqual([memo.get('bbbbbbbbbb'), memo.get('cccccccccc')], [2, 3]);
  });

  it('does not keep a key longer than its per-key limit, and replaces a known key in place', () => {
    const memo = new TextMemo<number>(1000, 10);
    memo.set('longer than five', 1);
    assert.equal(memo.get('longer than five'), undefined);
    memo.set('abc', 1);
    memo.set('abc', 2);
    assert.equal(memo.get('abc'), 2);
  });
});
