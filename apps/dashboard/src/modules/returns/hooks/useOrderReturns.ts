import { useQuery } from '@apollo/client/react';
import { useCan } from '../../auth/hooks/useSession';
import { orderReturnsQuery } from '../graphql/returns';

/** An order's returns, oldest first, with its lines (what may come back) and its complaints (to link). */
export function useOrderReturns(number: string, skip: boolean) {
  const can = useCan();
  const { data, error, refetch } = useQuery(orderReturnsQuery, {
    variables: { number, withComplaints: can('COMPLAINT_READ') },
    skip,
  });
  const order = data?.orderByNumber ?? null;
  return {
    order,
    returns: order?.returns ?? [],
    loaded: Boolean(data),
    error,
    refresh: () => void refetch(),
  };
}
