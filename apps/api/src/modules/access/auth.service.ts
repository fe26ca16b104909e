import { createHmac, randomBytes } from 'node:crypto';
import { hash as argon2Hash, verify as argon2Verify } from '@node-rs/argon2';
import { DataSource } from 'typeorm';
import { Permission, permissionsOfRole, permissionsOfScopes, Role } from '@fulfilment/domain';
import { logger } from '../../common/logger';
import { notifyOnCommit } from '../../live/publish';
import { UserError, UserErrorCode, userError } from '../../common/user-error';
import { audit } from '../../common/audit';
import { addressKey } from '../../common/client-address';
import { ApiKey } from './api-key.entity';
import { CachedApiKey, CachedSession, CredentialCache } from './credential-cache';
import { Actor, Principal } from '../../common/actor';
import { StaffUser } from './staff-user.entity';
import { SignInThrottle, SIGN_IN_WINDOW_MINUTES } from './sign-in-throttle';
import { API_KEY_PATTERN, hashApiKey, sameHash, signToken, TokenClaims, verifyToken } from './tokens';

export interface AuthSettings {
  authSecret: string | undefined;
  tokenTtlMinutes: number;
  sessionHours: number;
}

/** One permission set per role, shared by every principal of that role (principals never change it). */
const permissionsByRole = new Map<Role, ReadonlySet<Permission>>();
function permissionsOf(role: Role): ReadonlySet<Permission> {
  let p = permissionsByRole.get(role);
  if (!p) permissionsByRole.set(role, (p = permissionsOfRole(role)));
  return p;
}

/** A credential was presented but is not (or no longer) valid: the request is refused with 401. */
export class InvalidCredential extends Error {}

export interface LoginResult {
  token: string | null;
  expiresAt: Date | null;
  user: StaffUser | null;
  userErrors: UserError[];
}

export {
  MAX_FAILURES_PER_ACCOUNT,
  MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS,
  MAX_FAILURES_PER_ADDRESS,
  SIGN_IN_WINDOW_MINUTES,
} from './sign-in-throttle';
/** What counts as e-mail-shaped when deciding whether a failed sign-in may name what was typed. */
const EMAIL_SHAPE = /^[^\s@]{1,64}@[^\s@.]+(\.[^\s@.]+)+$/;
/** Verified against when the e-mail is unknown, so both cases take the same time. */
const DUMMY_HASH = argon2Hash('not-a-password-' + randomBytes(8).toString('hex'));

export class AuthService {
  private secret: Promise<Uint8Array> | null = null;
  private markKey: Promise<Buffer> | null = null;
  private readonly throttle: SignInThrottle;
  /** Sessions and API keys between requests; started by the server, see CredentialCache for revocation. */
  readonly credentials = new CredentialCache();
  /** Tokens whose signature was verified: the same text verifies the same way (its expiry is checked on every use). */
  private readonly verified = new Map<string, TokenClaims>();

  constructor(
    private readonly ds: DataSource,
    private readonly settings: AuthSettings,
  ) {
    this.throttle = new SignInThrottle(ds);
  }

  /** The token signing key: AUTH_SECRET, or one generated once and shared through the database. */
  private signingKey(): Promise<Uint8Array> {
    this.secret ??= (async () => {
      if (this.settings.authSecret) return new TextEncoder().encode(this.settings.authSecret);
      await this.ds.query(
        `INSERT INTO app_setting (key, value) VALUES ('auth_secret', $1) ON CONFLICT (key) DO NOTHING`,
        [randomBytes(48).toString('base64url')],
      );
      const [row] = await this.ds.query(`SELECT value FROM app_setting WHERE key = 'auth_secret'`);
      return new TextEncoder().encode(row.value);
    })();
    return this.secret;
  }

  /**
   * HMAC-SHA256 of a typed account under a key derived from the signing key: what the throttle counts
   * by, and (shortened) what a failed sign-in's audit row names when the text may be a password.
   */
  private async accountMark(account: string): Promise<string> {
    this.markKey ??= this.signingKey().then((k) => createHmac('sha256', k).update('sign-in account marks').digest());
    return createHmac('sha256', await this.markKey)
      .update(account)
      .digest('hex');
  }

  /**
   * Signs in with e-mail and password. The attempt is reserved with the throttle before the password
   * is checked (SignInThrottle: per account and address, per address, and an account-wide ceiling).
   */
  async login(email: string, password: string, actor: Actor): Promise<LoginResult> {
    const account = email.trim().toLowerCase().slice(0, 200);
    const fail = (code: UserErrorCode, message: string): LoginResult => ({
      token: null,
      expiresAt: null,
      user: null,
      userErrors: [userError(code, message, ['input'])],
    });

    const user = await this.ds
      .getRepository(StaffUser)
      .createQueryBuilder('u')
      .where('lower(u.email) = :account', { account })
      .getOne();
    const accountMark = await this.accountMark(account);
    // What the audit row names: the account when it exists or looks like an e-mail; otherwise (it may
    // be a password typed into the wrong field) a keyed hash that tells repeated attempts apart.
    const targetId = user || EMAIL_SHAPE.test(account) ? account : `unrecognised:${accountMark.slice(0, 16)}`;
    const address = addressKey(actor.clientIp);
    const reserved = await this.throttle.reserve(accountMark, address);
    if ('throttledBy' in reserved) {
      await audit(this.ds, actor, {
        action: 'LOGIN',
        targetType: 'User',
        targetId,
        outcome: 'FAILURE',
        details: { reason: 'THROTTLED', limit: reserved.throttledBy },
      });
      return fail('LOGIN_THROTTLED', `Too many failed sign-ins. Try again in ${SIGN_IN_WINDOW_MINUTES} minutes.`);
    }

    const valid = await argon2Verify(user?.passwordHash ?? (await DUMMY_HASH), password).catch(() => false);
    if (!user || !valid || !user.active) {
      // The reserved attempt stays as the failure.
      await audit(this.ds, actor, {
        action: 'LOGIN',
        targetType: 'User',
        targetId,
        outcome: 'FAILURE',
        details: { reason: 'INVALID_CREDENTIALS' },
      });
      // One message for unknown e-mail, wrong password and disabled account: nothing to enumerate.
      return fail('INVALID_CREDENTIALS', 'E-mail or password is incorrect.');
    }
    await this.throttle.succeeded(reserved.attemptId, accountMark, address);

    const sessionExpires = new Date(Date.now() + this.settings.sessionHours * 3600_000);
    const [session] = await this.ds.query(
      `INSERT INTO staff_session (user_id, expires_at, client_ip) VALUES ($1, $2, $3) RETURNING id`,
      [user.id, sessionExpires, actor.clientIp],
    );
    await this.ds.query(`UPDATE staff_user SET last_login_at = now() WHERE id = $1`, [user.id]);
    const principal = this.userPrincipal(user, session.id, sessionExpires);
    await audit(
      this.ds,
      { ...actor, principal },
      { action: 'LOGIN', targetType: 'User', targetId: account, outcome: 'SUCCESS' },
    );
    const { token, expiresAt } = await this.issueToken(user.id, session.id, sessionExpires);
    return { token, expiresAt, user, userErrors: [] };
  }

  /** A fresh short-lived token for the same session, until the session itself ends. */
  async renewToken(principal: Principal): Promise<{ token: string; expiresAt: Date }> {
    const [s] = await this.ds.query(`SELECT expires_at FROM staff_session WHERE id = $1`, [principal.sessionId]);
    return this.issueToken(principal.id, principal.sessionId!, s.expires_at);
  }

  private async issueToken(userId: string, sessionId: string, sessionExpires: Date) {
    const expiresAt = new Date(Math.min(Date.now() + this.settings.tokenTtlMinutes * 60_000, sessionExpires.getTime()));
    return { token: await signToken(await this.signingKey(), userId, sessionId, expiresAt), expiresAt };
  }

  async logout(actor: Actor): Promise<void> {
    await this.ds.transaction(async (m) => {
      await m.query(`UPDATE staff_session SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL`, [
        actor.principal!.sessionId,
      ]);
      await audit(m, actor, {
        action: 'LOGOUT',
        targetType: 'User',
        targetId: actor.principal!.id,
        outcome: 'SUCCESS',
      });
      await notifyOnCommit(m, 'ACCESS_REVOKED', [{ sessionId: actor.principal!.sessionId }]);
    });
    this.credentials.forget({ sessionId: actor.principal!.sessionId });
  }

  /**
   * Who presents this Authorization header (or graphql-ws connectionParams.authorization): null
   * without one; InvalidCredential when it is malformed, expired, revoked or unknown.
   */
  async authenticate(authorization: string | undefined | null): Promise<Principal | null> {
    if (!authorization) return null;
    const m = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!m) throw new InvalidCredential('Authorization must be "Bearer <token or API key>"');
    const credential = m[1];
    return credential.startsWith('fk_') ? this.apiKeyPrincipal(credential) : this.sessionPrincipal(credential);
  }

  private async sessionPrincipal(token: string): Promise<Principal> {
    let claims = this.verified.get(token) ?? null;
    if (!claims) {
      claims = await verifyToken(await this.signingKey(), token);
      if (claims) {
        if (this.verified.size >= 10_000) this.verified.clear();
        this.verified.set(token, claims);
      }
    }
    if (!claims || claims.expiresAt.getTime() <= Date.now())
      throw new InvalidCredential('The token is invalid or has expired; sign in again');
    let session: CachedSession | undefined = this.credentials.session(claims.sessionId);
    if (!session || session.userId !== claims.userId || session.sessionExpiresAt <= Date.now()) {
      const generation = this.credentials.begin();
      const [row] = await this.ds.query(
        `SELECT u.id, u.email, u.role, s.expires_at FROM staff_session s JOIN staff_user u ON u.id = s.user_id
          WHERE s.id = $1 AND u.id = $2 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.active`,
        [claims.sessionId, claims.userId],
      );
      if (!row) throw new InvalidCredential('The session has ended; sign in again');
      session = {
        userId: row.id,
        email: row.email,
        role: row.role,
        sessionExpiresAt: (row.expires_at as Date).getTime(),
      };
      this.credentials.storeSession(generation, claims.sessionId, session);
    }
    return {
      kind: 'USER',
      id: session.userId,
      name: session.email,
      role: session.role,
      permissions: permissionsOf(session.role),
      sessionId: claims.sessionId,
      expiresAt: claims.expiresAt,
    };
  }

  private userPrincipal(user: StaffUser, sessionId: string, expiresAt: Date): Principal {
    return {
      kind: 'USER',
      id: user.id,
      name: user.email,
      role: user.role,
      permissions: permissionsOf(user.role),
      sessionId,
      expiresAt,
    };
  }

  /**
   * A key's row is remembered like a session (CredentialCache), so a change to it, even one made with
   * plain SQL, counts from the next request; unknown and revoked keys are read every time.
   */
  private async apiKeyPrincipal(key: string): Promise<Principal> {
    const m = API_KEY_PATTERN.exec(key);
    if (!m) throw new InvalidCredential('Unknown API key');
    const prefix = m[1];
    let cached = this.credentials.apiKey(prefix);
    if (!cached) {
      const generation = this.credentials.begin();
      const row = await this.ds.getRepository(ApiKey).findOneBy({ prefix });
      if (!row || !sameHash(row.secretHash, hashApiKey(key))) throw new InvalidCredential('Unknown API key');
      if (row.revokedAt) throw new InvalidCredential('This API key has been revoked');
      cached = {
        id: row.id,
        name: row.name,
        permissions: permissionsOfScopes(row.scopes),
        secretHash: row.secretHash,
        expiresAt: row.expiresAt,
        lastUsedAt: row.lastUsedAt?.getTime() ?? null,
      };
      this.credentials.storeApiKey(generation, prefix, cached);
    } else if (!sameHash(cached.secretHash, hashApiKey(key))) throw new InvalidCredential('Unknown API key');
    if (cached.expiresAt && cached.expiresAt.getTime() <= Date.now())
      throw new InvalidCredential('This API key has expired');
    await this.noteUse(cached);
    return {
      kind: 'API_KEY',
      id: cached.id,
      name: cached.name,
      role: null,
      permissions: cached.permissions,
      sessionId: null,
      expiresAt: cached.expiresAt,
    };
  }

  /** last_used_at is kept to the minute: written only when what this process knows is older than that. */
  private async noteUse(key: CachedApiKey): Promise<void> {
    if (key.lastUsedAt !== null && key.lastUsedAt >= Date.now() - 60_000) return;
    key.lastUsedAt = Date.now();
    await this.ds.query(
      `UPDATE api_key SET last_used_at = now() WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
      [key.id],
    );
  }

  /**
   * Demo accounts (password "demo") and the first admin of a real deployment. `disableDemo` (a
   * production start with SEED=none) disables demo accounts an earlier demo start left behind and
   * ends their sessions: their password is public, so they must not keep working, but rows that
   * events and audit entries name stay, and an admin may still look at them.
   */
  async ensureUsers(opts: {
    demo: boolean;
    disableDemo?: boolean;
    adminEmail?: string;
    adminPassword?: string;
  }): Promise<void> {
    if (opts.disableDemo && !opts.demo) await this.disableDemoUsers();
    const wanted: { email: string; name: string; role: Role; password: string }[] = [];
    if (opts.demo) wanted.push(...DEMO_USERS.map((u) => ({ ...u, password: 'demo' })));
    if (opts.adminEmail && opts.adminPassword)
      wanted.push({ email: opts.adminEmail, name: 'Administrator', role: 'ADMIN', password: opts.adminPassword });
    for (const u of wanted) {
      const exists = await this.ds.query(`SELECT 1 FROM staff_user WHERE lower(email) = lower($1)`, [u.email]);
      if (exists.length) continue;
      await this.ds.query(
        `INSERT INTO staff_user (email, name, role, password_hash) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
        [u.email, u.name, u.role, await hashPassword(u.password)],
      );
      logger.info({ email: u.email, role: u.role }, 'created staff user');
    }
  }

  /** Staff rows' triggers tell every other API process (credential_changed), which then drops the sessions. */
  private async disableDemoUsers(): Promise<void> {
    const disabled: { id: string; email: string }[] = await this.ds.transaction(async (m) => {
      const [rows] = await m.query(
        `UPDATE staff_user SET active = false WHERE lower(email) = ANY($1) AND active RETURNING id, email`,
        [DEMO_USERS.map((u) => u.email)],
      );
      if (rows.length)
        await m.query(`UPDATE staff_session SET revoked_at = now() WHERE user_id = ANY($1) AND revoked_at IS NULL`, [
          rows.map((r: { id: string }) => r.id),
        ]);
      return rows;
    });
    if (disabled.length)
      logger.warn(
        { emails: disabled.map((u) => u.email) },
        'production start with SEED=none: demo accounts (password "demo") disabled and their sessions ended',
      );
  }
}

export const DEMO_USERS: { email: string; name: string; role: Role }[] = [
  { email: 'admin@demo.local', name: '系统管理员 陈静', role: 'ADMIN' },
  { email: 'manager@demo.local', name: '运营经理 王磊', role: 'MANAGER' },
  { email: 'service@demo.local', name: '客服 李娜', role: 'CUSTOMER_SERVICE' },
  { email: 'warehouse@demo.local', name: '仓管 张强', role: 'WAREHOUSE' },
  { email: 'dispatcher@demo.local', name: '调度 刘洋', role: 'DISPATCHER' },
  { email: 'purchasing@demo.local', name: '采购 赵敏', role: 'PURCHASING' },
  // Created with the demo fleet (db/seed/couriers.ts), which links it to a courier.
  { email: 'courier@demo.local', name: '快递员 孙浩', role: 'COURIER' },
];

export function hashPassword(password: string): Promise<string> {
  return argon2Hash(password);
}
