import { useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import { startOfBusinessDay } from '../../../app/format';
import type { RunRowFragment } from '../../../gql/graphql';
import { deliveryRunsQuery } from '../graphql/runs';
import { inCity } from '../components/cities';
import { useRefetchOnDeliveryEvents } from './useRefetchOnDeliveryEvents';

const ACTIVE = new Set(['PLANNED', 'IN_PROGRESS']);
const RANK: Record<string, number> = { IN_PROGRESS: 0, PLANNED: 1, COMPLETED: 2, CANCELLED: 3 };

/** The city's runs of today and every run still open, open ones first, then by planned start. */
export function useDispatchRuns(city: string) {
  const { data, previousData, error, refetch } = useQuery(deliveryRunsQuery, {
    variables: { first: 100 },
  });
  useRefetchOnDeliveryEvents({ refetch });
  const shown = data ?? previousData;
  const runs = useMemo(() => {
    const today = startOfBusinessDay().getTime();
    const all = shown?.deliveryRuns.edges.map((e) => e.node) ?? [];
    return all
      .filter((r) => inCity(r.zone, city))
      .filter((r) => ACTIVE.has(r.status) || new Date(r.plannedStart).getTime() >= today)
      .sort(
        (a: RunRowFragment, b: RunRowFragment) =>
          RANK[a.status] - RANK[b.status] || a.plannedStart.localeCompare(b.plannedStart),
      );
  }, [shown, city]);
  return { runs, loaded: Boolean(shown), error, refresh: () => void refetch() };
}
