import { IsEmail, IsNotEmpty, IsOptional, MaxLength, MinLength } from 'class-validator';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import type { ApiKeyScope as ApiKeyScopeT, Role as RoleT } from '@fulfilment/domain';
import { Connection } from '../../common/connection';
import { ApiKeyScope, Role } from '../../common/enums';
import { MutationPayload } from '../../common/user-error';
import { code } from '../../common/validation';
import { ApiKey } from './api-key.entity';
import { StaffUser } from './staff-user.entity';

@InputType()
export class LoginInput {
  @Field()
  email: string;

  @Field()
  password: string;
}

@ObjectType()
export class LoginPayload extends MutationPayload {
  @Field(() => String, { nullable: true, description: 'Send as "Authorization: Bearer <token>" (HTTP) or connectionParams.authorization (graphql-ws).' })
  token: string | null;

  @Field(() => Date, { nullable: true, description: 'The token stops working then; renewToken gives a new one while the session lasts.' })
  expiresAt: Date | null;

  @Field(() => StaffUser, { nullable: true })
  user: StaffUser | null;
}

@ObjectType()
export class RenewTokenPayload {
  @Field()
  token: string;

  @Field()
  expiresAt: Date;
}

@ObjectType()
export class LogoutPayload {
  @Field()
  loggedOut: boolean;
}

@InputType()
export class CreateUserInput {
  @Field()
  @IsEmail({}, code('INVALID_INPUT', 'email must be an e-mail address'))
  @MaxLength(200, code('TOO_LONG', 'email must be at most 200 characters'))
  email: string;

  @Field()
  @IsNotEmpty(code('INVALID_INPUT', 'name must not be empty'))
  @MaxLength(100, code('TOO_LONG', 'name must be at most 100 characters'))
  name: string;

  @Field(() => Role)
  role: RoleT;

  @Field()
  @MinLength(8, code('WEAK_PASSWORD', 'password must be at least 8 characters'))
  @MaxLength(200, code('TOO_LONG', 'password must be at most 200 characters'))
  password: string;
}

@InputType()
export class UpdateUserInput {
  @Field(() => ID)
  userId: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsNotEmpty(code('INVALID_INPUT', 'name must not be empty'))
  @MaxLength(100, code('TOO_LONG', 'name must be at most 100 characters'))
  name?: string;

  @Field(() => Role, { nullable: true, description: "Changing the role ends the user's sessions." })
  role?: RoleT;

  @Field({ nullable: true, description: "false disables the account and ends its sessions." })
  active?: boolean;

  @Field({ nullable: true })
  @IsOptional()
  @MinLength(8, code('WEAK_PASSWORD', 'password must be at least 8 characters'))
  @MaxLength(200, code('TOO_LONG', 'password must be at most 200 characters'))
  password?: string;
}

@ObjectType()
export class UserPayload extends MutationPayload {
  @Field(() => StaffUser, { nullable: true })
  user: StaffUser | null;
}

@ObjectType()
export class UserConnection extends Connection(StaffUser) {}

@InputType()
export class UpdateMyPreferencesInput {
  @Field({ description: 'Dashboard language: zh-CN or en.' })
  locale: string;
}

@InputType()
export class CreateApiKeyInput {
  @Field({ description: 'Who uses it, e.g. "Tmall storefront".' })
  @IsNotEmpty(code('INVALID_INPUT', 'name must not be empty'))
  @MaxLength(100, code('TOO_LONG', 'name must be at most 100 characters'))
  name: string;

  @Field(() => [ApiKeyScope])
  scopes: ApiKeyScopeT[];

  @Field({ nullable: true, description: 'The key stops working then; without it, until revoked.' })
  expiresAt?: Date;
}

@ObjectType()
export class CreateApiKeyPayload extends MutationPayload {
  @Field(() => ApiKey, { nullable: true })
  apiKey: ApiKey | null;

  @Field(() => String, { nullable: true, description: 'The full key. Shown only now: store it safely, it cannot be read again.' })
  secret: string | null;
}

@InputType()
export class RevokeApiKeyInput {
  @Field(() => ID)
  apiKeyId: string;
}

@ObjectType()
export class ApiKeyPayload extends MutationPayload {
  @Field(() => ApiKey, { nullable: true })
  apiKey: ApiKey | null;
}

@ObjectType()
export class ApiKeyConnection extends Connection(ApiKey) {}
