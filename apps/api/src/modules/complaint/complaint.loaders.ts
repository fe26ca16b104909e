import { DataSource } from 'typeorm';
import { byIdLoader, childrenLoader } from '../../common/loaders';
import { StaffUser } from '../access/staff-user.entity';
import { Complaint, ComplaintEvent } from './complaint.entity';

/** Complaints, an order's complaints and a complaint's history: one statement per kind. */
export function complaintLoaders(ds: DataSource, cache: boolean) {
  return {
    complaint: byIdLoader(ds, Complaint, cache),
    complaintsOfOrder: childrenLoader(ds, Complaint, 'order_id', (c) => c.orderId!, 't.opened_at, t.id', cache),
    complaintOwner: byIdLoader(ds, StaffUser, cache),
    complaintEvents: childrenLoader(ds, ComplaintEvent, 'complaint_id', (e) => e.complaintId, 't.sequence', cache),
  };
}
