import type { Actor } from './actor';
import type { Services } from '../app/services';
import { createLoaders, Loaders } from '../app/loaders';

export interface Context {
  requestId: string;
  /** Who calls: recorded on events, stock movements and audit rows. */
  actor: Actor;
  loaders: Loaders;
  services: Services;
  /** Personal data shown unmasked in this response ("Customer:<id>", "Order:<id>"), audited once per response. */
  piiShown: Set<string>;
}

export function createContext(services: Services, actor: Actor, opts: { live?: boolean } = {}): Context {
  return { requestId: actor.requestId, actor, loaders: createLoaders(services.ds, !opts.live), services, piiShown: new Set() };
}
