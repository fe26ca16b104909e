import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { cachedStatementNames, MAX_NAMES, statementName } from './prepared';

describe('statementName', () => {
  it('is stable per text, derived from the text alone, and short enough for PostgreSQL (63 bytes)', () => {
    const sql = 'SELECT o.id FROM orders o WHERE o.id = ANY($1::uuid[])';
    const name = statementName(sql);
    assert.match(name, /^p_[0-9a-f]{24}$/);
    assert.equal(statementName(sql), name);
    assert.equal(statementName(`${sql}`.slice(0)), name, 'an equal string from elsewhere');
    assert.equal(name, `p_${createHash('sha1').update(sql).digest('hex').slice(0, 24)}`, 'the same in every process');
    assert.ok(Buffer.byteLength(name) <= 63);
  });

  it('differs per text, even for texts that differ in one character or only in whitespace', () => {
    const texts = ['SELECT $1', 'SELECT $2', 'SELECT $1 ', 'select $1', 'SELECT  $1', 'SELECT $1;', ''];
    const names = texts.map(statementName);
    assert.equal(new Set(names).size, texts.length);
  });

  it('keeps at most MAX_NAMES names, and still names texts past the bound the same way', () => {
    const first = statementName('SELECT 0 AS first');
    for (let i = 0; i < MAX_NAMES + 500; i++) statementName(`SELECT ${i} AS generated`);
    assert.equal(cachedStatementNames(), MAX_NAMES);
    const late = 'SELECT 1 AS seen_after_the_cache_is_full';
    assert.equal(statementName(late), statementName(late));
    assert.equal(statementName(late), `p_${createHash('sha1').update(late).digest('hex').slice(0, 24)}`);
    assert.equal(cachedStatementNames(), MAX_NAMES);
    assert.equal(statementName('SELECT 0 AS first'), first);
  });
});
