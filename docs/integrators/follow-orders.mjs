/* global process, console, fetch, setTimeout */
/**
 * Follows every order's events live over graphql-ws (README, "For integrators"). After each (re)connection
 * it re-reads what happened meanwhile with orderEvents(after:), so nothing is missed.
 *
 *   API_KEY=fk_… node docs/integrators/follow-orders.mjs [--json]
 *
 * API_URL: default http://localhost:4000/graphql (the WebSocket is on the same path). `--json` prints
 * one JSON line per event.
 */
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const API_URL = process.env.API_URL ?? 'http://localhost:4000/graphql';
if (!process.env.API_KEY) {
  console.error('Set API_KEY to an API key with orders:read (quickstart.mjs setup makes one)');
  process.exit(2);
}
const authorization = `Bearer ${process.env.API_KEY}`;
const json = process.argv.includes('--json');
const EVENT = 'id sequence type fromStatus toStatus reason createdAt order { id number }';

/** Event ids printed: the live feed and a catch-up may both bring one. */
const printed = new Set();
function print(event, via) {
  if (printed.has(event.id)) return;
  printed.add(event.id);
  if (json) return console.log(JSON.stringify({ via, ...event }));
  const reason = event.reason ? ` (${event.reason})` : '';
  console.log(`${event.order.number} #${event.sequence} ${event.fromStatus ?? '—'} → ${event.toStatus}${reason}`);
}

/** Where the order event log has been read up to: an orderEvents cursor. */
let cursor = null;

/** Reads the event log from the cursor to its end; prints what it finds, or only moves the cursor. */
async function readEventLog({ quiet }) {
  for (;;) {
    const res = await fetch(API_URL, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
      body: JSON.stringify({
        query: `query ($after: String) {
          orderEvents(first: 100, after: $after) { edges { node { ${EVENT} } } pageInfo { hasNextPage endCursor } }
        }`,
        variables: { after: cursor },
      }),
    });
    const { data, errors } = await res.json();
    if (errors) throw new Error(errors[0].message);
    if (!quiet) data.orderEvents.edges.forEach((e) => print(e.node, 'catch-up'));
    cursor = data.orderEvents.pageInfo.endCursor ?? cursor;
    if (!data.orderEvents.pageInfo.hasNextPage) return;
  }
}

let following = false;
/** Once the (re-)sent subscription is in place (a second is plenty), reads what the live feed missed. */
function catchUp() {
  setTimeout(async () => {
    try {
      await readEventLog({ quiet: false });
    } catch (e) {
      return console.error(`catch-up failed: ${e.message}`);
    }
    if (following) return;
    following = true;
    console.log(
      json ? JSON.stringify({ following: API_URL }) : `Following order events at ${API_URL} (Ctrl-C to stop)`,
    );
  }, 1000);
}

const client = createClient({
  url: API_URL.replace(/^http/, 'ws'),
  webSocketImpl: WebSocket,
  connectionParams: { authorization },
  retryAttempts: Infinity,
  on: {
    // After the first connection too: events between reading the log and subscribing are not lost.
    connected: catchUp,
    closed: (e) => console.error(`connection lost (${e?.code ?? 'error'}), reconnecting…`),
  },
});

// Where the event log ends now: catch-ups start there (a real client stores its cursor instead).
await readEventLog({ quiet: true });
client.subscribe(
  { query: `subscription { orderStatusChanged { ${EVENT} } }` },
  {
    next: ({ data, errors }) => (errors ? console.error(errors[0].message) : print(data.orderStatusChanged, 'live')),
    error: (e) => console.error('subscription failed:', e),
    complete: () => process.exit(0),
  },
);
