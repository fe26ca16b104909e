import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { s10CheckDigit, trackingNumber, trackingNumberProblem } from './tracking-number';

const FORMAT = 'A tracking number must look like EE123456785CN: two capital letters, nine digits, two capital letters';

describe('S10 check digit', () => {
  it('weights the digits 8 6 4 2 3 5 9 7, by hand', () => {
    // 1·8 + 2·6 + 3·4 + 4·2 + 5·3 + 6·5 + 7·9 + 8·7 = 8 + 12 + 12 + 8 + 15 + 30 + 63 + 56 = 204;
    // 204 mod 11 = 6 (198 = 18·11); 11 − 6 = 5.
    assert.equal(s10CheckDigit('12345678'), 5);
    // The UPU's example RA473124829GB:
    // 4·8 + 7·6 + 3·4 + 1·2 + 2·3 + 4·5 + 8·9 + 2·7 = 32 + 42 + 12 + 2 + 6 + 20 + 72 + 14 = 200;
    // 200 mod 11 = 2 (198); 11 − 2 = 9.
    assert.equal(s10CheckDigit('47312482'), 9);
  });

  it('turns 10 into 0 and 11 into 5', () => {
    // 8·7 = 56; 56 mod 11 = 1 (55); 11 − 1 = 10 → 0.
    assert.equal(s10CheckDigit('00000008'), 0);
    // Sum 0; 11 − 0 = 11 → 5.
    assert.equal(s10CheckDigit('00000000'), 5);
    // 1·8 + 1·3 = 11; 11 mod 11 = 0; 11 − 0 = 11 → 5.
    assert.equal(s10CheckDigit('10001000'), 5);
  });

  it('refuses a serial that is not 8 digits', () => {
    for (const bad of ['1234567', '123456789', '1234567a', ' 12345678', '', '１２３４５６７８'])
      assert.throws(() => s10CheckDigit(bad), RangeError, bad);
  });
});

describe('making tracking numbers', () => {
  it('pads the serial to 8 digits and appends the check digit and country', () => {
    assert.equal(trackingNumber('EE', 12_345_678), 'EE123456785CN');
    assert.equal(trackingNumber('RA', 47_312_482, 'GB'), 'RA473124829GB');
    assert.equal(trackingNumber('EE', 8), 'EE000000080CN');
    assert.equal(trackingNumber('EE', 0), 'EE000000005CN');
    // 9 · (8+6+4+2+3+5+9+7) = 9 · 44 = 396 = 36 · 11; remainder 0 → 5.
    assert.equal(trackingNumber('EE', 99_999_999), 'EE999999995CN');
  });

  it('refuses a bad service, serial or country', () => {
    for (const service of ['E', 'EEE', 'ee', 'E1', ''])
      assert.throws(() => trackingNumber(service, 1), RangeError, service);
    for (const serial of [-1, 100_000_000, 1.5, Number.NaN, Infinity])
      assert.throws(() => trackingNumber('EE', serial), RangeError, String(serial));
    for (const country of ['cn', 'C', 'CHN', ''])
      assert.throws(() => trackingNumber('EE', 1, country), RangeError, country);
  });

  it('makes numbers the validator accepts', () => {
    for (const serial of [0, 1, 8, 47_312_482, 99_999_999])
      assert.equal(trackingNumberProblem(trackingNumber('LX', serial)), null, String(serial));
  });
});

describe('checking an entered tracking number', () => {
  it('accepts a valid number, trimming surrounding whitespace', () => {
    assert.equal(trackingNumberProblem('EE123456785CN'), null);
    assert.equal(trackingNumberProblem('  RA473124829GB\n'), null);
  });

  it('tells a wrong check digit apart from a number out of form', () => {
    assert.equal(
      trackingNumberProblem('EE123456784CN'),
      'The check digit should be 5, not 4; check the number for a typo',
    );
    // Two digits swapped: 21345678 → 2·8 + 1·6 + 12 + 8 + 15 + 30 + 63 + 56 = 206; 206 mod 11 = 8; 11 − 8 = 3.
    assert.equal(
      trackingNumberProblem('EE213456785CN'),
      'The check digit should be 3, not 5; check the number for a typo',
    );
  });

  it('refuses anything out of form, lower case included', () => {
    for (const bad of [
      '',
      '   ',
      'ee123456785cn',
      'EE123456785cn',
      'EE12345678CN',
      'EE1234567855CN',
      'EE 123456785 CN',
      'E1123456785CN',
      'EE123456785C',
    ])
      assert.equal(trackingNumberProblem(bad), FORMAT, JSON.stringify(bad));
  });
});
