import type { Actor } from '../common/actor';
import type { DeniedField } from '../modules/access/requires';
import { createLoaders, Loaders } from './loaders';
import type { Services } from './services';

export interface Context {
  requestId: string;
  /** Who calls: recorded on events, stock movements and audit rows. */
  actor: Actor;
  loaders: Loaders;
  services: Services;
  /**
   * Services for heavy reads (lists, the overview, reports): on the read replica when the request is a
   * query and the caller has no write the replica has not replayed (db/read-routing.ts), else `services`.
   */
  reads: Services;
  /** Personal data shown unmasked in this response ("Customer:<id>", "Order:<id>"), audited once per response. */
  piiShown: Set<string>;
  /** Fields refused to the caller in this request, by field and permission; audited once when it is answered. */
  accessDenied: Map<string, DeniedField>;
}

/**
 * The context of one HTTP request or one live subscription. Without `loaders` it gets caching loaders
 * of its own (one request's); the live server passes its shared, non-caching ones.
 */
export function createContext(
  services: Services,
  actor: Actor,
  loaders: Loaders = createLoaders(services.ds),
): Context {
  return {
    requestId: actor.requestId,
    actor,
    loaders,
    services,
    reads: services,
    piiShown: new Set(),
    accessDenied: new Map(),
  };
}
