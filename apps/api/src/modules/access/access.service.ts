import { DataSource } from 'typeorm';
import { MutationResult, Mutations, Tx } from '../../common/mutation';
import { ApiKeyScope } from '@fulfilment/domain';
import { paginate } from '../../common/connection';
import { localId } from '../../common/global-id';
import { notifyOnCommit } from '../../live/publish';
import type { AccessRevokedMessage } from './access.events';
import { fail, userError } from '../../common/user-error';
import { validateInput } from '../../common/validation';
import { audit } from '../../common/audit';
import { ApiKey } from './api-key.entity';
import { CreateApiKeyInput, CreateUserInput, UpdateUserInput } from './access.inputs';
import { hashPassword } from './auth.service';
import { Actor } from '../../common/actor';
import { StaffUser } from './staff-user.entity';
import { newApiKeySecret } from './tokens';

type UserResult = MutationResult<{ user: StaffUser }>;

/** Staff accounts and integrator API keys. Every change is audited in its transaction. */
export class AccessService {
  constructor(
    private readonly ds: DataSource,
    private readonly mutations: Mutations,
  ) {}

  listUsers(page: { first?: number; after?: string }) {
    const qb = this.ds.getRepository(StaffUser).createQueryBuilder('u');
    return paginate(qb, { columns: ['u.email'], kinds: ['text'], direction: 'ASC', values: (u) => [u.email] }, page);
  }

  async createUser(input: CreateUserInput, actor: Actor): Promise<UserResult> {
    const invalid = await validateInput(input);
    return this.mutations.run(actor, { action: 'CREATE_USER', invalid }, async ({ m }) => {
      const taken = await m.query(`SELECT 1 FROM staff_user WHERE lower(email) = lower($1)`, [input.email]);
      if (taken.length) fail('EMAIL_TAKEN', 'A user with this e-mail already exists', ['input', 'email']);
      const [row] = await m.query(
        `INSERT INTO staff_user (email, name, role, password_hash) VALUES ($1, $2, $3, $4) RETURNING id`,
        [input.email.trim(), input.name.trim(), input.role, await hashPassword(input.password)],
      );
      await audit(m, actor, {
        action: 'CREATE_USER',
        targetType: 'User',
        targetId: row.id,
        outcome: 'SUCCESS',
        details: { role: input.role },
      });
      return { user: await m.getRepository(StaffUser).findOneByOrFail({ id: row.id }) };
    });
  }

  /** A changed role, password or deactivation ends the user's sessions, live connections included. */
  async updateUser(input: UpdateUserInput, actor: Actor): Promise<UserResult> {
    const invalid = await validateInput(input);
    return this.mutations.run(actor, { action: 'UPDATE_USER', invalid }, async (tx) => {
      const { m } = tx;
      const id = localId(input.userId, 'User');
      const user = id
        ? await m.getRepository(StaffUser).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } })
        : null;
      if (!user) fail('NOT_FOUND', 'No user with this id', ['input', 'userId']);
      // An explicit null is "no change", like a missing field (every column is NOT NULL).
      const changes: Partial<StaffUser> = {};
      if (input.name != null) changes.name = input.name.trim();
      if (input.role != null) changes.role = input.role;
      if (input.active != null) changes.active = input.active;
      if (input.password != null) changes.passwordHash = await hashPassword(input.password);
      if (Object.keys(changes).length === 0)
        fail('NOTHING_TO_CHANGE', 'Give name, role, active or password to change', ['input']);
      await m.getRepository(StaffUser).update(user.id, changes);
      const endsSessions = input.role != null || input.active === false || input.password != null;
      if (endsSessions) {
        await m.query(`UPDATE staff_session SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [
          user.id,
        ]);
        await this.revoked(tx, { userId: user.id });
      }
      await audit(m, actor, {
        action: 'UPDATE_USER',
        targetType: 'User',
        targetId: user.id,
        outcome: 'SUCCESS',
        details: {
          fields: Object.keys(changes).map((k) => (k === 'passwordHash' ? 'password' : k)),
          sessionsEnded: endsSessions,
        },
      });
      return { user: await m.getRepository(StaffUser).findOneByOrFail({ id: user.id }) };
    });
  }

  async setLocale(locale: string, actor: Actor): Promise<UserResult> {
    return this.mutations.run(actor, { action: 'UPDATE_PREFERENCES', targetType: 'User' }, async ({ m }) => {
      await m.query(`UPDATE staff_user SET locale = $1 WHERE id = $2`, [locale, actor.principal!.id]);
      await audit(m, actor, {
        action: 'UPDATE_PREFERENCES',
        targetType: 'User',
        targetId: actor.principal!.id,
        outcome: 'SUCCESS',
        details: { locale },
      });
      return { user: await m.getRepository(StaffUser).findOneByOrFail({ id: actor.principal!.id }) };
    });
  }

  listApiKeys(page: { first?: number; after?: string }, includeRevoked: boolean) {
    const qb = this.ds.getRepository(ApiKey).createQueryBuilder('k');
    if (!includeRevoked) qb.where('k.revoked_at IS NULL');
    return paginate(
      qb,
      {
        columns: ['k.createdAt', 'k.id'],
        kinds: ['timestamp', 'uuid'],
        direction: 'DESC',
        values: (k) => [k.createdAt, k.id],
      },
      page,
    );
  }

  async createApiKey(
    input: CreateApiKeyInput,
    actor: Actor,
  ): Promise<MutationResult<{ apiKey: ApiKey; secret: string }>> {
    const invalid = await validateInput(input);
    if (input.scopes.length === 0)
      invalid.push(userError('INVALID_INPUT', 'Give the key at least one scope', ['input', 'scopes']));
    if (input.expiresAt && input.expiresAt.getTime() <= Date.now())
      invalid.push(userError('INVALID_INPUT', 'expiresAt must be in the future', ['input', 'expiresAt']));
    const { key, prefix, hash } = newApiKeySecret();
    return this.mutations.run(actor, { action: 'CREATE_API_KEY', invalid }, async ({ m }) => {
      const [row] = await m.query(
        `INSERT INTO api_key (name, prefix, secret_hash, scopes, created_by, expires_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [
          input.name.trim(),
          prefix,
          hash,
          [...new Set<ApiKeyScope>(input.scopes)],
          actor.principal?.kind === 'USER' ? actor.principal.id : null,
          input.expiresAt ?? null,
        ],
      );
      await audit(m, actor, {
        action: 'CREATE_API_KEY',
        targetType: 'ApiKey',
        targetId: row.id,
        outcome: 'SUCCESS',
        details: { scopes: input.scopes, prefix },
      });
      return { apiKey: await m.getRepository(ApiKey).findOneByOrFail({ id: row.id }), secret: key };
    });
  }

  async revokeApiKey(apiKeyId: string, actor: Actor): Promise<MutationResult<{ apiKey: ApiKey }>> {
    return this.mutations.run(actor, { action: 'REVOKE_API_KEY' }, async (tx) => {
      const { m } = tx;
      const id = localId(apiKeyId, 'ApiKey');
      const key = id
        ? await m.getRepository(ApiKey).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } })
        : null;
      if (!key) fail('NOT_FOUND', 'No API key with this id', ['input', 'apiKeyId']);
      if (key.revokedAt) fail('ALREADY_REVOKED', 'This API key is already revoked', ['input', 'apiKeyId']);
      await m.query(`UPDATE api_key SET revoked_at = now() WHERE id = $1`, [key.id]);
      await this.revoked(tx, { apiKeyId: key.id });
      await audit(m, actor, { action: 'REVOKE_API_KEY', targetType: 'ApiKey', targetId: key.id, outcome: 'SUCCESS' });
      return { apiKey: await m.getRepository(ApiKey).findOneByOrFail({ id: key.id }) };
    });
  }

  /**
   * Every API process hears of a revocation by NOTIFY once it commits (live connections close, caches
   * forget); this process's handlers hear of it in the transaction, to act at once after commit.
   */
  private async revoked(tx: Tx, revoked: AccessRevokedMessage): Promise<void> {
    await notifyOnCommit(tx.m, 'ACCESS_REVOKED', [revoked]);
    await tx.emit('ACCESS_REVOKED', revoked);
  }
}
