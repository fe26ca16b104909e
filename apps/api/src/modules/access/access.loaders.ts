import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';

export function accessLoaders(ds: DataSource, cache: boolean) {
  return {
    /** Staff display names by lower-case e-mail (the sign-in name recorded as an actor). */
    staffName: new DataLoader<string, string | null>(
      async (emails) => {
        const rows: { email: string; name: string }[] = await ds.query(
          `SELECT lower(email) AS email, name FROM staff_user WHERE lower(email) = ANY($1::text[])`,
          [emails],
        );
        const names = new Map(rows.map((r) => [r.email, r.name]));
        return emails.map((e) => names.get(e) ?? null);
      },
      { cache },
    ),
  };
}
