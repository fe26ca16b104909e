import http from 'node:http';
import { TLSSocket } from 'node:tls';
import { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';
import { plainAddress } from '../common/client-address';
import type { Config } from '../config';
import { LANDING_PAGE_STYLE_HASH } from './landing-page';

/**
 * The headers browsers act on (security review #11), from helmet: nosniff, Referrer-Policy
 * no-referrer, X-Frame-Options DENY, the cross-origin opener and resource policies, and one of three
 * Content-Security-Policies:
 * - pages (the dashboard, its assets, the landing page): only this origin's scripts, styles, images
 *   and connections (the WebSocket too), nothing inline but the landing page's hashed style, never
 *   framed. The built dashboard has no inline script or style (apps/dashboard/dist/index.html);
 * - API answers (/graphql, /health): load nothing, never framed;
 * - Apollo's explorer page (GET /graphql from a browser, introspection on): never framed; the page
 *   brings its own policy for the scripts it loads from Apollo's CDN.
 * Strict-Transport-Security only on requests that came over TLS: on the socket, or through a proxy
 * trusted by TRUST_PROXY that says so with X-Forwarded-Proto (browsers ignore it over HTTP anyway).
 */
/** The origin of the map tile server (VITE_TILE_URL, e.g. https://{s}.tile.example.com/{z}/{x}/{y}.png), as CSP sources. */
export function tileSources(tileUrl: string | undefined): string[] {
  if (!tileUrl) return [];
  const m = /^(https?):\/\/([^/]+)/.exec(tileUrl);
  if (!m) return [];
  // Leaflet's {s} subdomain placeholder becomes a wildcard host part.
  return [`${m[1]}://${m[2].replace(/\{s\}/g, '*')}`];
}

export function securityHeaders(config: Pick<Config, 'trustProxy' | 'tileUrl'>): RequestHandler {
  const common = {
    strictTransportSecurity: false,
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  } as const;
  const page = helmet({
    ...common,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        // 'self' covers ws: and wss: on this host in CSP Level 3 browsers; the explicit forms are for the others.
        connectSrc: ["'self'", (req) => sameHostSockets(req)],
        fontSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        // data: for proof-of-delivery images; the map's tile server when the dashboard was built with one.
        imgSrc: ["'self'", 'data:', ...tileSources(config.tileUrl)],
        objectSrc: ["'none'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", `'${LANDING_PAGE_STYLE_HASH}'`],
      },
    },
  });
  const api = helmet({
    ...common,
    contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
  });
  const explorer = helmet({
    ...common,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: helmet.contentSecurityPolicy.dangerouslyDisableDefaultSrc,
        frameAncestors: ["'none'"],
      },
    },
  });
  const hsts = helmet.strictTransportSecurity({ maxAge: 365 * 24 * 3600, includeSubDomains: true });

  return (req: Request, res: Response, next: NextFunction) => {
    const isApi =
      req.path.startsWith('/health') ||
      req.path === '/metrics' ||
      req.path === '/graphql' ||
      req.path.startsWith('/graphql/');
    const headers = !isApi ? page : req.method === 'GET' && req.accepts(['json', 'html']) === 'html' ? explorer : api;
    headers(req, res, (err?: unknown) => {
      if (err) return next(err);
      if (overTls(req, config)) return hsts(req, res, next);
      next();
    });
  };
}

/** The WebSocket origins of the host the browser asked for, when its Host header is a plain host[:port]. */
function sameHostSockets(req: http.IncomingMessage): string {
  const host = req.headers.host ?? '';
  return /^([a-z0-9.-]+|\[[0-9a-f:.]+\])(:\d{1,5})?$/i.test(host) ? `ws://${host} wss://${host}` : '';
}

function overTls(req: Request, config: Pick<Config, 'trustProxy'>): boolean {
  if ((req.socket as TLSSocket).encrypted) return true;
  const peer = plainAddress(req.socket.remoteAddress);
  if (!peer || !config.trustProxy(peer, 0)) return false;
  // The nearest proxy's word: the last value when several proxies appended theirs.
  const proto = String(req.headers['x-forwarded-proto'] ?? '')
    .split(',')
    .pop()!
    .trim()
    .toLowerCase();
  return proto === 'https';
}
