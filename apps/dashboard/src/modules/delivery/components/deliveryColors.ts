import type { CourierState } from '../../../gql/graphql';

export const COURIER_COLOR: Record<CourierState, string> = {
  AVAILABLE: '#1f9d55',
  ON_ROUTE: '#2f6fde',
  OFF_DUTY: '#8a8f98',
};

export const STOP_COLOR = { open: '#3b6ea8', late: '#d0312d', done: '#8a8f98' } as const;
export const ROUTE_COLOR = '#3b6ea8';
export const UNASSIGNED_COLOR = '#9aa0a6';
export const TRAIL_COLOR = '#1f9d55';
/** Districts drawn faintly under everything else: the city's geography over the offline basemap. */
export const ZONE_COLOR = '#b8a98a';
