import { liveChannel } from '../../live/topics';

/** A session, API key or user lost its access (or changed): live connections using it are closed. */
export interface AccessRevokedMessage {
  sessionId?: string | null;
  apiKeyId?: string;
  userId?: string;
  /** Any credential may have changed (a table of them was emptied with TRUNCATE): every connection is closed. */
  everyone?: boolean;
}

declare module '../../common/domain-events' {
  interface DomainEvents {
    /** A session, API key or user lost its access; this process stops accepting it once the change commits. */
    ACCESS_REVOKED: AccessRevokedMessage;
  }
}

declare module '../../live/topics' {
  interface Topics {
    /** What the API commits when it ends sessions or revokes a key. */
    ACCESS_REVOKED: [AccessRevokedMessage];
    /**
     * What triggers on staff_session, staff_user and api_key send for any other change a credential
     * depends on, plain SQL included (migrations CredentialChangeNotify, ApiKeyChangeNotify).
     */
    CREDENTIAL_CHANGED: [AccessRevokedMessage];
  }
}

export const ACCESS_CHANNELS = [liveChannel('ACCESS_REVOKED'), liveChannel('CREDENTIAL_CHANGED')];
