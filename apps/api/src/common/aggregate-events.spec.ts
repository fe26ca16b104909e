import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { appendEvents, defineEventStream, jsonObjectSql } from './aggregate-events';
import { WriteBatch } from './write-batch';

interface Message {
  id: string;
  sequence: number;
  note: string | null;
}

const stream = defineEventStream<Message>({
  table: 'thing_event',
  aggregateColumn: 'thing_id',
  channel: 'thing_event',
  message: { id: 'e.id::text', sequence: 'e.sequence', note: 'a.note' },
});

/** The statement a batch would send, captured instead of run. */
async function sent(batch: WriteBatch): Promise<{ text: string; values: unknown[] }> {
  let captured = { text: '', values: [] as unknown[] };
  const m = {
    queryRunner: undefined,
    query: async (text: string, values: unknown[]) => ((captured = { text, values }), [{}]),
  };
  await batch.run(m as never, 'SELECT 1');
  return captured;
}

describe('aggregate events', () => {
  it('builds the message in SQL from every declared field', () => {
    assert.equal(
      jsonObjectSql(stream.message),
      `json_build_object('id', e.id::text, 'sequence', e.sequence, 'note', a.note)`,
    );
  });

  it('numbers events on from the aggregate and advances its sequence', async () => {
    const thing = { id: 'T1', lastEventSequence: 4 };
    const batch = new WriteBatch();
    batch.add('saved', 'UPDATE thing SET x = 1 WHERE id = $1 RETURNING *', ['T1']);
    appendEvents(
      batch,
      stream,
      thing,
      [
        { type: 'STATUS_CHANGED', from: 'A', to: 'B', reason: null },
        { type: 'STATUS_CHANGED', from: 'B', to: 'C', reason: 'why' },
      ],
      'someone',
      'saved',
    );
    assert.equal(thing.lastEventSequence, 6);
    const { text, values } = await sent(batch);
    assert.match(text, /events AS \(INSERT INTO thing_event \(thing_id, sequence/);
    assert.match(
      text,
      /event_notifications AS \(SELECT pg_notify\(\$9, json_build_object\('id', e\.id::text, 'sequence', e\.sequence, 'note', a\.note\)::text\) FROM events e JOIN saved a ON a\.id = e\.thing_id ORDER BY e\.id/,
    );
    assert.deepEqual(values.slice(1, 9), [
      ['T1', 'T1'],
      [5, 6],
      ['STATUS_CHANGED', 'STATUS_CHANGED'],
      ['A', 'B'],
      ['B', 'C'],
      [null, 'why'],
      'someone',
      'thing_event',
    ]);
  });

  it('writes nothing for no events', async () => {
    const thing = { id: 'T1', lastEventSequence: 2 };
    const batch = new WriteBatch();
    batch.add('saved', 'SELECT 1', []);
    appendEvents(batch, stream, thing, [], 'someone', 'saved');
    assert.equal(thing.lastEventSequence, 2);
    assert.doesNotMatch((await sent(batch)).text, /thing_event/);
  });
});
