import express, { Request, Response, Router } from 'express';
import type { DataSource } from 'typeorm';
import { Webhook } from 'standardwebhooks';

/**
 * The demo's webhook receiver, served by the API itself when the demo is seeded (never in production):
 * /demo/webhooks/storefront verifies each request's signature with its endpoint's secret, as an
 * integrator's receiver would, and answers 204 (401 for a bad signature); /demo/webhooks/partner
 * answers 503 to about one request in five, so the delivery log shows retries.
 */
export function demoWebhookReceiver(ds: DataSource): Router {
  const router = Router();
  router.post(
    '/demo/webhooks/:name',
    express.raw({ type: '*/*', limit: '1mb' }),
    async (req: Request, res: Response) => {
      const name = String(req.params.name);
      if (name === 'partner' && Math.random() < 0.2) {
        res.status(503).set('Retry-After', '5').send('demo partner is busy');
        return;
      }
      // Every endpoint pointing here may have sent it: its secret (or the one before a rotation) must verify.
      const endpoints: { secret: string; previous_secret: string | null }[] = await ds.query(
        `SELECT secret, previous_secret FROM webhook_endpoint WHERE url LIKE $1`,
        [`%/demo/webhooks/${name.replace(/[\\%_]/g, '')}`],
      );
      if (!endpoints.length) {
        res.status(410).send('no such demo receiver');
        return;
      }
      const body = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
      const headers = {
        'webhook-id': String(req.headers['webhook-id'] ?? ''),
        'webhook-timestamp': String(req.headers['webhook-timestamp'] ?? ''),
        'webhook-signature': String(req.headers['webhook-signature'] ?? ''),
      };
      for (const secret of endpoints.flatMap((e) => [e.secret, e.previous_secret]).filter((x): x is string => !!x)) {
        try {
          new Webhook(secret).verify(body, headers);
          res.status(204).end();
          return;
        } catch {
          // try the previous secret
        }
      }
      res.status(401).send('signature does not verify');
    },
  );
  return router;
}
