/* global process, console, Buffer */
/**
 * A webhook receiver (README, "For integrators"): verifies each request's Standard Webhooks signature
 * with the endpoint's secret, answers at once, and handles every event once.
 *
 *   WEBHOOK_SECRET=whsec_… node docs/integrators/webhook-receiver.mjs [--json]
 *
 * Listens on http://127.0.0.1:4100/webhooks (PORT to change). Prints each verified event (`--json`: one
 * JSON line each).
 */
import http from 'node:http';
import { Webhook } from 'standardwebhooks';

const secret = process.env.WEBHOOK_SECRET;
if (!secret) {
  console.error('Set WEBHOOK_SECRET to the secret createWebhookEndpoint answered (whsec_…)');
  process.exit(2);
}
const webhook = new Webhook(secret);
const port = Number(process.env.PORT ?? 4100);
const json = process.argv.includes('--json');

/** webhook-ids handled: a retry or redelivery of one is acknowledged again but not handled twice. */
const handled = new Set();

function handle(id, { type, timestamp, data }) {
  if (json) return console.log(JSON.stringify({ webhookId: id, type, timestamp, data }));
  const what = type === 'order.status_changed' ? `${data.orderNumber} #${data.sequence} → ${data.toStatus}` : '';
  console.log(`✓ ${type} ${what} (${id})`);
}

const server = http.createServer((req, res) => {
  if (req.method !== 'POST') return res.writeHead(405).end();
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    let event;
    try {
      // The raw body exactly as it arrived: JSON parsed and serialised again would not match the signature.
      event = webhook.verify(Buffer.concat(chunks).toString('utf8'), req.headers);
    } catch (e) {
      console.error(`✗ refused a request: ${e.message}`);
      return res.writeHead(401).end(); // a 4xx is not retried
    }
    // Answer first: a slow answer (past the API's timeout) counts as failed and is sent again.
    res.writeHead(204).end();
    const id = req.headers['webhook-id'];
    if (handled.has(id)) return;
    handled.add(id);
    handle(id, event);
  });
});

server.listen(port, '127.0.0.1', () => {
  const url = `http://127.0.0.1:${server.address().port}/webhooks`;
  console.log(json ? JSON.stringify({ listening: url }) : `Receiving webhooks at ${url}`);
});
