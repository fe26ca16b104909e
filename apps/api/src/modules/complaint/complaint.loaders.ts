import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { byIdLoader, childrenLoader } from '../../common/loaders';
import { Complaint, ComplaintEvent } from './complaint.entity';

/** Complaints, an order's complaints and a complaint's history: one statement per kind. */
export function complaintLoaders(ds: DataSource, cache: boolean) {
  return {
    complaint: byIdLoader(ds, Complaint, cache),
    complaintsOfOrder: childrenLoader(ds, Complaint, 'order_id', (c) => c.orderId!, 't.opened_at, t.id', cache),
    /** Owners' names only (never their credentials). */
    complaintOwner: new DataLoader<string, { id: string; name: string } | null>(
      async (ids) => {
        const rows: { id: string; name: string }[] = await ds.query(
          `SELECT id, name FROM staff_user WHERE id = ANY($1::uuid[])`,
          [ids],
        );
        const byId = new Map(rows.map((r) => [r.id, r]));
        return ids.map((id) => byId.get(id) ?? null);
      },
      { cache },
    ),
    complaintEvents: childrenLoader(ds, ComplaintEvent, 'complaint_id', (e) => e.complaintId, 't.sequence', cache),
  };
}
