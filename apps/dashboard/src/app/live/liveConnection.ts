import { createClient, type Client } from 'graphql-ws';

/**
 * The state of the live link (graphql-ws on /graphql), as the top bar shows it.
 * connecting: first connection; online: subscriptions flow; reconnecting: lost, retrying by itself;
 * offline: the browser has no network or several retries failed (still retrying).
 */
export type LinkState = 'connecting' | 'online' | 'reconnecting' | 'offline';

export interface LinkSnapshot {
  state: LinkState;
  /** Failed attempts since the link was last online. */
  attempt: number;
  /** When the link last went down (ms since epoch), null while online or before the first connection. */
  downSince: number | null;
}

export interface LiveConnection {
  readonly client: Client;
  getSnapshot(): LinkSnapshot;
  subscribe(listener: () => void): () => void;
  /** Called each time the link is back after having been down (not on the first connection). */
  onReconnected(listener: (downSince: number) => void): () => void;
  /** The close code of the last lost connection (4401: the token expired, 4403: access revoked). */
  lastCloseCode(): number | null;
  /** Reconnects with the current token (after a renewal), keeping every subscription. */
  restart(): void;
  dispose(): void;
}

const PONG_TIMEOUT_MS = 5_000;
const KEEP_ALIVE_MS = 10_000;
const MAX_RETRY_WAIT_MS = 15_000;

function webSocketUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss' : 'ws'}://${host}/graphql`;
}

export function createLiveConnection(getToken: () => string | null): LiveConnection {
  let snapshot: LinkSnapshot = { state: 'connecting', attempt: 0, downSince: null };
  let everConnected = false;
  let socket: WebSocket | null = null;
  let pongTimer: ReturnType<typeof setTimeout> | undefined;
  let closeCode: number | null = null;
  let disposed = false;
  const listeners = new Set<() => void>();
  const reconnectListeners = new Set<(downSince: number) => void>();

  const set = (next: Partial<LinkSnapshot>) => {
    snapshot = { ...snapshot, ...next };
    if (snapshot.state !== 'online' && !navigator.onLine) snapshot = { ...snapshot, state: 'offline' };
    listeners.forEach((l) => l());
  };

  const wentDown = () => {
    const attempt = snapshot.attempt + 1;
    set({
      state: !everConnected ? 'connecting' : attempt > 3 ? 'offline' : 'reconnecting',
      attempt,
      downSince: snapshot.downSince ?? Date.now(),
    });
  };

  const client = createClient({
    url: webSocketUrl(),
    lazy: true,
    lazyCloseTimeout: 5_000,
    keepAlive: KEEP_ALIVE_MS,
    retryAttempts: Number.POSITIVE_INFINITY,
    // Retry on anything (lost network, server restart, proxy hiccup); auth failures end in a
    // 4401/4403 close that graphql-ws treats as fatal and the live events layer handles.
    shouldRetry: () => true,
    retryWait: async (retries) => {
      const base = Math.min(1_000 * 2 ** retries, MAX_RETRY_WAIT_MS);
      await new Promise((resolve) => setTimeout(resolve, base / 2 + Math.random() * (base / 2)));
    },
    connectionParams: () => {
      const token = getToken();
      return token ? { authorization: `Bearer ${token}` } : {};
    },
    on: {
      opened: (s) => {
        socket = s as WebSocket;
      },
      connected: () => {
        const downSince = snapshot.downSince;
        closeCode = null;
        set({ state: 'online', attempt: 0, downSince: null });
        if (everConnected && downSince !== null) reconnectListeners.forEach((l) => l(downSince));
        everConnected = true;
      },
      closed: (event) => {
        socket = null;
        clearTimeout(pongTimer);
        const code = (event as CloseEvent | undefined)?.code;
        if (typeof code === 'number') closeCode = code;
        if (!disposed) wentDown();
      },
      error: () => {
        if (!disposed && snapshot.state === 'online') wentDown();
      },
      // A ping without a pong within a few seconds means the socket is dead though not closed
      // (sleeping laptop, changed network): close it so graphql-ws reconnects.
      ping: (received) => {
        if (received) return;
        clearTimeout(pongTimer);
        pongTimer = setTimeout(() => {
          if (socket?.readyState === WebSocket.OPEN) socket.close(4408, 'Pong timeout');
        }, PONG_TIMEOUT_MS);
      },
      pong: (received) => {
        if (received) clearTimeout(pongTimer);
      },
    },
  });

  const onNetworkChange = () => {
    if (!navigator.onLine) set({ state: 'offline', downSince: snapshot.downSince ?? Date.now() });
    else if (socket?.readyState === WebSocket.OPEN) socket.close(4205, 'Network changed');
    else set({});
  };
  window.addEventListener('online', onNetworkChange);
  window.addEventListener('offline', onNetworkChange);

  return {
    client,
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onReconnected(listener) {
      reconnectListeners.add(listener);
      return () => reconnectListeners.delete(listener);
    },
    lastCloseCode: () => closeCode,
    restart() {
      // 4205 is not a fatal close code: graphql-ws reconnects and resubscribes by itself.
      if (socket?.readyState === WebSocket.OPEN) socket.close(4205, 'Client restart');
    },
    dispose() {
      disposed = true;
      clearTimeout(pongTimer);
      window.removeEventListener('online', onNetworkChange);
      window.removeEventListener('offline', onNetworkChange);
      listeners.clear();
      reconnectListeners.clear();
      void client.dispose();
    },
  };
}
