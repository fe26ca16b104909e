/** PostgreSQL numeric arrives as a string (exact); scores and rates are shown as numbers. */
export const numericColumn = {
  to: (v: number | null) => v,
  from: (v: string | null) => (v === null ? null : Number(v)),
};
