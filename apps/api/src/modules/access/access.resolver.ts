import { Arg, Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { Context } from '../../app/context';
import { PageArgs } from '../../common/page-args';
import { userError } from '../../common/user-error';
import {
  CreateApiKeyInput,
  CreateUserInput,
  LoginInput,
  RevokeApiKeyInput,
  UpdateMyPreferencesInput,
  UpdateUserInput,
} from './access.inputs';
import {
  ApiKeyConnection,
  ApiKeyPayload,
  CreateApiKeyPayload,
  LoginPayload,
  LogoutPayload,
  RenewTokenPayload,
  UserConnection,
  UserPayload,
} from './access.types';
import { unauthenticated, Requires } from './requires';
import { StaffUser } from './staff-user.entity';

const LOCALES = ['zh-CN', 'en'];

@Resolver()
export class AccessResolver {
  @Mutation(() => LoginPayload, {
    description: 'Signs a staff member in. Open to everyone; attempts are throttled per account and per address.',
  })
  async login(@Arg('input', { description: 'E-mail and password.' }) input: LoginInput, @Ctx() ctx: Context) {
    return Object.assign(new LoginPayload(), await ctx.services.auth.login(input.email, input.password, ctx.actor));
  }

  @Requires(null)
  @Mutation(() => RenewTokenPayload, { description: 'A fresh short-lived token for the current session.' })
  renewToken(@Ctx() ctx: Context) {
    if (ctx.actor.principal?.kind !== 'USER') throw unauthenticated();
    return ctx.services.auth.renewToken(ctx.actor.principal);
  }

  @Requires(null)
  @Mutation(() => LogoutPayload, {
    description: 'Ends the current session; its tokens and live connections stop working.',
  })
  async logout(@Ctx() ctx: Context) {
    if (ctx.actor.principal?.kind !== 'USER') throw unauthenticated();
    await ctx.services.auth.logout(ctx.actor);
    return { loggedOut: true };
  }

  @Requires(null)
  @Query(() => StaffUser, { nullable: true, description: 'The signed-in staff member (null for an API key).' })
  me(@Ctx() ctx: Context) {
    const p = ctx.actor.principal!;
    return p.kind === 'USER' ? ctx.services.ds.getRepository(StaffUser).findOneBy({ id: p.id }) : null;
  }

  @Requires(null)
  @Mutation(() => UserPayload, { description: "Remembers the signed-in staff member's dashboard language." })
  async updateMyPreferences(
    @Arg('input', { description: 'The preferences to keep.' }) input: UpdateMyPreferencesInput,
    @Ctx() ctx: Context,
  ) {
    if (ctx.actor.principal?.kind !== 'USER') throw unauthenticated();
    if (!LOCALES.includes(input.locale)) {
      return Object.assign(new UserPayload(), {
        user: null,
        userErrors: [userError('INVALID_INPUT', `locale must be one of ${LOCALES.join(', ')}`, ['input', 'locale'])],
      });
    }
    return Object.assign(new UserPayload(), await ctx.services.access.setLocale(input.locale, ctx.actor));
  }

  @Requires('USER_MANAGE')
  @Query(() => UserConnection, { description: 'Staff accounts, by e-mail.' })
  users(@Args() page: PageArgs, @Ctx() ctx: Context) {
    return ctx.services.access.listUsers(page);
  }

  @Requires('USER_MANAGE')
  @Mutation(() => UserPayload, { description: 'Creates a staff account.' })
  async createUser(@Arg('input', { description: 'The new account.' }) input: CreateUserInput, @Ctx() ctx: Context) {
    return Object.assign(new UserPayload(), await ctx.services.access.createUser(input, ctx.actor));
  }

  @Requires('USER_MANAGE')
  @Mutation(() => UserPayload, {
    description: 'Renames, changes the role of, disables or resets the password of a staff account.',
  })
  async updateUser(
    @Arg('input', { description: 'The account and its changes.' }) input: UpdateUserInput,
    @Ctx() ctx: Context,
  ) {
    return Object.assign(new UserPayload(), await ctx.services.access.updateUser(input, ctx.actor));
  }

  @Requires('APIKEY_MANAGE')
  @Query(() => ApiKeyConnection, { description: 'Integrator API keys, newest first; secrets are never shown.' })
  apiKeys(
    @Args() page: PageArgs,
    @Arg('includeRevoked', { defaultValue: false, description: 'Also list revoked keys (default false).' })
    includeRevoked: boolean,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.access.listApiKeys(page, includeRevoked);
  }

  @Requires('APIKEY_MANAGE')
  @Mutation(() => CreateApiKeyPayload, { description: 'Creates an API key and shows its secret once.' })
  async createApiKey(
    @Arg('input', { description: 'Name, scopes and optional expiry of the key.' }) input: CreateApiKeyInput,
    @Ctx() ctx: Context,
  ) {
    return Object.assign(new CreateApiKeyPayload(), await ctx.services.access.createApiKey(input, ctx.actor));
  }

  @Requires('APIKEY_MANAGE')
  @Mutation(() => ApiKeyPayload, {
    description: 'Revokes an API key: its next use fails, and its live connections close.',
  })
  async revokeApiKey(
    @Arg('input', { description: 'The key to revoke.' }) input: RevokeApiKeyInput,
    @Ctx() ctx: Context,
  ) {
    return Object.assign(new ApiKeyPayload(), await ctx.services.access.revokeApiKey(input.apiKeyId, ctx.actor));
  }
}
