import { ApolloProvider } from '@apollo/client/react';
import { useMemo, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSession } from '../modules/auth/hooks/useSession';
import { LoadingState } from '../ui/States';
import { LiveEventsProvider } from './live/LiveEventsProvider';
import { LIVE_STREAMS } from './liveStreams';

/** Signed-in area: the session's Apollo client and live events, or the way to the login page. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { state, can, renew } = useSession();
  const location = useLocation();
  const streams = useMemo(() => LIVE_STREAMS.filter((s) => can(s.permission)), [can]);
  if (state.status === 'restoring') {
    return (
      <div className="fullscreen-center">
        <LoadingState />
      </div>
    );
  }
  if (state.status === 'anonymous') {
    return (
      <Navigate to="/login" replace state={{ from: location.pathname + location.search, reason: state.endedReason }} />
    );
  }
  // A courier's home is the phone page, not the office overview it may not open.
  if (location.pathname === '/' && can('COURIER_WORK') && !can('ORDER_READ')) return <Navigate to="/courier" replace />;
  return (
    <ApolloProvider client={state.client}>
      <LiveEventsProvider client={state.client} live={state.live} streams={streams} onAuthRejected={renew}>
        {children}
      </LiveEventsProvider>
    </ApolloProvider>
  );
}
