import { useContext, useEffect, useRef, useSyncExternalStore } from 'react';
import { LiveEventsContext } from './liveEventsContext';
import type { LinkSnapshot } from './liveConnection';
import type { LiveEventsSnapshot, LiveOrderEvent, LiveStockAlert } from './liveEvents';

function useHub() {
  const ctx = useContext(LiveEventsContext);
  if (!ctx) throw new Error('useLiveEvents outside LiveEventsProvider');
  return ctx;
}

/** The live link's state, for the indicator in the top bar. */
export function useLinkState(): LinkSnapshot {
  const { live } = useHub();
  return useSyncExternalStore(live.subscribe, live.getSnapshot);
}

/** Recent order events and stock alerts, and whether a catch-up is running. */
export function useLiveSnapshot(): LiveEventsSnapshot {
  const { events } = useHub();
  return useSyncExternalStore(events.subscribe, events.getSnapshot);
}

/** Calls `listener` with each batch of new order events (live, or replayed after a reconnect). */
export function useOrderEventListener(listener: (events: LiveOrderEvent[]) => void) {
  const { events } = useHub();
  const ref = useRef(listener);
  ref.current = listener;
  useEffect(() => events.onOrderEvents((batch) => ref.current(batch)), [events]);
}

export function useStockAlertListener(listener: (alerts: LiveStockAlert[]) => void) {
  const { events } = useHub();
  const ref = useRef(listener);
  ref.current = listener;
  useEffect(() => events.onStockAlerts((batch) => ref.current(batch)), [events]);
}
