import fs from 'node:fs';
import path from 'node:path';
import express, { NextFunction, Request, Response } from 'express';
import { REPO_ROOT } from '../config';
import { landingPage } from './landing-page';

/**
 * The built dashboard (apps/dashboard/dist) at `/`, with its client-side routes; until it is built,
 * a short page that links to the GraphQL endpoint.
 */
export function serveDashboard(app: express.Express) {
  const dist = path.join(REPO_ROOT, 'apps/dashboard/dist');
  const index = path.join(dist, 'index.html');
  if (!fs.existsSync(index)) {
    app.get('/', (_req, res) => void res.type('html').send(landingPage()));
    return;
  }
  app.use(
    '/assets',
    express.static(path.join(dist, 'assets'), { immutable: true, maxAge: '365d', fallthrough: false }),
  );
  app.use(express.static(dist, { index: false }));
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (
      req.method !== 'GET' ||
      req.path.startsWith('/graphql') ||
      req.path.startsWith('/health') ||
      !req.accepts('html')
    )
      return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
