import http from 'node:http';
import https from 'node:https';
import { Webhook } from 'standardwebhooks';
import type { AttemptResult } from '@fulfilment/domain';
import { guardedLookup, RefusedAddress, refusal } from './webhook-url';

/** One signed POST of an event to an endpoint. */
export interface WebhookRequest {
  url: string;
  /** The webhook-id header (stable for the event). */
  webhookId: string;
  payload: string;
  /** Secrets to sign with: the current one, and the previous one during a rotation. */
  secrets: string[];
}

/** What happened to one attempt. */
export interface AttemptOutcome {
  result: AttemptResult;
  startedAt: Date;
  durationMs: number;
  statusCode: number | null;
  error: string | null;
  responseExcerpt: string | null;
}

const EXCERPT_CHARS = 500;

/** The Standard Webhooks headers for a payload: one v1 signature per secret, space-separated. */
export function signatureHeaders(req: Omit<WebhookRequest, 'url'>, at: Date): Record<string, string> {
  const signature = req.secrets.map((s) => new Webhook(s).sign(req.webhookId, at, req.payload)).join(' ');
  return {
    'webhook-id': req.webhookId,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': signature,
  };
}

/** A Retry-After header as seconds (delta or HTTP date), or null. */
export function retryAfterSeconds(value: string | string[] | undefined): number | null {
  const v = Array.isArray(value) ? value[0] : value;
  if (!v) return null;
  if (/^\d+$/.test(v.trim())) return Number(v.trim());
  const at = Date.parse(v);
  return Number.isNaN(at) ? null : Math.max(0, Math.round((at - Date.now()) / 1000));
}

/**
 * Posts webhooks through agents whose DNS lookup refuses private, loopback and link-local addresses
 * (so a public name pointing inside is refused too), except the allowed ones. Redirects
 * are not followed; an answer's body is read up to an excerpt.
 */
export class WebhookSender {
  private readonly httpAgent: http.Agent;
  private readonly httpsAgent: https.Agent;

  constructor(
    private readonly allowAddresses: string[],
    private readonly timeoutMs: number,
  ) {
    // As many sockets per host as the dispatcher has requests in flight.
    const options = { keepAlive: true, maxSockets: 16, lookup: guardedLookup(allowAddresses) };
    this.httpAgent = new http.Agent(options);
    this.httpsAgent = new https.Agent(options);
  }

  post(req: WebhookRequest): Promise<AttemptOutcome> {
    const startedAt = new Date();
    const started = performance.now();
    const headers = {
      'content-type': 'application/json',
      'user-agent': 'fulfilment-webhooks/1',
      ...signatureHeaders(req, startedAt),
    };
    return new Promise((resolve) => {
      let settled = false;
      const done = (o: Omit<AttemptOutcome, 'startedAt' | 'durationMs'>) => {
        if (settled) return;
        settled = true;
        resolve({ ...o, startedAt, durationMs: Math.round(performance.now() - started) });
      };
      const url = new URL(req.url);
      // An IP literal needs no lookup: checked here.
      const host = url.hostname.replace(/^\[|\]$/g, '');
      const literal = /^[\d.]+$|:/.test(host) ? refusal(host, this.allowAddresses) : null;
      if (literal) {
        done({ result: 'REFUSED', statusCode: null, error: `Refused: ${literal}`, responseExcerpt: null });
        return;
      }
      const send = url.protocol === 'https:' ? https.request : http.request;
      const request = send(
        url,
        {
          method: 'POST',
          headers: { ...headers, 'content-length': Buffer.byteLength(req.payload) },
          agent: url.protocol === 'https:' ? this.httpsAgent : this.httpAgent,
          timeout: this.timeoutMs,
        },
        (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            if (body.length < EXCERPT_CHARS) body += chunk;
          });
          const answer = () => {
            const status = res.statusCode ?? 0;
            done({
              result: { status, retryAfterSeconds: retryAfterSeconds(res.headers['retry-after']) },
              statusCode: status,
              error: null,
              responseExcerpt: body ? body.slice(0, EXCERPT_CHARS) : null,
            });
          };
          res.on('end', answer);
          res.on('error', answer);
          res.on('close', answer);
        },
      );
      request.setTimeout(this.timeoutMs, () => {
        request.destroy();
        done({
          result: 'TIMEOUT',
          statusCode: null,
          error: `No answer within ${this.timeoutMs} ms`,
          responseExcerpt: null,
        });
      });
      request.on('error', (e: Error) => {
        const refused = e instanceof RefusedAddress;
        done({
          result: refused ? 'REFUSED' : 'NETWORK_ERROR',
          statusCode: null,
          error: e.message || (e as NodeJS.ErrnoException).code || 'network error',
          responseExcerpt: null,
        });
      });
      request.end(req.payload);
    });
  }

  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }
}
