import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BIN_CODE_PATTERN, parseBin, pickPath } from './pick-path';

const stop = (bin: string | null, sku: string, id = `${bin ?? '-'}/${sku}`) => ({ bin, sku, id });
const ids = (stops: readonly { id: string }[]) => stops.map((s) => s.id);

describe('bin codes', () => {
  it('parses aisle, bay and level', () => {
    assert.deepEqual(parseBin('A-03-2'), { aisle: 'A', bay: 3, level: 2 });
    assert.deepEqual(parseBin('AB-10-0'), { aisle: 'AB', bay: 10, level: 0 });
    assert.deepEqual(parseBin('Z-99-9'), { aisle: 'Z', bay: 99, level: 9 });
  });

  it('refuses anything else', () => {
    for (const bad of [
      null,
      undefined,
      '',
      'a-03-2', // lower case
      'ABC-03-2', // three letters
      'A-3-2', // one-digit bay
      'A-003-2',
      'A-03-12', // two-digit level
      'A03-2',
      ' A-03-2', // not trimmed
      'A-03-2\n',
      'Ä-03-2',
    ])
      assert.equal(parseBin(bad), null, JSON.stringify(bad));
    assert.equal(BIN_CODE_PATTERN.test('A-03-2\n'), false);
  });
});

describe('pick path', () => {
  it('walks the aisles in a serpentine, levels up within a bay', () => {
    const path = pickPath([
      stop('B-01-0', 's1'),
      stop('A-05-0', 's2'),
      stop('C-02-0', 's3'),
      stop('A-01-1', 's4'),
      stop('B-07-0', 's5'),
      stop('A-01-0', 's6'),
      stop('C-09-0', 's7'),
    ]);
    // A up (01-0, 01-1, 05), B down (07, 01), C up (02, 09).
    assert.deepEqual(ids(path), [
      'A-01-0/s6',
      'A-01-1/s4',
      'A-05-0/s2',
      'B-07-0/s5',
      'B-01-0/s1',
      'C-02-0/s3',
      'C-09-0/s7',
    ]);
  });

  it('alternates per aisle actually visited, not per aisle letter', () => {
    // No stop in B: C is the second aisle visited, so it is walked downwards.
    const path = pickPath([stop('C-01-0', 'x'), stop('A-02-0', 'y'), stop('C-08-0', 'z'), stop('A-01-0', 'w')]);
    assert.deepEqual(ids(path), ['A-01-0/w', 'A-02-0/y', 'C-08-0/z', 'C-01-0/x']);
  });

  it('puts Z before AA, and AA before AB', () => {
    const path = pickPath([stop('AB-01-0', 'a'), stop('AA-01-0', 'b'), stop('Z-01-0', 'c'), stop('B-01-0', 'd')]);
    assert.deepEqual(ids(path), ['B-01-0/d', 'Z-01-0/c', 'AA-01-0/b', 'AB-01-0/a']);
  });

  it('keeps levels ascending in a descending aisle and breaks ties by sku', () => {
    const path = pickPath([
      stop('A-01-0', 'a'),
      stop('B-02-3', 'k'),
      stop('B-02-1', 'q'),
      stop('B-02-1', 'm'),
      stop('B-05-2', 'z'),
    ]);
    assert.deepEqual(ids(path), ['A-01-0/a', 'B-05-2/z', 'B-02-1/m', 'B-02-1/q', 'B-02-3/k']);
  });

  it('puts stops without a valid bin last, by sku, and is stable', () => {
    const path = pickPath([
      stop(null, 'zeta'),
      stop('bad', 'alpha'),
      stop('A-01-0', 'mid', 'first'),
      stop('A-01-0', 'mid', 'second'),
      stop(null, 'beta'),
    ]);
    assert.deepEqual(ids(path), ['first', 'second', 'bad/alpha', '-/beta', '-/zeta']);
    const swapped = pickPath([stop('A-01-0', 'mid', 'second'), stop('A-01-0', 'mid', 'first')]);
    assert.deepEqual(ids(swapped), ['second', 'first']);
  });

  it('returns a new array and leaves the input alone', () => {
    const input = Object.freeze([stop('B-01-0', 'b'), stop('A-01-0', 'a')]);
    const path = pickPath(input);
    assert.notEqual(path, input);
    assert.deepEqual(ids(input), ['B-01-0/b', 'A-01-0/a']);
    assert.equal(path[0], input[1], 'the same stop objects, reordered');
    assert.deepEqual(pickPath([]), []);
  });
});
