import { IsEmail, IsNotEmpty, IsOptional, MaxLength, MinLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import type { ApiKeyScope as ApiKeyScopeT, Role as RoleT } from '@fulfilment/domain';
import { ApiKeyScope, Role } from '../../common/enums';
import { code } from '../../common/validation';

@InputType()
export class LoginInput {
  @Field()
  email: string;

  @Field()
  password: string;
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

  @Field({ nullable: true, description: 'false disables the account and ends its sessions.' })
  active?: boolean;

  @Field({ nullable: true })
  @IsOptional()
  @MinLength(8, code('WEAK_PASSWORD', 'password must be at least 8 characters'))
  @MaxLength(200, code('TOO_LONG', 'password must be at most 200 characters'))
  password?: string;
}

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

@InputType()
export class RevokeApiKeyInput {
  @Field(() => ID)
  apiKeyId: string;
}
