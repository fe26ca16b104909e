import { useCallback, useContext, useEffect, useRef, useSyncExternalStore } from 'react';
import { LiveEventsContext } from './liveEventsContext';
import type { LinkSnapshot } from './liveConnection';
import type { CatchUpState } from './liveEvents';
import type { LiveStream } from './liveStream';

const NONE: readonly never[] = [];

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

/** Whether a catch-up is running, and how the last one went. */
export function useCatchUpState(): CatchUpState {
  const { events } = useHub();
  return useSyncExternalStore(events.subscribe, () => events.getSnapshot().catchUp);
}

/** The stream's recent events, as its feed keeps them (empty when the user may not read the stream). */
export function useLiveFeed<TEvent>(stream: LiveStream<TEvent>): readonly TEvent[] {
  const { events } = useHub();
  const read = useCallback(
    () => (events.getSnapshot().feeds[stream.name] ?? NONE) as readonly TEvent[],
    [events, stream.name],
  );
  return useSyncExternalStore(events.subscribe, read);
}

/** Calls `listener` with each batch of new events of the stream (live, or replayed after a reconnect). */
export function useLiveListener<TEvent>(stream: LiveStream<TEvent>, listener: (events: TEvent[]) => void) {
  const { events } = useHub();
  const ref = useRef(listener);
  ref.current = listener;
  useEffect(() => events.on(stream, (batch) => ref.current(batch)), [events, stream]);
}
