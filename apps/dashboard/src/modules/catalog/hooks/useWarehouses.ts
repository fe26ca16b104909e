import { useQuery } from '@apollo/client/react';
import { warehousesQuery } from '../graphql/catalog';

/** Warehouses and delivery stations, by code (for filters and labels). */
export function useWarehouses() {
  const { data, loading, error } = useQuery(warehousesQuery, { fetchPolicy: 'cache-first' });
  return { warehouses: data?.warehouses.edges.map((e) => e.node) ?? [], loading, error };
}
