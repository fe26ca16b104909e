import { useEffect, useState, type ReactNode } from 'react';
import type { AppApolloClient } from '../apollo';
import type { LiveConnection } from './liveConnection';
import { LiveEvents } from './liveEvents';
import { LiveEventsContext } from './liveEventsContext';
import type { LiveStream } from './liveStream';

interface Props {
  client: AppApolloClient;
  live: LiveConnection;
  /** The streams to open; a new list (by identity) reopens them all. */
  streams: readonly LiveStream[];
  onAuthRejected: () => Promise<boolean>;
  children: ReactNode;
}

export function LiveEventsProvider({ client, live, streams, onAuthRejected, children }: Props) {
  const [events, setEvents] = useState<LiveEvents | null>(null);
  useEffect(() => {
    const hub = new LiveEvents(client, live, { streams, onAuthRejected });
    hub.start();
    setEvents(hub);
    return () => hub.stop();
    // onAuthRejected is stable for a session; the hub lives as long as its client.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, live, streams]);
  if (!events) return null;
  return <LiveEventsContext.Provider value={{ events, live }}>{children}</LiveEventsContext.Provider>;
}
