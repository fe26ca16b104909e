import { DataSource, EntityManager } from 'typeorm';
import { ApiKeyScope } from '@fulfilment/domain';
import { paginate } from '../../common/connection';
import { localId } from '../../common/global-id';
import { AccessRevokedMessage, notifyOnCommit } from '../../common/live-events';
import { fail, UserError, UserErrorCode as C, UserFailure, userError } from '../../common/user-error';
import { validateInput } from '../../common/validation';
import { audit } from '../../common/audit';
import { ApiKey } from './api-key.entity';
import { CreateApiKeyInput, CreateUserInput, UpdateUserInput } from './access.inputs';
import { hashPassword } from './auth.service';
import { Actor } from '../../common/actor';
import { StaffUser } from './staff-user.entity';
import { newApiKeySecret } from './tokens';

type UserResult = { user: StaffUser | null; userErrors: UserError[] };

/** Staff accounts and integrator API keys. Every change is audited in its own transaction. */
export class AccessService {
  /**
   * Told of every revocation once its transaction has committed, so this process stops accepting the
   * credential at once, before its own NOTIFY comes back (the server wires it to the credential cache).
   */
  onRevoked: (revoked: AccessRevokedMessage) => void = () => undefined;

  constructor(private readonly ds: DataSource) {}

  listUsers(page: { first?: number; after?: string }) {
    const qb = this.ds.getRepository(StaffUser).createQueryBuilder('u');
    return paginate(qb, { columns: ['u.email'], kinds: ['text'], direction: 'ASC', values: (u) => [u.email] }, page);
  }

  async createUser(input: CreateUserInput, actor: Actor): Promise<UserResult> {
    const invalid = await validateInput(input);
    if (invalid.length) return { user: null, userErrors: invalid };
    return this.guard<UserResult>(actor, 'CREATE_USER', async (m) => {
      const taken = await m.query(`SELECT 1 FROM staff_user WHERE lower(email) = lower($1)`, [input.email]);
      if (taken.length) fail(C.EMAIL_TAKEN, 'A user with this e-mail already exists', ['input', 'email']);
      const [row] = await m.query(`INSERT INTO staff_user (email, name, role, password_hash) VALUES ($1, $2, $3, $4) RETURNING id`, [
        input.email.trim(),
        input.name.trim(),
        input.role,
        await hashPassword(input.password),
      ]);
      await audit(m, actor, { action: 'CREATE_USER', targetType: 'User', targetId: row.id, outcome: 'SUCCESS', details: { role: input.role } });
      return { user: await m.getRepository(StaffUser).findOneByOrFail({ id: row.id }), userErrors: [] };
    }, (userErrors) => ({ user: null, userErrors }));
  }

  /** A changed role, password or deactivation ends the user's sessions, live connections included. */
  async updateUser(input: UpdateUserInput, actor: Actor): Promise<UserResult> {
    const invalid = await validateInput(input);
    if (invalid.length) return { user: null, userErrors: invalid };
    let revoked: AccessRevokedMessage | null = null;
    const result = await this.guard<UserResult>(actor, 'UPDATE_USER', async (m) => {
      const id = localId(input.userId, 'User');
      const user = id ? await m.getRepository(StaffUser).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
      if (!user) fail(C.NOT_FOUND, 'No user with this id', ['input', 'userId']);
      // An explicit null is "no change", like a missing field (every column is NOT NULL).
      const changes: Partial<StaffUser> = {};
      if (input.name != null) changes.name = input.name.trim();
      if (input.role != null) changes.role = input.role;
      if (input.active != null) changes.active = input.active;
      if (input.password != null) changes.passwordHash = await hashPassword(input.password);
      if (Object.keys(changes).length === 0) fail(C.NOTHING_TO_CHANGE, 'Give name, role, active or password to change', ['input']);
      await m.getRepository(StaffUser).update(user.id, changes);
      const endsSessions = input.role != null || input.active === false || input.password != null;
      if (endsSessions) {
        await m.query(`UPDATE staff_session SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [user.id]);
        await notifyOnCommit(m, 'ACCESS_REVOKED', [{ userId: user.id }]);
        revoked = { userId: user.id };
      }
      await audit(m, actor, {
        action: 'UPDATE_USER',
        targetType: 'User',
        targetId: user.id,
        outcome: 'SUCCESS',
        details: { fields: Object.keys(changes).map((k) => (k === 'passwordHash' ? 'password' : k)), sessionsEnded: endsSessions },
      });
      return { user: await m.getRepository(StaffUser).findOneByOrFail({ id: user.id }), userErrors: [] };
    }, (userErrors) => ({ user: null, userErrors }));
    if (revoked) this.onRevoked(revoked);
    return result;
  }

  async setLocale(locale: string, actor: Actor): Promise<StaffUser> {
    return this.ds.transaction(async (m) => {
      await m.query(`UPDATE staff_user SET locale = $1 WHERE id = $2`, [locale, actor.principal!.id]);
      await audit(m, actor, { action: 'UPDATE_PREFERENCES', targetType: 'User', targetId: actor.principal!.id, outcome: 'SUCCESS', details: { locale } });
      return m.getRepository(StaffUser).findOneByOrFail({ id: actor.principal!.id });
    });
  }

  listApiKeys(page: { first?: number; after?: string }, includeRevoked: boolean) {
    const qb = this.ds.getRepository(ApiKey).createQueryBuilder('k');
    if (!includeRevoked) qb.where('k.revoked_at IS NULL');
    return paginate(qb, { columns: ['k.createdAt', 'k.id'], kinds: ['timestamp', 'uuid'], direction: 'DESC', values: (k) => [k.createdAt, k.id] }, page);
  }

  async createApiKey(input: CreateApiKeyInput, actor: Actor): Promise<{ apiKey: ApiKey | null; secret: string | null; userErrors: UserError[] }> {
    const invalid = await validateInput(input);
    if (input.scopes.length === 0) invalid.push(userError(C.INVALID_INPUT, 'Give the key at least one scope', ['input', 'scopes']));
    if (input.expiresAt && input.expiresAt.getTime() <= Date.now()) invalid.push(userError(C.INVALID_INPUT, 'expiresAt must be in the future', ['input', 'expiresAt']));
    if (invalid.length) return { apiKey: null, secret: null, userErrors: invalid };
    const { key, prefix, hash } = newApiKeySecret();
    return this.guard<{ apiKey: ApiKey | null; secret: string | null; userErrors: UserError[] }>(actor, 'CREATE_API_KEY', async (m) => {
      const [row] = await m.query(
        `INSERT INTO api_key (name, prefix, secret_hash, scopes, created_by, expires_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [input.name.trim(), prefix, hash, [...new Set<ApiKeyScope>(input.scopes)], actor.principal?.kind === 'USER' ? actor.principal.id : null, input.expiresAt ?? null],
      );
      await audit(m, actor, { action: 'CREATE_API_KEY', targetType: 'ApiKey', targetId: row.id, outcome: 'SUCCESS', details: { scopes: input.scopes, prefix } });
      return { apiKey: await m.getRepository(ApiKey).findOneByOrFail({ id: row.id }), secret: key, userErrors: [] };
    }, (userErrors) => ({ apiKey: null, secret: null, userErrors }));
  }

  async revokeApiKey(apiKeyId: string, actor: Actor): Promise<{ apiKey: ApiKey | null; userErrors: UserError[] }> {
    let revoked: AccessRevokedMessage | null = null;
    const result = await this.guard<{ apiKey: ApiKey | null; userErrors: UserError[] }>(actor, 'REVOKE_API_KEY', async (m) => {
      const id = localId(apiKeyId, 'ApiKey');
      const key = id ? await m.getRepository(ApiKey).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
      if (!key) fail(C.NOT_FOUND, 'No API key with this id', ['input', 'apiKeyId']);
      if (key.revokedAt) fail(C.ALREADY_REVOKED, 'This API key is already revoked', ['input', 'apiKeyId']);
      await m.query(`UPDATE api_key SET revoked_at = now() WHERE id = $1`, [key.id]);
      await notifyOnCommit(m, 'ACCESS_REVOKED', [{ apiKeyId: key.id }]);
      revoked = { apiKeyId: key.id };
      await audit(m, actor, { action: 'REVOKE_API_KEY', targetType: 'ApiKey', targetId: key.id, outcome: 'SUCCESS' });
      return { apiKey: await m.getRepository(ApiKey).findOneByOrFail({ id: key.id }), userErrors: [] };
    }, (userErrors) => ({ apiKey: null, userErrors }));
    if (revoked) this.onRevoked(revoked);
    return result;
  }

  /** Runs a change in a transaction; a userError rolls it back and is audited as a failure. */
  private async guard<R>(actor: Actor, action: string, work: (m: EntityManager) => Promise<R>, failed: (errors: UserError[]) => R): Promise<R> {
    try {
      return await this.ds.transaction(work);
    } catch (e) {
      if (!(e instanceof UserFailure)) throw e;
      await audit(this.ds, actor, { action, outcome: 'FAILURE', details: { codes: e.errors.map((x) => x.code) } });
      return failed(e.errors);
    }
  }
}
