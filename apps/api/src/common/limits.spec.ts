import 'reflect-metadata';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'graphql';
import { costDependsOnVariables } from './limits';

describe('cost and variables', () => {
  it('costs a document once when no variable reaches a page size or a directive', () => {
    const depends = (q: string) => costDependsOnVariables(parse(q));
    assert.equal(depends(`mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { order { id } } }`), false);
    assert.equal(depends(`query($c: String) { orders(first: 20, after: $c) { edges { cursor } } }`), false);
    assert.equal(depends(`query($n: Int) { orders(first: $n) { edges { cursor } } }`), true);
    assert.equal(depends(`query($b: Boolean!) { orders { edges @include(if: $b) { cursor } } }`), true);
    assert.equal(
      depends(`query($b: Boolean!) { ...F } fragment F on Query { orders @skip(if: $b) { edges { cursor } } }`),
      true,
    );
  });
});
