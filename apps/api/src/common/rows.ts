import { types as pgTypes, type Pool } from 'pg';
import { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { statementName } from './prepared';

/*
 * The one way rows become entities. Two row formats exist, each for a reason:
 * - object rows (`RETURNING *`, `row_to_json`) from writes: hydrate(), through TypeORM's metadata;
 * - array rows from the hot reads (loaders, lists): rowShape(), compiled once per entity.
 */

/**
 * Turns a raw row (snake_case columns, as `RETURNING *` gives it) into an entity, so a statement that
 * writes and returns in one round trip need not be followed by a read.
 */
export function hydrate<T extends ObjectLiteral>(
  m: EntityManager,
  target: EntityTarget<T>,
  row: Record<string, unknown>,
): T {
  const meta = m.connection.getMetadata(target);
  const entity = meta.create() as T;
  for (const column of meta.columns) {
    if (column.databaseName in row) column.setEntityValue(entity, row[column.databaseName]);
  }
  return entity;
}

/** How to select an entity's columns under a table alias and build the entity from such a row. */
export interface RowShape<T> {
  table: string;
  /** `alias."column", …` for every column of the entity, in a fixed order. */
  select: string;
  /** How many columns `select` lists. */
  width: number;
  /** The entity from `row[offset]`, `row[offset + 1]`, … (rows in pg's array mode). */
  hydrate(row: unknown[], offset?: number): T;
}

const shapes = new WeakMap<DataSource, Map<string, RowShape<ObjectLiteral>>>();

/**
 * Rows to entities without TypeORM's query builder or hydration: the same columns and embedded
 * objects, read from the entity metadata once and compiled into one plain function per entity, fed
 * with pg's already-parsed values. Several times cheaper per row than `find`, which matters for the
 * lists read most (`npm run bench -- 3`).
 */
export function rowShape<T extends ObjectLiteral>(ds: DataSource, entity: EntityTarget<T>, alias: string): RowShape<T> {
  let byKey = shapes.get(ds);
  if (!byKey) shapes.set(ds, (byKey = new Map()));
  const meta = ds.getMetadata(entity);
  const key = `${meta.name}:${alias}`;
  let shape = byKey.get(key);
  if (!shape) {
    const embedded = new Map<string, { create: () => unknown; lines: string[] }>();
    const lines: string[] = [];
    meta.columns.forEach((column, i) => {
      const tree = column.embeddedMetadata?.embeddedMetadataTree ?? [];
      if (tree.length > 1)
        throw new Error(`rowShape: ${meta.name}.${column.propertyPath} is nested more than one level`);
      const assign = `.${column.propertyName} = row[offset + ${i}];`;
      if (!/^[A-Za-z_$][\w$]*$/.test(column.propertyName))
        throw new Error(`rowShape: unexpected property name ${column.propertyName}`);
      if (tree.length === 0) lines.push(`e${assign}`);
      else {
        const e = tree[0];
        if (!embedded.has(e.propertyName)) embedded.set(e.propertyName, { create: () => e.create(), lines: [] });
        embedded.get(e.propertyName)!.lines.push(`d${assign}`);
      }
    });
    for (const [name, e] of embedded) {
      if (!/^[A-Za-z_$][\w$]*$/.test(name)) throw new Error(`rowShape: unexpected property name ${name}`);
      lines.push(`{ const d = embedded.get(${JSON.stringify(name)}).create(); ${e.lines.join(' ')} e.${name} = d; }`);
    }
    const build = new Function(
      'Target',
      'embedded',
      `return function hydrate(row, offset = 0) { const e = new Target(); ${lines.join(' ')} return e; };`,
    );
    shape = {
      table: `"${meta.tableName}"`,
      select: meta.columns.map((c) => `${alias}."${c.databaseName}"`).join(', '),
      width: meta.columns.length,
      hydrate: build(meta.target, embedded),
    };
    byKey.set(key, shape);
  }
  return shape as RowShape<T>;
}

/**
 * A read statement straight on TypeORM's pg pool: prepared once per connection (a named statement,
 * so PostgreSQL parses and plans it once, not on every request, about half its CPU for these short
 * reads) and rows as arrays (no object per row). What the loaders and the order list run on every
 * request. Logged like `ds.query`, so statement counts in tests see it; never inside a transaction.
 * Their results list their columns (no `SELECT *` at the top), so a migration that adds columns does
 * not change a prepared statement's result type. Justified by `npm run bench -- 3 4` (reads, statements
 * per request).
 */
export async function readRows(ds: DataSource, sql: string, params: unknown[]): Promise<unknown[][]> {
  ds.logger.logQuery(sql, params);
  const pool = (ds.driver as PostgresDriver).master as Pool;
  const result = await pool.query({
    name: statementName(sql),
    text: sql,
    values: params,
    rowMode: 'array',
    types: READ_TYPES,
  });
  return result.rows;
}

const TIMESTAMPTZ = 1184;
const defaultTimestamptz = pgTypes.getTypeParser(TIMESTAMPTZ, 'text') as (value: string) => Date;
const digits = (s: string, from: number, to: number) => {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return NaN;
    n = n * 10 + c;
  }
  return n;
};

/**
 * timestamptz as PostgreSQL prints it with DateStyle ISO ("2026-11-22 19:36:55.123+00", offsets
 * like +05:30 too) read without regular expressions; anything else (BC, years past 9999, infinity)
 * goes to pg's own parser. Same result as pg's: milliseconds truncated, like postgres-date.
 */
export function parseTimestamptz(s: string): Date {
  if (
    s.length >= 22 &&
    s.charCodeAt(4) === 45 &&
    s.charCodeAt(7) === 45 &&
    s.charCodeAt(10) === 32 &&
    s.charCodeAt(13) === 58 &&
    s.charCodeAt(16) === 58
  ) {
    let i = 19;
    let ms = 0;
    if (s.charCodeAt(i) === 46) {
      let j = i + 1;
      while (j < s.length && s.charCodeAt(j) >= 48 && s.charCodeAt(j) <= 57) j++;
      const fraction = s.slice(i + 1, Math.min(j, i + 4)).padEnd(3, '0');
      ms = digits(fraction, 0, 3);
      i = j;
    }
    const sign = s.charCodeAt(i) === 43 ? 1 : s.charCodeAt(i) === 45 ? -1 : 0;
    const rest = s.length - i;
    if (sign !== 0 && (rest === 3 || rest === 6 || rest === 9)) {
      const offH = digits(s, i + 1, i + 3);
      const offM = rest >= 6 && s.charCodeAt(i + 3) === 58 ? digits(s, i + 4, i + 6) : rest >= 6 ? NaN : 0;
      const offS = rest === 9 && s.charCodeAt(i + 6) === 58 ? digits(s, i + 7, i + 9) : rest === 9 ? NaN : 0;
      const t = Date.UTC(
        digits(s, 0, 4),
        digits(s, 5, 7) - 1,
        digits(s, 8, 10),
        digits(s, 11, 13),
        digits(s, 14, 16),
        digits(s, 17, 19),
        ms,
      );
      const offset = sign * ((offH * 60 + offM) * 60 + offS) * 1000;
      if (!Number.isNaN(t) && !Number.isNaN(offset) && digits(s, 0, 4) >= 100) return new Date(t - offset);
    }
  }
  return defaultTimestamptz(s);
}

/** pg's parsers, but timestamptz without regular expressions (a page of orders has a hundred or more). */
const DATE = 1082;
const asText = (s: string) => s;

/** timestamptz by parseTimestamptz; date as its text YYYY-MM-DD, as TypeORM hydrates `date` columns (pg's default makes a local-midnight Date). */
const READ_TYPES = {
  getTypeParser: (oid: number, format?: 'text' | 'binary') =>
    format === 'binary'
      ? pgTypes.getTypeParser(oid, format)
      : oid === TIMESTAMPTZ
        ? parseTimestamptz
        : oid === DATE
          ? asText
          : pgTypes.getTypeParser(oid, 'text'),
};
