import { useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import { blockedAreasQuery } from '../graphql/areas';
import { useLiveListener } from '../../../app/live/useLiveEvents';
import { inCity } from '../components/cities';
import { blockedAreaStream } from '../live/blockedAreaStream';

export function useBlockedAreas(city: string) {
  const { data, previousData, error, refetch } = useQuery(blockedAreasQuery);
  useLiveListener(blockedAreaStream, () => void refetch().catch(() => undefined));
  const shown = data ?? previousData;
  const areas = useMemo(() => (shown?.blockedAreas ?? []).filter((a) => inCity(a.zone, city)), [shown, city]);
  return { areas, loaded: Boolean(shown), error, refresh: () => refetch() };
}
