import { CombinedGraphQLErrors, ServerError } from '@apollo/client';
import { useTranslation } from 'react-i18next';

/** What went wrong, reduced to what the UI shows: a code it has a message for, and a request id to quote. */
export interface ErrorInfo {
  code:
    | 'UNAUTHENTICATED'
    | 'FORBIDDEN'
    | 'BAD_USER_INPUT'
    | 'NOT_FOUND'
    | 'RATE_LIMITED'
    | 'NETWORK'
    | 'INTERNAL_SERVER_ERROR'
    | 'UNKNOWN';
  detail?: string;
  requestId?: string;
}

const KNOWN = new Set<ErrorInfo['code']>(['UNAUTHENTICATED', 'FORBIDDEN', 'BAD_USER_INPUT', 'INTERNAL_SERVER_ERROR']);

function fromGraphQLErrors(errors: readonly { message: string; extensions?: Record<string, unknown> }[]): ErrorInfo {
  const first = errors[0];
  const raw = String(first?.extensions?.code ?? 'UNKNOWN');
  const code: ErrorInfo['code'] = KNOWN.has(raw as ErrorInfo['code'])
    ? (raw as ErrorInfo['code'])
    : raw === 'QUERY_TOO_COMPLEX'
      ? 'BAD_USER_INPUT'
      : 'UNKNOWN';
  const requestId = first?.extensions?.requestId;
  return { code, detail: first?.message, requestId: typeof requestId === 'string' ? requestId : undefined };
}

export function errorInfo(error: unknown): ErrorInfo {
  if (CombinedGraphQLErrors.is(error)) return fromGraphQLErrors(error.errors);
  if (ServerError.is(error)) {
    if (error.statusCode === 429) return { code: 'RATE_LIMITED' };
    try {
      const body = JSON.parse(error.bodyText) as {
        errors?: { message: string; extensions?: Record<string, unknown> }[];
      };
      if (body.errors?.length) return fromGraphQLErrors(body.errors);
    } catch {
      /* not JSON: fall through */
    }
    if (error.statusCode === 401) return { code: 'UNAUTHENTICATED' };
    if (error.statusCode === 403) return { code: 'FORBIDDEN' };
    if (error.statusCode >= 500) return { code: 'INTERNAL_SERVER_ERROR', detail: error.message };
    return { code: 'UNKNOWN', detail: error.message };
  }
  if (error instanceof TypeError) return { code: 'NETWORK', detail: error.message };
  if (error instanceof Error) return { code: 'UNKNOWN', detail: error.message };
  return { code: 'UNKNOWN' };
}

export function isUnauthenticated(error: unknown): boolean {
  return errorInfo(error).code === 'UNAUTHENTICATED';
}

/** A sentence for any failure, in the current language. */
export function useErrorText() {
  const { t } = useTranslation();
  return (error: unknown) => {
    const info = errorInfo(error);
    return { title: t(`errors.${info.code}`), requestId: info.requestId, detail: info.detail };
  };
}

export interface UserErrorLike {
  code: string;
  field?: readonly string[] | null;
  message: string;
}

/** A mutation's userErrors in the current language: the code's sentence, with the server's words as detail. */
export function useUserErrorText() {
  const { t } = useTranslation();
  return (e: UserErrorLike) => ({
    title: t(`userErrors.${e.code}` as 'userErrors.INVALID_INPUT', { defaultValue: e.message }),
    detail: e.message,
  });
}
