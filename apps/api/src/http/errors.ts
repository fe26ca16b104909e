import { NextFunction, Request, Response } from 'express';
import { DATABASE_RETRY_AFTER_SECONDS, databaseUnavailableMessage, isDatabaseUnavailable } from '../common/errors';
import { logger } from '../common/logger';
import { errorsByCode } from '../common/metrics';

/** An error answered before GraphQL runs, shaped like a GraphQL error: `{ errors: [{ message, extensions: { code, requestId } }] }`. */
export function jsonError(res: Response, status: number, code: string, message: string) {
  errorsByCode.inc({ code });
  res
    .status(status)
    .json({ errors: [{ message, extensions: { code, requestId: res.locals.requestId as string | undefined } }] });
}

/** Anything not served by the routes before it. */
export function notFound(_req: Request, res: Response) {
  jsonError(res, 404, 'NOT_FOUND', 'Not found. The GraphQL endpoint is /graphql.');
}

/** Body-parser and other middleware failures: a clear JSON error with the right status, never a stack. */
export function middlewareFailure(maxBodyBytes: number) {
  return (
    err: { status?: number; type?: string; message?: string },
    _req: Request,
    res: Response,
    _next: NextFunction,
  ) => {
    if (isDatabaseUnavailable(err)) {
      res.setHeader('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
      return jsonError(res, 503, 'DATABASE_UNAVAILABLE', databaseUnavailableMessage(res.locals.requestId));
    }
    const status = err.status && err.status >= 400 && err.status < 500 ? err.status : 500;
    if (status === 500) logger.error({ err, requestId: res.locals.requestId }, 'unexpected error');
    if (err.type === 'entity.too.large')
      return jsonError(res, 413, 'PAYLOAD_TOO_LARGE', `Request body is larger than ${maxBodyBytes} bytes`);
    if (err.type === 'entity.parse.failed') return jsonError(res, 400, 'BAD_REQUEST', 'Request body is not valid JSON');
    if (status < 500) return jsonError(res, status, 'BAD_REQUEST', 'Bad request');
    return jsonError(
      res,
      500,
      'INTERNAL_SERVER_ERROR',
      `Internal server error. Quote request id ${res.locals.requestId} when reporting it.`,
    );
  };
}
