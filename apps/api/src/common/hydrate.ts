import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * Turns a raw row (snake_case columns, as `RETURNING *` gives it) into an entity, so a statement that
 * writes and returns in one round trip need not be followed by a read.
 */
export function hydrate<T extends ObjectLiteral>(m: EntityManager, target: EntityTarget<T>, row: Record<string, unknown>): T {
  const meta = m.connection.getMetadata(target);
  const entity = meta.create() as T;
  for (const column of meta.columns) {
    if (column.databaseName in row) column.setEntityValue(entity, row[column.databaseName]);
  }
  return entity;
}
