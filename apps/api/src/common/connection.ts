import { ClassType, Field, Int, ObjectType } from 'type-graphql';
import { GraphQLError } from 'graphql';
import { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { SEARCH_LENGTH, searchable } from '@fulfilment/domain';
import { localId, type NodeType } from './global-id';
import { readRows, type RowShape } from './rows';

@ObjectType({ description: 'Where a page of a list stands (Relay cursor pagination).' })
export class PageInfo {
  @Field({ description: 'More items follow: ask again with `after: endCursor`.' })
  hasNextPage: boolean;

  @Field({ description: 'This page was asked for with `after` (items come before it).' })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true, description: "The first edge's cursor; null on an empty page." })
  startCursor: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The last edge's cursor, to pass as `after` for the next page; null on an empty page.",
  })
  endCursor: string | null;
}

export interface ConnectionShape<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  /** Counted when read (a getter): only a request that selects totalCount pays for the count. */
  readonly totalCount: Promise<number>;
}

/**
 * Builds the XConnection / XEdge pair for a node type; the subclass, `@ObjectType({ description })`,
 * says what the list holds and in which order.
 */
export function Connection<T extends object>(nodeType: ClassType<T>) {
  @ObjectType(`${nodeType.name}Edge`, { description: 'One item of a page, with its position in the list.' })
  class Edge {
    @Field({ description: "The item's position: pass it as `after` to get the items that follow it. Opaque." })
    cursor: string;

    @Field(() => nodeType, { description: 'The item.' })
    node: T;
  }

  @ObjectType()
  abstract class ConnectionClass implements ConnectionShape<T> {
    @Field(() => [Edge], { description: 'The items of this page, in the order of the list.' })
    edges: Edge[];

    @Field(() => PageInfo, { description: 'Whether more items follow, and the cursors to get them.' })
    pageInfo: PageInfo;

    @Field(() => Int, {
      description:
        'How many items the whole list has with its filter (every page): one count in SQL, made only when asked for.',
    })
    readonly totalCount: Promise<number>;
  }
  return ConnectionClass;
}

/** A user's text matched literally inside LIKE/ILIKE patterns (no wildcards of their own). */
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A filter's text, refused above `max` characters (a long pattern is no search, only work). */
export function filterText(value: string | null | undefined, name: string, max: number): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (value.length > max) badInput(`filter.${name} must be at most ${max} characters`, 'filter');
  return value;
}

/**
 * The database id a list filter compares with, from the global id the caller sent: a malformed id,
 * or one of another type, is refused (BAD_USER_INPUT) rather than matching nothing. `noun`: "an order".
 */
export function filterId(globalId: string, type: NodeType, name: string, noun: string): string {
  return localId(globalId, type) ?? badInput(`filter.${name} is not ${noun} id`, 'filter');
}

/** A filter's search text (refused outside SEARCH_LENGTH), escaped and wrapped for ILIKE '%…%'. */
export function searchPattern(value: string | null | undefined, name = 'search'): string | undefined {
  const text = filterText(value?.trim(), name, SEARCH_LENGTH.max);
  if (!text) return undefined;
  if (!searchable(text))
    badInput(
      `filter.${name} must be at least ${SEARCH_LENGTH.min} characters (a shorter pattern would read every row)`,
      'filter',
    );
  return `%${escapeLike(text)}%`;
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export function badInput(message: string, argument: string): never {
  throw new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', argumentName: argument } });
}

export type KeyKind = 'uuid' | 'timestamp' | 'text' | 'bigint';
export interface Keyset<T> {
  /** SQL expressions of the sort key, most significant first, e.g. ["o.created_at", "o.id"]. */
  columns: string[];
  kinds: KeyKind[];
  direction: 'ASC' | 'DESC';
  values: (row: T) => (string | Date)[];
  /**
   * What an edge's cursor holds when not the sort key itself (a feed whose cursors name the row, e.g.
   * orderEvents); the caller then turns an incoming cursor into the sort key before paginating.
   */
  cursorValues?: (row: T) => (string | Date)[];
}

/**
 * A timestamp as encodeCursor writes it (toISOString, years 1–9999): anything Date.parse merely accepts
 * (+275760-…, 2024-02-30, time zones PostgreSQL refuses) would reach the query and fail there.
 */
const isCursorTimestamp = (v: string) =>
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(v) && !v.startsWith('0000') && new Date(v).toISOString() === v;

const CHECKS: Record<KeyKind, (v: unknown) => boolean> = {
  uuid: (v) => typeof v === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v),
  timestamp: (v) => typeof v === 'string' && isCursorTimestamp(v),
  // PostgreSQL text cannot hold NUL characters.
  text: (v) => typeof v === 'string' && v.length < 500 && !v.includes('\u0000'),
  bigint: (v) => typeof v === 'string' && /^\d{1,18}$/.test(v),
};

export function encodeCursor(values: (string | Date)[]): string {
  return Buffer.from(JSON.stringify(values.map((v) => (v instanceof Date ? v.toISOString() : v)))).toString(
    'base64url',
  );
}

export function decodeCursor(cursor: string, kinds: KeyKind[]): string[] {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    values = null;
  }
  if (!Array.isArray(values) || values.length !== kinds.length || !values.every((v, i) => CHECKS[kinds[i]](v))) {
    badInput('`after` is not a cursor from this list', 'after');
  }
  return values as string[];
}

export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (first < 1 || first > MAX_PAGE_SIZE) badInput(`\`first\` must be between 1 and ${MAX_PAGE_SIZE}`, 'first');
  return first;
}

function connectionOf<T>(
  rows: T[],
  first: number,
  keyset: Keyset<T>,
  after: string | null | undefined,
  count: () => Promise<number>,
): ConnectionShape<T> {
  const page = rows.slice(0, first);
  const cursorOf = keyset.cursorValues ?? keyset.values;
  const edges = page.map((node) => ({ cursor: encodeCursor(cursorOf(node)), node }));
  // A first page that is the whole list needs no count.
  const whole = !after && rows.length <= first;
  let counted: Promise<number> | undefined;
  return {
    edges,
    pageInfo: Object.assign(new PageInfo(), {
      hasNextPage: rows.length > first,
      hasPreviousPage: Boolean(after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    }),
    get totalCount() {
      return (counted ??= whole ? Promise.resolve(page.length) : count());
    },
  };
}

const SQL_TYPES: Record<KeyKind, string> = { uuid: 'uuid', timestamp: 'timestamptz', text: 'text', bigint: 'bigint' };

/**
 * Keyset pagination in hand-written SQL, for the lists read most (orders): the same cursors as
 * `paginate`, one statement, rows built straight from pg's values (no query builder per request).
 * `where` are SQL conditions on `alias` using $1…$n of `params`; keyset.columns are SQL columns here
 * (e.g. "o.created_at"). The cursor's values are cast to the key's SQL types, so the row comparison
 * `(created_at, id) < ($1, $2)` is an index condition on an index of the key.
 */
export async function paginateRows<T extends ObjectLiteral>(
  ds: DataSource,
  shape: RowShape<T>,
  alias: string,
  filter: { where: string[]; params: unknown[] },
  keyset: Keyset<T>,
  args: { first?: number | null; after?: string | null },
): Promise<ConnectionShape<T>> {
  const first = pageSize(args.first);
  const where = [...filter.where];
  const params = [...filter.params];
  const count = async () => {
    const sql =
      `SELECT count(*)::int AS n FROM ${shape.table} ${alias}` +
      (filter.where.length ? ` WHERE ${filter.where.join(' AND ')}` : '');
    const [{ n }] = await ds.query(sql, filter.params);
    return n as number;
  };
  if (args.after) {
    const values = decodeCursor(args.after, keyset.kinds);
    const placeholders = values.map((v, i) => `$${params.push(v)}::${SQL_TYPES[keyset.kinds[i]]}`);
    where.push(
      `(${keyset.columns.join(', ')}) ${keyset.direction === 'DESC' ? '<' : '>'} (${placeholders.join(', ')})`,
    );
  }
  const sql =
    `SELECT ${shape.select} FROM ${shape.table} ${alias}` +
    (where.length ? ` WHERE ${where.join(' AND ')}` : '') +
    ` ORDER BY ${keyset.columns.map((c) => `${c} ${keyset.direction}`).join(', ')} LIMIT $${params.push(first + 1)}`;
  const rows = await readRows(ds, sql, params);
  return connectionOf(
    rows.map((r) => shape.hydrate(r)),
    first,
    keyset,
    args.after,
    count,
  );
}

/** Keyset pagination: the page after the cursor costs the same wherever it is in the list (no OFFSET). */
export async function paginate<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  keyset: Keyset<T>,
  args: { first?: number | null; after?: string | null },
): Promise<ConnectionShape<T>> {
  const first = pageSize(args.first);
  const counter = qb.clone();
  if (args.after) {
    const values = decodeCursor(args.after, keyset.kinds);
    const params = Object.fromEntries(values.map((v, i) => [`__k${i}`, v]));
    const op = keyset.direction === 'DESC' ? '<' : '>';
    qb.andWhere(`(${keyset.columns.join(', ')}) ${op} (${values.map((_, i) => `:__k${i}`).join(', ')})`, params);
  }
  keyset.columns.forEach((c, i) => (i === 0 ? qb.orderBy(c, keyset.direction) : qb.addOrderBy(c, keyset.direction)));
  const rows = await qb.take(first + 1).getMany();
  return connectionOf(rows, first, keyset, args.after, () => counter.getCount());
}
