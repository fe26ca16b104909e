import { useQuery } from '@apollo/client/react';
import { useCan } from '../../auth/hooks/useSession';
import { usePolling } from '../../notifications/hooks/usePolling';
import { returnRequestQuery } from '../graphql/returns';

/** Returns have no live stream: an open return is read again this often while it is shown. */
const POLL_MS = 15_000;

/** What of a return the user may see beyond it: the replacement order (ORDER_READ) and the trace (PURCHASING_READ). */
export function useReturnScope() {
  const can = useCan();
  return { withOrders: can('ORDER_READ'), withPurchasing: can('PURCHASING_READ') };
}

/** One return with its lines, outcome and history; read again while it is open (someone else may act on it). */
export function useReturn(id: string) {
  const scope = useReturnScope();
  const { data, error, loading, refetch } = useQuery(returnRequestQuery, { variables: { id, ...scope } });
  const r = data?.returnRequest;
  const settled = r ? ['RESOLVED', 'REJECTED', 'CANCELLED'].includes(r.status) : false;
  usePolling(() => void refetch().catch(() => undefined), POLL_MS, Boolean(r) && !settled);
  return {
    returnRequest: r,
    error,
    loading,
    refresh: () => void refetch(),
  };
}
