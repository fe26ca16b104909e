import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutationOutcome } from '../../../app/useMutationOutcome';
import type { ComplaintOutcome, Department, OpenComplaintInput, RootCause } from '../../../gql/graphql';
import {
  acknowledgeComplaintMutation,
  assignComplaintMutation,
  openComplaintMutation,
  reopenComplaintMutation,
  resolveComplaintMutation,
  updateComplaintStatusMutation,
} from '../graphql/complaints';

/** Complaints this tab changed, and when: their own live echo is not news (see useComplaint). */
const changedHere = new Map<string, number>();
export function changedHereRecently(complaintId: string, withinMs = 10_000) {
  return Date.now() - (changedHere.get(complaintId) ?? 0) < withinMs;
}
const mark = (complaintId: string): true => {
  changedHere.set(complaintId, Date.now());
  return true;
};

export type ComplaintAction =
  'open' | 'acknowledge' | 'assign' | 'investigate' | 'wait' | 'resolve' | 'close' | 'reopen';

/** The complaint mutations; `busy` says which one is running, `failure` what the open dialog shows. */
export function useComplaintActions(number?: string) {
  const { t } = useTranslation();
  const { run, busy, failure, clearFailure } = useMutationOutcome();
  const [action, setAction] = useState<ComplaintAction | null>(null);
  const begin = (a: ComplaintAction) => {
    setAction(a);
    return (payload: { complaint?: { number: string } | null }) =>
      t(`complaints.actions.${a}Done`, { number: payload.complaint?.number ?? number ?? '' });
  };
  const step = (complaintId: string, status: 'INVESTIGATING' | 'WAITING_ON_CUSTOMER' | 'CLOSED', reason?: string) =>
    mark(complaintId) &&
    run({
      mutation: updateComplaintStatusMutation,
      variables: { input: { complaintId, status, reason: reason || undefined } },
      success: begin(status === 'INVESTIGATING' ? 'investigate' : status === 'CLOSED' ? 'close' : 'wait'),
    });

  return {
    busy: busy ? action : null,
    failure,
    clearFailure,
    open: async (input: OpenComplaintInput) => {
      let opened: string | null = null;
      const done = begin('open');
      const ok = await run({
        mutation: openComplaintMutation,
        variables: { input },
        success: (p) => {
          opened = p.complaint?.id ?? null;
          return done(p);
        },
      });
      return ok ? opened : null;
    },
    acknowledge: (complaintId: string, note?: string) =>
      mark(complaintId) &&
      run({
        mutation: acknowledgeComplaintMutation,
        variables: { input: { complaintId, note: note || undefined } },
        success: begin('acknowledge'),
      }),
    assign: (complaintId: string, ownerId: string, department?: Department) =>
      mark(complaintId) &&
      run({
        mutation: assignComplaintMutation,
        variables: { input: { complaintId, ownerId, department } },
        success: begin('assign'),
      }),
    investigate: (complaintId: string, reason?: string) => step(complaintId, 'INVESTIGATING', reason),
    wait: (complaintId: string, reason?: string) => step(complaintId, 'WAITING_ON_CUSTOMER', reason),
    close: (complaintId: string, reason?: string) => step(complaintId, 'CLOSED', reason),
    resolve: (complaintId: string, rootCause: RootCause | null, outcome: ComplaintOutcome | null, note: string) =>
      mark(complaintId) &&
      run({
        mutation: resolveComplaintMutation,
        variables: { input: { complaintId, rootCause, outcome, note } },
        success: begin('resolve'),
      }),
    reopen: (complaintId: string, reason: string) =>
      mark(complaintId) &&
      run({
        mutation: reopenComplaintMutation,
        variables: { input: { complaintId, reason } },
        success: begin('reopen'),
      }),
  };
}
