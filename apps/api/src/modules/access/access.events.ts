import type { AccessRevokedMessage } from '../../common/live-events';

declare module '../../common/domain-events' {
  interface DomainEvents {
    /** A session, API key or user lost its access; this process stops accepting it once the change commits. */
    ACCESS_REVOKED: AccessRevokedMessage;
  }
}
