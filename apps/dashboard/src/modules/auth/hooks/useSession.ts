import { useContext } from 'react';
import { SessionContext, type SessionApi, type SessionUser } from '../session/sessionContext';

export function useSession(): SessionApi {
  const api = useContext(SessionContext);
  if (!api) throw new Error('useSession outside SessionProvider');
  return api;
}

/** The signed-in user; only for components under the authenticated layout. */
export function useUser(): SessionUser {
  const { state } = useSession();
  if (state.status !== 'authenticated') throw new Error('useUser without a signed-in user');
  return state.user;
}

/** can('ORDER_REVIEW'): whether the signed-in user has that permission (the server checks it again). */
export function useCan() {
  return useSession().can;
}
