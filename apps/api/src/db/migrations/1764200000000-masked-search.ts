import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The masks of @fulfilment/domain (maskName, maskPhone) in SQL, so that callers without
 * CUSTOMER_PII_READ search what they are shown (modules/access/pii.ts, searchablePersonalData), with a
 * trigram index like the unmasked search. A unit test holds the SQL and TypeScript masks equal.
 */
export class MaskedSearch1764200000000 implements MigrationInterface {
  name = 'MaskedSearch1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION mask_phone(phone text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
      RETURN CASE
        WHEN length(regexp_replace(phone, '[^0-9]', '', 'g')) < 7 THEN repeat('*', length(phone))
        ELSE left(regexp_replace(phone, '[^0-9]', '', 'g'), 3) || '****' || right(regexp_replace(phone, '[^0-9]', '', 'g'), 4)
      END`);
    // JavaScript's trim() removes these (among rarer ones): ASCII white space, no-break and ideographic spaces.
    await q.query(`
      CREATE FUNCTION mask_name(name text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
      RETURN CASE
        WHEN btrim(name, E' \\t\\n\\r\\f\\v\\u00a0\\u3000') = '' THEN ''
        ELSE left(btrim(name, E' \\t\\n\\r\\f\\v\\u00a0\\u3000'), 1)
          || repeat('*', greatest(1, least(length(btrim(name, E' \\t\\n\\r\\f\\v\\u00a0\\u3000')) - 1, 2)))
      END`);
    await q.query(
      `CREATE INDEX customer_masked_search_idx ON customer USING gin ((mask_name(name) || ' ' || mask_phone(phone)) gin_trgm_ops)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS customer_masked_search_idx`);
    await q.query(`DROP FUNCTION IF EXISTS mask_name(text)`);
    await q.query(`DROP FUNCTION IF EXISTS mask_phone(text)`);
  }
}
