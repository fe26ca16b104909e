import { useQuery } from '@apollo/client/react';
import { myCourierQuery } from '../graphql/courier';

/** The signed-in courier with its open runs; read again every 30 s, so a dispatcher's change shows up. */
export function useMyCourier() {
  const { data, error, refetch } = useQuery(myCourierQuery, { pollInterval: 30_000 });
  return {
    courier: data?.myCourier ?? null,
    loaded: Boolean(data),
    error,
    refresh: () => void refetch().catch(() => undefined),
  };
}
