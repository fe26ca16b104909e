import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { EntityManager } from 'typeorm';
import { WriteBatch } from './write-batch';

/**
 * The statement a batch sends, captured instead of run: an EntityManager outside a transaction (no
 * queryRunner), so queryPrepared hands text and values to `m.query`. String building only, no database.
 */
async function sent(batch: WriteBatch, select = 'SELECT 1'): Promise<{ text: string; values: unknown[] }> {
  const calls: { text: string; values: unknown[] }[] = [];
  const m = {
    queryRunner: undefined,
    query: async (text: string, values: unknown[]) => {
      calls.push({ text, values });
      return [{ ok: true }];
    },
  };
  assert.deepEqual(await batch.run(m as unknown as EntityManager, select), [{ ok: true }]);
  assert.equal(calls.length, 1, 'one statement for the whole batch');
  return calls[0];
}

const numbers = (n: number, from = 1) => Array.from({ length: n }, (_, i) => `$${from + i}`);

describe('WriteBatch', () => {
  it('keeps the first part as written and shifts each later part by the parameters before it', async () => {
    const batch = new WriteBatch();
    batch.add('a', 'UPDATE t SET x = $1 WHERE id = $2', [10, 'A']);
    batch.add('b', 'INSERT INTO u (t_id, y) SELECT id, $1 FROM a WHERE $2::int > 0', ['y', 1]);
    batch.add('c', 'SELECT pg_notify($1, $2)', ['ch', 'msg'], true);
    const { text, values } = await sent(batch, 'SELECT * FROM a');
    assert.equal(
      text,
      'WITH a AS (UPDATE t SET x = $1 WHERE id = $2),\n' +
        'b AS (INSERT INTO u (t_id, y) SELECT id, $3 FROM a WHERE $4::int > 0),\n' +
        'c AS (SELECT pg_notify($5, $6)) SELECT r.*, (SELECT count(*) FROM c) AS notified_0 FROM (SELECT * FROM a) AS r',
    );
    assert.deepEqual(values, [10, 'A', 'y', 1, 'ch', 'msg']);
  });

  it('renumbers $10 and above as whole numbers, and every use of a repeated parameter', async () => {
    const batch = new WriteBatch();
    const twelve = Array.from({ length: 12 }, (_, i) => `v${i + 1}`);
    batch.add('first', `SELECT ${numbers(12).join(', ')}, $1, $12`, twelve);
    batch.add(
      'second',
      'SELECT $1, $10, $11, $1 + $2, $2::text[], $10',
      Array.from({ length: 11 }, (_, i) => `w${i + 1}`),
    );
    batch.add('third', 'SELECT $1 WHERE $1 IS NOT NULL', ['z']);
    const { text, values } = await sent(batch);
    assert.match(
      text,
      new RegExp(`^WITH first AS \\(SELECT ${numbers(12).join(', ').replace(/\$/g, '\\$')}, \\$1, \\$12\\),\n`),
    );
    assert.ok(text.includes('second AS (SELECT $13, $22, $23, $13 + $14, $14::text[], $22),\n'), text);
    assert.ok(text.includes('third AS (SELECT $24 WHERE $24 IS NOT NULL) SELECT r.* FROM (SELECT 1) AS r'), text);
    assert.equal(values.length, 24);
    assert.deepEqual(values.slice(0, 12), twelve);
    assert.equal(values[21], 'w10', '$22 is the second part’s $10');
    assert.equal(values[23], 'z');
    // Every parameter number in the statement points at a value of its own part.
    for (const [, n] of text.matchAll(/\$(\d+)/g)) assert.ok(Number(n) >= 1 && Number(n) <= values.length, `$${n}`);
  });

  it('passes a part without parameters through and does not shift the next part for it', async () => {
    const batch = new WriteBatch();
    batch.add('now', 'SELECT now() AS t', []);
    batch.add('saved', 'UPDATE t SET at = (SELECT t FROM now) WHERE id = $1 RETURNING *', ['A']);
    const { text, values } = await sent(batch, 'SELECT * FROM saved');
    assert.ok(
      text.startsWith(
        'WITH now AS (SELECT now() AS t),\nsaved AS (UPDATE t SET at = (SELECT t FROM now) WHERE id = $1 RETURNING *) ',
      ),
      text,
    );
    assert.deepEqual(values, ['A']);
  });

  it('refuses a second part of the same name and stays as it was', async () => {
    const batch = new WriteBatch();
    batch.add('saved', 'UPDATE t SET x = $1', [1]);
    assert.throws(() => batch.add('saved', 'UPDATE u SET y = $1', [2]), /already has a part named saved/);
    const { text, values } = await sent(batch);
    assert.equal(text, 'WITH saved AS (UPDATE t SET x = $1) SELECT r.* FROM (SELECT 1) AS r');
    assert.deepEqual(values, [1]);
  });

  it('counts every mustRun part, and only those, in the final select so that they run', async () => {
    const batch = new WriteBatch();
    batch.add('saved', 'UPDATE t SET x = $1 RETURNING *', [1]);
    batch.add('notify_a', 'SELECT pg_notify($1, $2)', ['a', '1'], true);
    batch.add('read_only', 'SELECT count(*) FROM saved', []);
    batch.add('notify_b', 'SELECT pg_notify($1, $2) FROM saved', ['b', '2'], true);
    const { text } = await sent(batch, 'SELECT * FROM saved');
    assert.ok(
      text.endsWith(
        ' SELECT r.*, (SELECT count(*) FROM notify_a) AS notified_0, (SELECT count(*) FROM notify_b) AS notified_1 FROM (SELECT * FROM saved) AS r',
      ),
      text,
    );
    assert.doesNotMatch(text, /FROM read_only\)/);
  });
});
