import { useQuery } from '@apollo/client/react';
import { useCan } from '../../auth/hooks/useSession';
import { useLiveListener } from '../../../app/live/useLiveEvents';
import { returnRequestQuery } from '../graphql/returns';
import { returnStream } from '../live/returnStream';

/** What of a return the user may see beyond it: the replacement order (ORDER_READ) and the trace (PURCHASING_READ). */
export function useReturnScope() {
  const can = useCan();
  return { withOrders: can('ORDER_READ'), withPurchasing: can('PURCHASING_READ') };
}

/** One return with its lines, outcome and history; read again when it changes (someone else may act on it). */
export function useReturn(id: string) {
  const scope = useReturnScope();
  const { data, error, loading, refetch } = useQuery(returnRequestQuery, { variables: { id, ...scope } });
  const r = data?.returnRequest;
  // Someone else's step (or this tab's own, come back live): the history and outcome are read again.
  useLiveListener(returnStream, (events) => {
    if (r && events.some((e) => e.id === r.id)) void refetch().catch(() => undefined);
  });
  return {
    returnRequest: r,
    error,
    loading,
    refresh: () => void refetch(),
  };
}
