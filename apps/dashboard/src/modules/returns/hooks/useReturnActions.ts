import { useApolloClient } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../app/format';
import { useMutationOutcome } from '../../../app/useMutationOutcome';
import type { InspectedLineInput, RequestReturnInput } from '../../../gql/graphql';
import {
  approveReturnMutation,
  receiveReturnMutation,
  rejectReturnMutation,
  requestReturnMutation,
} from '../graphql/returns';
import { useReturnScope } from './useReturn';

export type ReturnAction = 'request' | 'approve' | 'reject' | 'receive';

/** Lists that show returns by status, and the order (its returns, and its status once goods come back). */
const AFFECTED = ['ReturnRequests', 'OrderReturns', 'OrderByNumber'];

/** The return mutations; `busy` says which one is running, `failure` what the form or dialog shows. */
export function useReturnActions() {
  const { t } = useTranslation();
  const f = useFormat();
  const client = useApolloClient();
  const scope = useReturnScope();
  const { run, busy, failure, clearFailure } = useMutationOutcome();
  const [action, setAction] = useState<ReturnAction | null>(null);
  const after = (ok: boolean) => {
    if (ok) void client.refetchQueries({ include: AFFECTED }).catch(() => undefined);
    return ok;
  };
  const done = (a: ReturnAction) => (p: { returnRequest?: { number: string } | null }) =>
    t(`returns.actions.${a}Done`, { number: p.returnRequest?.number ?? '' });

  return {
    busy: busy ? action : null,
    failure,
    clearFailure,
    /** Resolves to the new return's id, or null when it was refused. */
    request: async (input: RequestReturnInput) => {
      setAction('request');
      let id: string | null = null;
      const ok = await run({
        mutation: requestReturnMutation,
        variables: { input, ...scope },
        success: (p) => {
          id = p.returnRequest?.id ?? null;
          return done('request')(p);
        },
      });
      return after(ok) ? id : null;
    },
    approve: async (returnId: string) => {
      setAction('approve');
      return after(
        await run({
          mutation: approveReturnMutation,
          variables: { input: { returnId }, ...scope },
          success: done('approve'),
        }),
      );
    },
    reject: async (returnId: string, reason: string) => {
      setAction('reject');
      return after(
        await run({
          mutation: rejectReturnMutation,
          variables: { input: { returnId, reason }, ...scope },
          success: done('reject'),
        }),
      );
    },
    receive: async (returnId: string, lines: InspectedLineInput[]) => {
      setAction('receive');
      return after(
        await run({
          mutation: receiveReturnMutation,
          variables: { input: { returnId, lines }, ...scope },
          success: (p) => {
            const r = p.returnRequest;
            const number = r?.number ?? '';
            if (r?.refund)
              return t('returns.actions.receiveRefunded', { number, amount: f.money(r.refund.amount.fen) });
            if (r?.storeCredit)
              return t('returns.actions.receiveCredited', { number, amount: f.money(r.storeCredit.amount.fen) });
            if (r?.replacementOrder)
              return t('returns.actions.receiveExchanged', { number, order: r.replacementOrder.number });
            return t('returns.actions.receiveDone', { number });
          },
        }),
      );
    },
  };
}
