import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DomainEventHandlers } from './domain-events';
import type { Tx } from './mutation';

declare module './domain-events' {
  interface DomainEvents {
    TEST_HAPPENED: { n: number };
  }
}

const tx = {} as Tx;

describe('domain event handlers', () => {
  it('runs the handlers of an event one after another, in registration order, with the transaction', async () => {
    const seen: string[] = [];
    const handlers = new DomainEventHandlers()
      .on('TEST_HAPPENED', async (t, e) => {
        assert.equal(t, tx);
        await new Promise((r) => setTimeout(r, 5));
        seen.push(`first ${e.n}`);
      })
      .on('TEST_HAPPENED', (_t, e) => void seen.push(`second ${e.n}`));
    await handlers.emit(tx, 'TEST_HAPPENED', { n: 1 });
    assert.deepEqual(seen, ['first 1', 'second 1']);
  });

  it('lets a failing handler fail the emitting change', async () => {
    const handlers = new DomainEventHandlers().on('TEST_HAPPENED', () => {
      throw new Error('no');
    });
    await assert.rejects(handlers.emit(tx, 'TEST_HAPPENED', { n: 1 }), /no/);
  });

  it('takes no handler once sealed', () => {
    const handlers = new DomainEventHandlers();
    handlers.seal();
    assert.throws(() => handlers.on('TEST_HAPPENED', () => undefined), /too late/);
  });
});
