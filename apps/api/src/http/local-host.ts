import http from 'node:http';
import type { Duplex } from 'node:stream';

/** localhost, 127.0.0.1 or [::1], with any port or none. */
const LOCAL_HOST = /^(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/i;

const REFUSAL =
  'GUARDS=off serves only requests for this machine: the Host header must be localhost, 127.0.0.1 or [::1] (any port)';

/**
 * GUARDS=off turns authentication off and listens on 127.0.0.1 only, but a web page can still reach
 * it through DNS rebinding (its own name, re-pointed at 127.0.0.1): the browser then sends that name
 * as Host. So without guards every HTTP request and WebSocket upgrade whose Host is not this machine
 * is answered 403 before anything else sees it (security review #18).
 */
export function serveLocalHostOnly(server: http.Server): void {
  const emit = server.emit;
  server.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === 'request' || event === 'upgrade') {
      const req = args[0] as http.IncomingMessage;
      if (!LOCAL_HOST.test(req.headers.host ?? '')) {
        if (event === 'request') refuseRequest(args[1] as http.ServerResponse);
        else refuseUpgrade(args[1] as Duplex);
        return true;
      }
    }
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  } as typeof server.emit;
}

function body(): string {
  return JSON.stringify({ errors: [{ message: REFUSAL, extensions: { code: 'FORBIDDEN_HOST' } }] });
}

function refuseRequest(res: http.ServerResponse) {
  const text = body();
  res.writeHead(403, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'x-content-type-options': 'nosniff',
  });
  res.end(text);
}

function refuseUpgrade(socket: Duplex) {
  const text = body();
  socket.once('finish', () => socket.destroy());
  socket.on('error', () => socket.destroy());
  socket.end(
    `HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`,
  );
}
