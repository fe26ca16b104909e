/**
 * A PostgreSQL array literal (`{1,2,NULL}`) of values that need no quoting: numbers and uuids. For the
 * `$n::int[]` / `$n::uuid[]` parameters of bulk writes: node-postgres quotes and escapes every element of
 * an array parameter, which for tens of thousands of values costs more than the insert itself (bench 9).
 */
export function arrayLiteral(values: readonly (number | string | null | undefined)[]): string {
  return `{${values.map((v) => (v === null || v === undefined ? 'NULL' : v)).join(',')}}`;
}
