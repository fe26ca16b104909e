import { randomUUID } from 'node:crypto';
import type { Services } from '../services';
import { createLoaders, Loaders } from './loaders';

export interface Context {
  requestId: string;
  /** Who acts: recorded on every event and stock movement. Access control will set it from the login. */
  actor: string;
  loaders: Loaders;
  services: Services;
}

export function createContext(services: Services, opts: { requestId?: string; actor?: string; live?: boolean } = {}): Context {
  return {
    requestId: opts.requestId ?? randomUUID(),
    actor: opts.actor ?? 'api',
    loaders: createLoaders(services.ds, !opts.live),
    services,
  };
}
