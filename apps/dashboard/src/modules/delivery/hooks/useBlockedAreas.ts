import { useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import { blockedAreasQuery } from '../graphql/areas';
import { inCity } from '../components/cities';

export function useBlockedAreas(city: string) {
  const { data, previousData, error, refetch } = useQuery(blockedAreasQuery);
  const shown = data ?? previousData;
  const areas = useMemo(() => (shown?.blockedAreas ?? []).filter((a) => inCity(a.zone, city)), [shown, city]);
  return { areas, loaded: Boolean(shown), error, refresh: () => refetch() };
}
