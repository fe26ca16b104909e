import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * Entities as one JSON array of rows under their column names, for writing many rows of a wide table
 * in one statement: `UPDATE t SET … FROM jsonb_populate_recordset(null::t, $1::jsonb) AS d WHERE t.id = d.id`
 * (PostgreSQL types every value by the table's own row type, so no column needs a cast list).
 */
export function rowsJson<T extends ObjectLiteral>(
  m: EntityManager,
  target: EntityTarget<T>,
  entities: readonly T[],
): string {
  const columns = m.connection.getMetadata(target).columns;
  return JSON.stringify(
    entities.map((e) => {
      const row: Record<string, unknown> = {};
      for (const c of columns) row[c.databaseName] = c.getEntityValue(e) ?? null;
      return row;
    }),
  );
}
