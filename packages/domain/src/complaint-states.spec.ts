import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { COMPLAINT_CATEGORIES, complaintMachine, DEPARTMENT_OF_CATEGORY } from './complaint-states';

const ready = { hasResolution: true, hasOwner: true };

describe('complaint lifecycle', () => {
  it('answers before anything else, and only with an owner', () => {
    assert.equal(complaintMachine.can('OPEN', 'RESOLVED'), false);
    const noOwner = complaintMachine.step('OPEN', 'ACKNOWLEDGED', { ...ready, hasOwner: false });
    assert.equal(noOwner.ok, false);
    const ack = complaintMachine.step('OPEN', 'ACKNOWLEDGED', ready);
    assert.ok(ack.ok);
    assert.deepEqual(ack.ok && ack.effects, ['TELL_ACKNOWLEDGED']);
  });

  it('pauses the clock while waiting on the customer and resolves only with a root cause and outcome', () => {
    const wait = complaintMachine.step('INVESTIGATING', 'WAITING_ON_CUSTOMER', ready);
    assert.deepEqual(wait.ok && wait.effects, ['PAUSE_CLOCK']);
    const back = complaintMachine.step('WAITING_ON_CUSTOMER', 'INVESTIGATING', ready);
    assert.deepEqual(back.ok && back.effects, ['RESUME_CLOCK']);
    const bare = complaintMachine.step('INVESTIGATING', 'RESOLVED', { ...ready, hasResolution: false });
    assert.equal(bare.ok, false);
    assert.match(!bare.ok ? bare.reason : '', /root cause/);
    const done = complaintMachine.step('WAITING_ON_CUSTOMER', 'RESOLVED', ready);
    assert.deepEqual(done.ok && done.effects, ['RESUME_CLOCK', 'STOP_CLOCK', 'TELL_RESOLVED']);
  });

  it('reopens resolved and closed complaints with a fresh clock', () => {
    for (const from of ['RESOLVED', 'CLOSED'] as const) {
      const r = complaintMachine.step(from, 'REOPENED', ready);
      assert.deepEqual(r.ok && r.effects, ['RESTART_CLOCK']);
    }
    assert.equal(complaintMachine.can('OPEN', 'REOPENED'), false);
  });

  it('routes every category to a department', () => {
    for (const c of COMPLAINT_CATEGORIES) assert.ok(DEPARTMENT_OF_CATEGORY[c], c);
    assert.equal(DEPARTMENT_OF_CATEGORY.QUALITY, 'PURCHASING_QUALITY');
    assert.equal(DEPARTMENT_OF_CATEGORY.LATE, 'DELIVERY');
  });
});
