import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { createApolloClient, type AppApolloClient } from '../../../app/apollo';
import { errorInfo } from '../../../app/errors';
import i18n, { currentLocale, toLocale, type Locale } from '../../../app/i18n';
import { createLiveConnection, type LiveConnection } from '../../../app/live/liveConnection';
import type { Permission } from '../../../gql/graphql';
import {
  loginMutation,
  logoutMutation,
  meQuery,
  renewTokenMutation,
  updateMyPreferencesMutation,
} from '../graphql/auth';
import {
  SessionContext,
  type SessionApi,
  type SessionEndReason,
  type SessionState,
  type SessionUser,
} from './sessionContext';
import { tokenStore, type StoredToken } from './tokenStore';

/** Renew this long before the token expires (tokens live 30 minutes). */
const RENEW_BEFORE_MS = 5 * 60_000;
const RENEW_RETRY_MS = 30_000;

/**
 * Owns the sign-in: the token (renewed before it expires), one Apollo client and one live link per
 * session (a new sign-in never sees the previous user's cache), and the user's language.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>(() =>
    tokenStore.isValid(tokenStore.get(), 10_000) ? { status: 'restoring' } : { status: 'anonymous' },
  );
  const stateRef = useRef(state);
  stateRef.current = state;
  const tokenRef = useRef<StoredToken | null>(tokenStore.get());
  const publicClient = useMemo(() => createApolloClient({ getToken: () => null }), []);

  const end = useCallback((reason: SessionEndReason) => {
    const current = stateRef.current;
    tokenRef.current = null;
    tokenStore.clear();
    if (current.status === 'authenticated') {
      current.live.dispose();
      current.client.stop();
      void current.client.clearStore();
    }
    if (current.status !== 'anonymous') setState({ status: 'anonymous', endedReason: reason });
  }, []);

  const applyUserLocale = useCallback((user: SessionUser) => {
    if (user.locale && toLocale(user.locale) !== currentLocale()) void i18n.changeLanguage(toLocale(user.locale));
  }, []);

  const open = useCallback(
    (token: StoredToken): { client: AppApolloClient; live: LiveConnection } => {
      tokenRef.current = token;
      tokenStore.set(token);
      const getToken = () => tokenRef.current?.token ?? null;
      const live = createLiveConnection(getToken);
      const client = createApolloClient({ getToken, live, onUnauthenticated: () => end('expired') });
      return { client, live };
    },
    [end],
  );

  // Restore the session of a reload: the stored token is still valid, so ask who we are.
  const restoring = useRef(false);
  useEffect(() => {
    if (state.status !== 'restoring' || restoring.current) return;
    restoring.current = true;
    const stored = tokenStore.get();
    if (!stored) {
      setState({ status: 'anonymous' });
      return;
    }
    const { client, live } = open(stored);
    client
      .query({ query: meQuery, fetchPolicy: 'network-only' })
      .then(({ data }) => {
        if (!data?.me) throw new Error('no user');
        applyUserLocale(data.me);
        setState({ status: 'authenticated', user: data.me, client, live });
      })
      .catch((e: unknown) => {
        live.dispose();
        client.stop();
        tokenRef.current = null;
        tokenStore.clear();
        setState({ status: 'anonymous', endedReason: errorInfo(e).code === 'UNAUTHENTICATED' ? 'expired' : undefined });
      })
      .finally(() => {
        restoring.current = false;
      });
  }, [state.status, open, applyUserLocale]);

  const login = useCallback<SessionApi['login']>(
    async (email, password) => {
      const { data } = await publicClient.mutate({
        mutation: loginMutation,
        variables: { input: { email, password } },
      });
      const payload = data?.login;
      if (!payload) return [{ code: 'UNKNOWN', message: '' }];
      if (payload.userErrors.length || !payload.token || !payload.expiresAt || !payload.user) {
        return payload.userErrors.length ? payload.userErrors : [{ code: 'UNKNOWN', message: '' }];
      }
      const { client, live } = open({ token: payload.token, expiresAt: payload.expiresAt });
      applyUserLocale(payload.user);
      setState({ status: 'authenticated', user: payload.user, client, live });
      return [];
    },
    [publicClient, open, applyUserLocale],
  );

  const logout = useCallback(async () => {
    const current = stateRef.current;
    if (current.status === 'authenticated') {
      await current.client.mutate({ mutation: logoutMutation }).catch(() => undefined);
    }
    end('loggedOut');
  }, [end]);

  const renew = useCallback(async () => {
    const current = stateRef.current;
    if (current.status !== 'authenticated') return false;
    try {
      const { data } = await current.client.mutate({ mutation: renewTokenMutation });
      if (!data) return false;
      tokenRef.current = { token: data.renewToken.token, expiresAt: data.renewToken.expiresAt };
      tokenStore.set(tokenRef.current);
      // The open WebSocket was authorised with the old token and closes when it expires: move it over now.
      current.live.restart();
      return true;
    } catch (e) {
      if (errorInfo(e).code === 'UNAUTHENTICATED') {
        end('expired');
        return false;
      }
      throw e;
    }
  }, [end]);

  // Renew a few minutes before expiry; retry on network trouble; check again when the tab wakes up.
  const [renewTick, setRenewTick] = useState(0);
  useEffect(() => {
    if (state.status !== 'authenticated') return;
    const expiresAt = tokenRef.current ? new Date(tokenRef.current.expiresAt).getTime() : 0;
    const due = Math.max(1_000, expiresAt - Date.now() - RENEW_BEFORE_MS);
    const run = () => {
      renew()
        .then((ok) => ok && setRenewTick((n) => n + 1))
        .catch(() => {
          if (tokenRef.current && tokenStore.isValid(tokenRef.current)) timer = setTimeout(run, RENEW_RETRY_MS);
          else end('expired');
        });
    };
    let timer = setTimeout(run, due);
    const onVisible = () => {
      if (document.visibilityState !== 'visible' || !tokenRef.current) return;
      if (new Date(tokenRef.current.expiresAt).getTime() - Date.now() < RENEW_BEFORE_MS) {
        clearTimeout(timer);
        run();
      }
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [state.status, renew, end, renewTick]);

  const setLocale = useCallback(async (locale: Locale) => {
    await i18n.changeLanguage(locale);
    const current = stateRef.current;
    if (current.status !== 'authenticated') return;
    setState({ ...current, user: { ...current.user, locale } });
    await current.client
      .mutate({ mutation: updateMyPreferencesMutation, variables: { input: { locale } } })
      .catch(() => undefined); // Not remembered this time; the switch itself worked.
  }, []);

  const permissions = state.status === 'authenticated' ? state.user.permissions : null;
  const can = useCallback((p: Permission) => Boolean(permissions?.includes(p)), [permissions]);

  const api = useMemo<SessionApi>(
    () => ({ state, login, logout, renew, setLocale, can }),
    [state, login, logout, renew, setLocale, can],
  );
  return <SessionContext.Provider value={api}>{children}</SessionContext.Provider>;
}
