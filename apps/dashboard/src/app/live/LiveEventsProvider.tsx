import { useEffect, useState, type ReactNode } from 'react';
import type { AppApolloClient } from '../apollo';
import type { LiveConnection } from './liveConnection';
import { LiveEvents } from './liveEvents';
import { LiveEventsContext } from './liveEventsContext';

interface Props {
  client: AppApolloClient;
  live: LiveConnection;
  orders: boolean;
  stock: boolean;
  onAuthRejected: () => Promise<boolean>;
  children: ReactNode;
}

export function LiveEventsProvider({ client, live, orders, stock, onAuthRejected, children }: Props) {
  const [events, setEvents] = useState<LiveEvents | null>(null);
  useEffect(() => {
    const hub = new LiveEvents(client, live, { orders, stock, onAuthRejected });
    hub.start();
    setEvents(hub);
    return () => hub.stop();
    // onAuthRejected is stable for a session; the hub lives as long as its client.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, live, orders, stock]);
  if (!events) return null;
  return <LiveEventsContext.Provider value={{ events, live }}>{children}</LiveEventsContext.Provider>;
}
