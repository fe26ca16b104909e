import { useQuery } from '@apollo/client/react';
import { useLiveListener } from '../../../app/live/useLiveEvents';
import { useCan } from '../../auth/hooks/useSession';
import { orderReturnsQuery } from '../graphql/returns';
import { returnStream } from '../live/returnStream';

/** An order's returns, oldest first, with its lines (what may come back) and its complaints (to link); live. */
export function useOrderReturns(number: string, skip: boolean) {
  const can = useCan();
  const { data, error, refetch } = useQuery(orderReturnsQuery, {
    variables: { number, withComplaints: can('COMPLAINT_READ') },
    skip,
  });
  const order = data?.orderByNumber ?? null;
  // A return of this order changed (here or elsewhere): its list and return state are read again.
  useLiveListener(returnStream, (events) => {
    if (order && events.some((e) => e.order?.id === order.id)) void refetch().catch(() => undefined);
  });
  return {
    order,
    returns: order?.returns ?? [],
    loaded: Boolean(data),
    error,
    refresh: () => void refetch(),
  };
}
