import http from 'node:http';
import { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

/** What a test receiver answers: a status, optionally per request (the nth request of a webhook id). */
export type Answer = (webhookId: string, nth: number) => number;

export interface Received {
  webhookId: string;
  status: number;
  verified: boolean;
  body: { type: string; timestamp: string; data: Record<string, unknown> };
  at: number;
}

/**
 * A real HTTP receiver on 127.0.0.1 for webhook tests: records every request, verifies its
 * signature with the standardwebhooks package against the secrets it is told, answers as `answer` says.
 */
export class TestReceiver {
  readonly received: Received[] = [];
  secrets: string[] = [];
  answer: Answer = () => 204;
  private server: http.Server | null = null;
  private readonly seen = new Map<string, number>();

  constructor(private port = 0) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const webhookId = String(req.headers['webhook-id'] ?? '');
        const headers = {
          'webhook-id': webhookId,
          'webhook-timestamp': String(req.headers['webhook-timestamp'] ?? ''),
          'webhook-signature': String(req.headers['webhook-signature'] ?? ''),
        };
        const verified = this.secrets.some((s) => {
          try {
            new Webhook(s).verify(raw, headers);
            return true;
          } catch {
            return false;
          }
        });
        const nth = (this.seen.get(webhookId) ?? 0) + 1;
        this.seen.set(webhookId, nth);
        const status = this.answer(webhookId, nth);
        this.received.push({ webhookId, status, verified, body: JSON.parse(raw || '{}'), at: Date.now() });
        res.statusCode = status;
        res.end(status >= 400 ? `nope ${status}` : '');
      });
    });
    await new Promise<void>((r) => server.listen(this.port, '127.0.0.1', r));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
    return this;
  }

  async stop(): Promise<void> {
    const s = this.server;
    this.server = null;
    if (!s) return;
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }

  /** Requests answered 2xx, by webhook id. */
  deliveredIds(): Map<string, number> {
    const m = new Map<string, number>();
    for (const r of this.received) if (r.status < 300) m.set(r.webhookId, (m.get(r.webhookId) ?? 0) + 1);
    return m;
  }

  async waitFor(check: () => boolean, timeoutMs = 10_000, what = 'the receiver'): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (!check()) {
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}: ${this.received.length} requests`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }
}
