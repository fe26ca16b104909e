import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { reviewOrder, ReviewSubject, initialPaymentStatus } from './review';

const base: ReviewSubject = {
  customerIsNew: false,
  creditStatus: 'GOOD',
  paymentMethod: 'WECHAT_PAY',
  paymentStatus: 'PAID',
  totalFen: 100_00,
  regionServed: true,
  areaBlocked: false,
};

describe('reviewOrder', () => {
  it('passes a paid order from a known customer', () => {
    assert.deepEqual(reviewOrder(base), []);
  });
  it('holds an order to a blocked delivery area', () => {
    assert.deepEqual(reviewOrder({ ...base, areaBlocked: true }), ['DELIVERY_AREA_BLOCKED']);
  });
  it('holds a new customer COD order above the limit for a credit check', () => {
    const o = {
      ...base,
      customerIsNew: true,
      creditStatus: 'UNASSESSED' as const,
      paymentMethod: 'CASH_ON_DELIVERY' as const,
      paymentStatus: 'COD_ACCEPTED' as const,
    };
    assert.deepEqual(reviewOrder({ ...o, totalFen: 500_00 }), []);
    assert.deepEqual(reviewOrder({ ...o, totalFen: 500_01 }), ['NEW_CUSTOMER_CREDIT_CHECK']);
  });
  it('lets a new customer already assessed as good through', () => {
    assert.deepEqual(
      reviewOrder({
        ...base,
        customerIsNew: true,
        paymentMethod: 'CASH_ON_DELIVERY',
        paymentStatus: 'COD_ACCEPTED',
        totalFen: 900_00,
      }),
      [],
    );
  });
  it('holds unpaid online orders, blocked credit and unserved regions, giving every reason', () => {
    assert.deepEqual(reviewOrder({ ...base, creditStatus: 'BLOCKED', paymentStatus: 'PENDING', regionServed: false }), [
      'CREDIT_BLOCKED',
      'PAYMENT_PENDING',
      'UNDELIVERABLE_REGION',
    ]);
  });
  it('starts COD orders as accepted and online orders as pending unless paid', () => {
    assert.equal(initialPaymentStatus('CASH_ON_DELIVERY', false), 'COD_ACCEPTED');
    assert.equal(initialPaymentStatus('ALIPAY', false), 'PENDING');
    assert.equal(initialPaymentStatus('CARD', true), 'PAID');
  });
});
