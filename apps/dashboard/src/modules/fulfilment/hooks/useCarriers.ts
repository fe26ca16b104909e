import { useQuery } from '@apollo/client/react';
import { carriersQuery } from '../graphql/shipments';

/** The carriers taking shipments, by code (a short list, read once per page). */
export function useCarriers(skip = false) {
  const { data, loading, error } = useQuery(carriersQuery, { fetchPolicy: 'cache-first', skip });
  return { carriers: data?.carriers ?? [], loading, error };
}
