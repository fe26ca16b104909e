import { createContext } from 'react';
import type { Permission, SessionUserFragment } from '../../../gql/graphql';
import type { AppApolloClient } from '../../../app/apollo';
import type { LiveConnection } from '../../../app/live/liveConnection';
import type { Locale } from '../../../app/i18n';

export type SessionUser = SessionUserFragment;

export type SessionEndReason = 'expired' | 'loggedOut';

export type SessionState =
  | { status: 'restoring' }
  | { status: 'anonymous'; endedReason?: SessionEndReason }
  | { status: 'authenticated'; user: SessionUser; client: AppApolloClient; live: LiveConnection };

export interface SessionApi {
  state: SessionState;
  /** Signs in; resolves to the userErrors' codes (empty on success). */
  login(email: string, password: string): Promise<{ code: string; message: string }[]>;
  logout(): Promise<void>;
  /** Renews the token now; false when the session has ended. */
  renew(): Promise<boolean>;
  /** Switches the language and remembers it for this user. */
  setLocale(locale: Locale): Promise<void>;
  can(permission: Permission): boolean;
}

export const SessionContext = createContext<SessionApi | null>(null);
