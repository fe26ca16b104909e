import { NextFunction, Request, RequestHandler, Response } from 'express';
import { GraphQLError } from 'graphql';
import type { Services } from '../app/services';
import { Actor } from '../common/actor';
import { audit } from '../common/audit';
import { clientAddress } from '../common/client-address';
import { assertVariablesWithinSize, LIMITS, QueryLimits, RateLimits } from '../common/limits';
import type { Config } from '../config';
import { InvalidCredential } from '../modules/access/auth.service';
import { BENCHMARK_PRINCIPAL } from '../modules/access/principal';
import { jsonError } from './errors';

/**
 * The gate in front of /graphql: who calls (a token or API key; none is an anonymous caller) and from
 * which address (clientAddress: the socket's peer, or what a trusted proxy forwarded for), the rate
 * limits (per caller, per address for anonymous callers and failed credentials; shared with graphql-ws),
 * the query's screening (token cap, depth, aliases, directives; see QueryLimits.screen) and the size of the
 * variables, checked before Apollo parses and validates the query. Leaves the
 * caller in `res.locals.actor`. Without guards every request acts as the all-permissions benchmark principal.
 */
export function authenticate(
  services: Services,
  config: Config,
  limits: QueryLimits,
  rateLimits: RateLimits,
): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    const actor: Actor = {
      principal: null,
      requestId: res.locals.requestId as string,
      clientIp: clientAddress(req, config.trustProxy),
    };
    if (!config.guards) {
      actor.principal = BENCHMARK_PRINCIPAL;
      res.locals.actor = actor;
      return next();
    }
    const limited = (seconds: number | null): boolean => {
      if (seconds === null) return false;
      res.setHeader('Retry-After', String(seconds));
      jsonError(res, 429, 'RATE_LIMITED', `Too many requests; retry in ${seconds} s`);
      return true;
    };
    try {
      actor.principal = await services.auth.authenticate(req.header('authorization'));
    } catch (e) {
      if (!(e instanceof InvalidCredential)) return next(e);
      // Guessing tokens or keys counts against the address like any anonymous request.
      if (limited(await rateLimits.address(actor.clientIp))) return;
      await audit(services.ds, actor, {
        action: 'AUTHENTICATION',
        outcome: 'DENIED',
        details: { reason: e.message },
      }).catch(() => undefined);
      return jsonError(res, 401, 'UNAUTHENTICATED', e.message);
    }
    if (
      limited(actor.principal ? await rateLimits.caller(actor.principal.id) : await rateLimits.address(actor.clientIp))
    )
      return;
    const get = req.method === 'GET';
    const query = get ? req.query.query : req.body?.query;
    try {
      if (typeof query === 'string') limits.screen(query, !!actor.principal);
      // A body within the limit cannot carry larger variables: only larger ones are measured.
      if (get || Number(req.header('content-length') ?? Infinity) > LIMITS.maxVariablesBytes)
        assertVariablesWithinSize(get ? req.query.variables : req.body?.variables);
    } catch (e) {
      const error = e as GraphQLError;
      return jsonError(res, 400, String(error.extensions?.code ?? 'BAD_REQUEST'), error.message);
    }
    res.locals.actor = actor;
    next();
  };
}
