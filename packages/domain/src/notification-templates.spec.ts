import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  customerNoticeOfOrderStep,
  DEFAULT_TEMPLATES,
  NOTIFICATION_EVENTS,
  NOTIFICATION_LOCALES,
  placeholdersIn,
  renderTemplate,
  templateProblems,
} from './notification-templates';

describe('notification templates', () => {
  it('fills in the facts', () => {
    const m = renderTemplate(DEFAULT_TEMPLATES.ORDER_SHIPPED['zh-CN'], {
      customerName: '李娜',
      orderNumber: 'SO20261207-000123',
      carrier: '顺丰速运',
      trackingNumber: 'SF123456785CN',
    });
    assert.equal(m.subject, '订单已发货');
    assert.equal(m.body, '您的订单SO20261207-000123已由顺丰速运发出,运单号SF123456785CN。');
  });

  it('leaves a fact it was not given visible, and never reads the prototype', () => {
    const m = renderTemplate({ subject: 'x', body: '{{orderNumber}} {{constructor}} {{ eta }}' }, { eta: '14:00' });
    assert.equal(m.body, '{{orderNumber}} {{constructor}} 14:00');
  });

  it('lists the placeholders a text uses once each', () => {
    assert.deepEqual(placeholdersIn('{{a}} {{ b }} {{a}} {{1x}}'), ['a', 'b']);
  });

  it('refuses a placeholder the event has no fact for, and an empty body', () => {
    assert.deepEqual(templateProblems('ORDER_SHIPPED', { subject: '发货', body: '运单{{trackingNumber}}' }), []);
    const problems = templateProblems('ORDER_SHIPPED', { subject: ' ', body: '{{eta}}' });
    assert.equal(problems.length, 2);
    assert.match(problems[0], /subject is empty/);
    assert.match(problems[1], /\{\{eta\}\} is not a fact of ORDER_SHIPPED/);
  });

  it('ships a valid default for every event in both languages', () => {
    for (const event of NOTIFICATION_EVENTS)
      for (const locale of NOTIFICATION_LOCALES)
        assert.deepEqual(templateProblems(event, DEFAULT_TEMPLATES[event][locale]), [], `${event} ${locale}`);
  });
});

describe('what customers are told of order steps', () => {
  it('tells the steps customers care about', () => {
    assert.equal(customerNoticeOfOrderStep('CONFIRMED', []), 'ORDER_CONFIRMED');
    assert.equal(customerNoticeOfOrderStep('SHIPPED', []), 'ORDER_SHIPPED');
    assert.equal(customerNoticeOfOrderStep('DELIVERED', []), 'DELIVERED');
    assert.equal(customerNoticeOfOrderStep('CANCELLED', []), 'ORDER_CANCELLED');
    for (const internal of ['ALLOCATED', 'PICKING', 'PACKED', 'BACKORDERED', 'PENDING_REVIEW'])
      assert.equal(customerNoticeOfOrderStep(internal, []), null, internal);
  });

  it('tells of a hold only when the customer can help', () => {
    assert.equal(customerNoticeOfOrderStep('ON_HOLD', ['PAYMENT_PENDING']), 'ORDER_HELD');
    assert.equal(customerNoticeOfOrderStep('ON_HOLD', ['LARGE_ORDER', 'DELIVERY_AREA_BLOCKED']), 'ORDER_HELD');
    assert.equal(customerNoticeOfOrderStep('ON_HOLD', ['LARGE_ORDER', 'NEW_CUSTOMER_CREDIT_CHECK']), null);
    assert.equal(customerNoticeOfOrderStep('ON_HOLD', ['constructor']), null);
  });
});
