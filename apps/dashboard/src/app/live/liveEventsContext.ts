import { createContext } from 'react';
import type { LiveConnection } from './liveConnection';
import type { LiveEvents } from './liveEvents';

export const LiveEventsContext = createContext<{ events: LiveEvents; live: LiveConnection } | null>(null);
