import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';
import { Webhook } from 'standardwebhooks';

/**
 * The baseline sender of benchmark 13, in a worker thread so that it does not share the receiver's
 * event loop (the platform's sender is the API process): `total` signed POSTs (Standard Webhooks
 * headers, signed per request as the platform does) of the given bodies, round robin over the
 * endpoints, `concurrency` at once over keep-alive connections, as fast as the receiver answers.
 */
export interface SenderJob {
  /** One URL and secret per endpoint. */
  endpoints: { url: string; secret: string }[];
  bodies: string[];
  total: number;
  concurrency: number;
  /** webhook-id prefix; the receiver counts these apart from the platform's deliveries. */
  idPrefix: string;
}

export interface SenderResult {
  sent: number;
  failures: number;
  seconds: number;
  latenciesMs: number[];
}

function post(agent: http.Agent, url: string, headers: Record<string, string>, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: 'POST', agent, headers: { ...headers, 'content-length': Buffer.byteLength(body) } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function run(job: SenderJob): Promise<SenderResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: job.concurrency });
  const latencies: number[] = [];
  let next = 0;
  let failures = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: job.concurrency }, async () => {
      while (next < job.total) {
        const i = next++;
        const endpoint = job.endpoints[i % job.endpoints.length];
        const body = job.bodies[i % job.bodies.length];
        const id = `${job.idPrefix}${i}`;
        const at = new Date();
        const t = performance.now();
        const status = await post(
          agent,
          endpoint.url,
          {
            'content-type': 'application/json',
            'user-agent': 'bench-baseline/1',
            'webhook-id': id,
            'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
            'webhook-signature': new Webhook(endpoint.secret).sign(id, at, body),
          },
          body,
        ).catch(() => 0);
        latencies.push(performance.now() - t);
        if (status < 200 || status >= 300) failures++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return { sent: latencies.length, failures, seconds, latenciesMs: latencies };
}

if (parentPort)
  run(workerData as SenderJob).then(
    (r) => parentPort!.postMessage(r),
    (e: Error) => parentPort!.postMessage({ error: e.message }),
  );
