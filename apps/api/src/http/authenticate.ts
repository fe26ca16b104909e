import { NextFunction, Request, RequestHandler, Response } from 'express';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { Services } from '../app/services';
import { Actor } from '../common/actor';
import { audit } from '../common/audit';
import { QueryLimits } from '../common/limits';
import type { Config } from '../config';
import { InvalidCredential } from '../modules/access/auth.service';
import { BENCHMARK_PRINCIPAL } from '../modules/access/principal';
import { jsonError } from './errors';

/**
 * The gate in front of /graphql: who calls (a token or API key; none is an anonymous caller), the
 * rate limits (per caller, per address for anonymous callers and failed credentials) and the token
 * cap, checked before anything parses the query. Leaves the caller in `res.locals.actor`.
 * Without guards every request acts as the all-permissions benchmark principal.
 */
export function authenticate(services: Services, config: Config, limits: QueryLimits): RequestHandler {
  const perCaller = new RateLimiterMemory({ points: config.rateLimitPerMinute, duration: 60 });
  const perAnonymousAddress = new RateLimiterMemory({ points: config.anonymousRateLimitPerMinute, duration: 60 });

  return async (req: Request, res: Response, next: NextFunction) => {
    const actor: Actor = {
      principal: null,
      requestId: res.locals.requestId as string,
      clientIp: req.socket.remoteAddress ?? null,
    };
    if (!config.guards) {
      actor.principal = BENCHMARK_PRINCIPAL;
      res.locals.actor = actor;
      return next();
    }
    const limited = async (limiter: RateLimiterMemory, key: string): Promise<boolean> => {
      try {
        await limiter.consume(key);
        return false;
      } catch (e) {
        if (!(e instanceof RateLimiterRes)) throw e;
        const seconds = Math.max(1, Math.ceil(e.msBeforeNext / 1000));
        res.setHeader('Retry-After', String(seconds));
        jsonError(res, 429, 'RATE_LIMITED', `Too many requests; retry in ${seconds} s`);
        return true;
      }
    };
    try {
      actor.principal = await services.auth.authenticate(req.header('authorization'));
    } catch (e) {
      if (!(e instanceof InvalidCredential)) return next(e);
      // Guessing tokens or keys counts against the address like any anonymous request.
      if (await limited(perAnonymousAddress, actor.clientIp ?? 'unknown')) return;
      await audit(services.ds, actor, {
        action: 'AUTHENTICATION',
        outcome: 'DENIED',
        details: { reason: e.message },
      }).catch(() => undefined);
      return jsonError(res, 401, 'UNAUTHENTICATED', e.message);
    }
    if (
      await limited(
        actor.principal ? perCaller : perAnonymousAddress,
        actor.principal?.id ?? actor.clientIp ?? 'unknown',
      )
    )
      return;
    const query = req.method === 'GET' ? req.query.query : req.body?.query;
    if (typeof query === 'string') {
      try {
        limits.assertWithinTokens(query);
      } catch (e) {
        return jsonError(res, 400, 'GRAPHQL_VALIDATION_FAILED', (e as Error).message);
      }
    }
    res.locals.actor = actor;
    next();
  };
}
