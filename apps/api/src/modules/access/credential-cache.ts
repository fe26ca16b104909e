import { Client } from 'pg';
import type { Permission, Role } from '@fulfilment/domain';
import type { AccessRevokedMessage } from './access.events';
import { logger } from '../../common/logger';
import { channelOf } from '../../live/topics';

/** A staff session as the database last confirmed it: not revoked, not expired, its user active. */
export interface CachedSession {
  userId: string;
  email: string;
  role: Role;
  sessionExpiresAt: number;
}

/** A valid API key as the database last confirmed it (revoked keys are not kept). */
export interface CachedApiKey {
  id: string;
  name: string;
  /** From the key's scopes. */
  permissions: Set<Permission>;
  secretHash: string;
  expiresAt: Date | null;
  /** Kept to the minute: the request that finds it older writes it (and notes it here). */
  lastUsedAt: number | null;
}

interface Entry<T> {
  value: T;
  cachedAt: number;
  /** When the credential itself expires (ms since the epoch). */
  expiresAt: number;
}

/**
 * access_revoked: what the API commits when it ends sessions (logout, role change, deactivation,
 * password reset); credential_changed: what triggers on staff_session, staff_user and api_key send for
 * any other change of a row a credential depends on, plain SQL included (see access.events.ts).
 */
const CHANNELS = [channelOf('ACCESS_REVOKED'), channelOf('CREDENTIAL_CHANGED')];
const MAX_ENTRIES = 10_000;

/**
 * Staff sessions and API keys remembered between requests, so a signed-in user or an integrator costs no
 * statement per request (a token's signature and expiry, a key's secret and expiry are still checked
 * every time). Revocation still takes effect at once:
 *
 * - every revocation or change commits a NOTIFY; this cache LISTENs on a connection of its own and
 *   forgets what a notification names as soon as it arrives, in every API process;
 * - the process that revokes forgets locally too, right after its transaction commits (`forget`),
 *   without waiting for its own notification;
 * - while that connection is not listening (not yet started, or lost and reconnecting), notifications
 *   could be missed, so the cache is emptied and bypassed: every request asks the database;
 * - a lookup that raced with a revocation (or with a lost connection) is not kept: every revocation
 *   bumps a generation number, and an answer is stored only if the generation did not move while it
 *   was read;
 * - entries also expire after `maxAgeMs`, in case a notification is lost in a way nobody can see.
 */
export class CredentialCache {
  private readonly sessions = new Map<string, Entry<CachedSession>>();
  /** By the key's public prefix. */
  private readonly apiKeys = new Map<string, Entry<CachedApiKey>>();
  private generation = 0;
  private listening = false;
  private client: Client | null = null;
  private stopped = false;
  private retryMs = 100;

  constructor(private readonly maxAgeMs = 60_000) {}

  /** Starts listening; resolves once notifications are heard (or the first attempt failed: the cache stays off until a retry succeeds). */
  async start(databaseUrl: string): Promise<void> {
    this.stopped = false;
    await this.connect(databaseUrl);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.off();
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  /** A database read starts: the generation to hand to `store`. */
  begin(): number {
    return this.generation;
  }

  session(sessionId: string): CachedSession | undefined {
    return this.fresh(this.sessions, sessionId);
  }

  storeSession(generation: number, sessionId: string, value: CachedSession): void {
    this.store(this.sessions, generation, sessionId, value, value.sessionExpiresAt);
  }

  apiKey(prefix: string): CachedApiKey | undefined {
    return this.fresh(this.apiKeys, prefix);
  }

  storeApiKey(generation: number, prefix: string, value: CachedApiKey): void {
    this.store(this.apiKeys, generation, prefix, value, value.expiresAt?.getTime() ?? Infinity);
  }

  /** Forgets the session, every session of the user, or the API key that a revocation names (from NOTIFY, or locally after commit). */
  forget(revoked: AccessRevokedMessage): void {
    if (revoked.everyone) return this.clear();
    this.generation++;
    if (revoked.sessionId) this.sessions.delete(revoked.sessionId);
    if (revoked.userId)
      for (const [id, e] of this.sessions) if (e.value.userId === revoked.userId) this.sessions.delete(id);
    if (revoked.apiKeyId)
      for (const [prefix, e] of this.apiKeys) if (e.value.id === revoked.apiKeyId) this.apiKeys.delete(prefix);
  }

  private fresh<T>(entries: Map<string, Entry<T>>, key: string): T | undefined {
    if (!this.listening) return undefined;
    const e = entries.get(key);
    if (!e) return undefined;
    const now = Date.now();
    if (now - e.cachedAt > this.maxAgeMs || e.expiresAt <= now) {
      entries.delete(key);
      return undefined;
    }
    return e.value;
  }

  private store<T>(entries: Map<string, Entry<T>>, generation: number, key: string, value: T, expiresAt: number) {
    if (!this.listening || generation !== this.generation) return;
    if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
    entries.set(key, { value, cachedAt: Date.now(), expiresAt });
  }

  private clear(): void {
    this.generation++;
    this.sessions.clear();
    this.apiKeys.clear();
  }

  /** Notifications may be missed from now on: forget everything and answer from the database. */
  private off(): void {
    this.listening = false;
    this.clear();
  }

  private async connect(url: string): Promise<void> {
    if (this.stopped) return;
    const client = new Client({ connectionString: url, application_name: 'fulfilment-credential-cache' });
    client.on('notification', (n) => {
      try {
        this.forget(JSON.parse(n.payload ?? '') as AccessRevokedMessage);
      } catch {
        this.clear(); // Unreadable: forget everything rather than keep what may be revoked.
      }
    });
    client.on('error', (e) => logger.warn({ err: e.message }, 'credential cache connection error'));
    client.on('end', () => {
      if (this.client !== client) return;
      this.client = null;
      this.off();
      if (!this.stopped) this.reconnect(url);
    });
    try {
      await client.connect();
      await client.query(CHANNELS.map((c) => `LISTEN ${c};`).join(' '));
      if (this.stopped) {
        await client.end();
        return;
      }
      this.client = client;
      this.retryMs = 100;
      // Reads that started before LISTEN took effect may predate a revocation nobody told us about.
      this.generation++;
      this.listening = true;
    } catch (e) {
      logger.warn(
        { err: (e as Error).message },
        'credential cache cannot listen; sessions are checked in the database until it can',
      );
      client.removeAllListeners('end');
      client.end().catch(() => undefined);
      this.reconnect(url);
    }
  }

  private reconnect(url: string) {
    const delay = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, 5000);
    setTimeout(() => void this.connect(url), delay).unref();
  }
}
