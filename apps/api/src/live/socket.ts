import type http from 'node:http';
import { CloseCode, handleProtocols, makeServer, ServerOptions } from 'graphql-ws';
import type { ExecutionResult } from 'graphql';
import { WebSocket, WebSocketServer } from 'ws';
import { logger } from '../common/logger';

/**
 * graphql-ws on a `ws` server, like graphql-ws/use/ws, with what thousands of subscribers need:
 *
 * - A result shared by many subscribers (see execution.ts) is turned into JSON once, not once
 *   per subscriber: sharedPayload() wraps it, and the message is spliced together when it is sent.
 * - Sending does not wait for each write to finish (a promise and a callback per message); a
 *   connection whose unsent data passes MAX_BUFFERED_BYTES is closed instead, and its client
 *   reconnects and re-reads what it missed, as after any disconnect.
 * - Keep-alive: one timer per connection and a flag, not a timer and a listener per ping. A
 *   connection that did not answer the previous ping by the next one is dropped.
 */

/** Unsent bytes a connection may have before it is closed as too slow. */
export const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;
/**
 * Close code "try again later", which clients retry: for a too slow connection, and for every
 * connection when live events were interrupted (see live-server.ts).
 */
export const TRY_AGAIN_LATER = 1013;

const MARKER = '\u0000shared-payload\u0000';
/** How a message ends when its payload is a shared one: `..."payload":"\u0000shared-payload\u0000"}`. */
const MARKER_END = `"payload":${JSON.stringify(MARKER)}}`;

interface SharedPayload {
  toJSON(): string;
}

const wrappers = new WeakMap<ExecutionResult, SharedPayload>();
const encoded = new WeakMap<SharedPayload, Buffer>();
/** The encoded shared payload the message being built carries; taken by send() right after. */
let spliceNext: Buffer | null = null;
/** `{"id":"<id>","type":"next","payload":` per subscription id (ids are few: "1", "2"…). */
const heads = new Map<string, Buffer>();
const TAIL = Buffer.from('}');

/**
 * Stands in for `result` as a message payload: serialised and encoded once, whoever it is sent to.
 * graphql-ws builds the message with JSON.stringify, which calls toJSON(); send() puts it in.
 */
export function sharedPayload(result: ExecutionResult): SharedPayload {
  let w = wrappers.get(result);
  if (!w) {
    const wrapper: SharedPayload = {
      toJSON() {
        let bytes = encoded.get(wrapper);
        if (bytes === undefined) encoded.set(wrapper, (bytes = Buffer.from(JSON.stringify(result))));
        spliceNext = bytes;
        return MARKER;
      },
    };
    wrappers.set(result, (w = wrapper));
  }
  return w;
}

/** The message as sent: a string, or for a shared payload the bytes of head, payload and tail. Exported for tests. */
export function splice(data: string): string | Buffer {
  const payload = spliceNext;
  spliceNext = null;
  if (payload === null || !data.endsWith(MARKER_END)) return data;
  const headText = `${data.slice(0, data.length - MARKER_END.length)}"payload":`;
  let head = heads.get(headText);
  if (!head) {
    head = Buffer.from(headText);
    if (heads.size < 1000) heads.set(headText, head);
  }
  return Buffer.concat([head, payload, TAIL], head.length + payload.length + 1);
}

export interface LiveSocketExtra {
  socket: WebSocket;
  request: http.IncomingMessage;
}

export function serveGraphqlWs<P extends Record<string, unknown> | undefined, E extends LiveSocketExtra>(
  options: ServerOptions<P, E>,
  wss: WebSocketServer,
  keepAliveMs = 12_000,
): { dispose(): Promise<void> } {
  const server = makeServer<P, E>(options);
  wss.options.handleProtocols = handleProtocols;
  wss.once('error', (err) => {
    logger.error({ err }, 'live WebSocket server failed');
    for (const client of wss.clients) client.close(CloseCode.InternalServerError, 'Internal server error');
  });

  wss.on('connection', (socket, request) => {
    socket.once('error', (err) => {
      logger.warn({ err: err.message }, 'live socket error');
      socket.close(CloseCode.InternalServerError, 'Internal server error');
    });
    let answered = true;
    socket.on('pong', () => (answered = true));
    const keepAlive = setInterval(() => {
      if (socket.readyState !== WebSocket.OPEN) return;
      if (!answered) return void socket.terminate();
      answered = false;
      socket.ping();
    }, keepAliveMs);

    const closed = server.opened(
      {
        protocol: socket.protocol,
        send: (data) => {
          const message = splice(data);
          if (socket.readyState !== WebSocket.OPEN) return;
          if (socket.bufferedAmount > MAX_BUFFERED_BYTES) {
            socket.close(TRY_AGAIN_LATER, 'Too slow: reconnect and re-read missed events');
            return;
          }
          // A text frame, also when the bytes were put together as a Buffer.
          socket.send(message, { binary: false });
        },
        close: (code, reason) => socket.close(code, reason),
        onMessage: (cb) =>
          socket.on('message', async (event) => {
            try {
              await cb(String(event));
            } catch (err) {
              logger.error({ err }, 'live message handling failed');
              socket.close(CloseCode.InternalServerError, 'Internal server error');
            }
          }),
      },
      { socket, request } as E,
    );

    socket.once('close', (code, reason) => {
      clearInterval(keepAlive);
      void closed(code, String(reason));
    });
  });

  return {
    async dispose() {
      for (const client of wss.clients) client.close(1001, 'Going away');
      wss.removeAllListeners();
      await new Promise<void>((resolve, reject) => wss.close((err) => (err ? reject(err) : resolve())));
    },
  };
}
