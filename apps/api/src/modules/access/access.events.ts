import { liveChannel } from '../../live/topics';

/** A session, API key or user lost its access: live connections using it are closed. */
export interface AccessRevokedMessage {
  sessionId?: string | null;
  apiKeyId?: string;
  userId?: string;
}

declare module '../../common/domain-events' {
  interface DomainEvents {
    /** A session, API key or user lost its access; this process stops accepting it once the change commits. */
    ACCESS_REVOKED: AccessRevokedMessage;
  }
}

declare module '../../live/topics' {
  interface Topics {
    ACCESS_REVOKED: [AccessRevokedMessage];
  }
}

export const ACCESS_CHANNELS = [liveChannel('ACCESS_REVOKED')];
