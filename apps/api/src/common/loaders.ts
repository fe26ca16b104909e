import DataLoader from 'dataloader';
import { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { readRows, rowShape } from './rows';

/*
 * Per-request batching: every relation in one response costs one statement per kind, not one per
 * row. Each module declares its loaders in `<module>.loaders.ts` with these helpers; app/loaders.ts
 * merges them into ctx.loaders. Subscriptions pass cache: false, because one subscription lives long
 * and must see fresh rows (live results get per-event loaders instead, see live execution).
 */

/** Entities by id, one `= ANY($1)` statement per batch, through the compiled row shape. */
export function byIdLoader<T extends ObjectLiteral & { id: string }>(
  ds: DataSource,
  entity: EntityTarget<T>,
  cache: boolean,
): DataLoader<string, T | null> {
  const s = rowShape(ds, entity, 't');
  return new DataLoader<string, T | null>(
    async (ids) => {
      const rows = await readRows(ds, `SELECT ${s.select} FROM ${s.table} t WHERE t.id = ANY($1::uuid[])`, [ids]);
      const map = new Map(rows.map((r) => s.hydrate(r)).map((e) => [e.id, e]));
      return ids.map((id) => map.get(id) ?? null);
    },
    { cache },
  );
}

/** Rows of many parents, grouped by parent in the order of `parentIds` (rows arrive sorted). */
export function groupByParent<T>(parentIds: readonly string[], rows: T[], parentOf: (row: T) => string): T[][] {
  const groups = new Map<string, T[]>(parentIds.map((id) => [id, []]));
  for (const r of rows) groups.get(parentOf(r))?.push(r);
  return parentIds.map((id) => groups.get(id)!);
}

/** Rows of `entity` whose `column` is one of the keys, grouped by key, ordered by `order`. */
export function childrenLoader<T extends ObjectLiteral>(
  ds: DataSource,
  entity: EntityTarget<T>,
  column: string,
  parentOf: (row: T) => string,
  order: string,
  cache: boolean,
): DataLoader<string, T[]> {
  const s = rowShape(ds, entity, 't');
  return new DataLoader<string, T[]>(
    async (ids) => {
      const rows = await readRows(
        ds,
        `SELECT ${s.select} FROM ${s.table} t WHERE t.${column} = ANY($1::uuid[]) ORDER BY t.${column}, ${order}`,
        [ids],
      );
      return groupByParent(
        ids,
        rows.map((r) => s.hydrate(r)),
        parentOf,
      );
    },
    { cache },
  );
}
