import { IsEmail, IsNotEmpty, IsOptional, MaxLength, MinLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import type { ApiKeyScope as ApiKeyScopeT, Role as RoleT } from '@fulfilment/domain';
import { ApiKeyScope, Role } from '../../common/enums';
import { code } from '../../common/validation';

@InputType({ description: 'A staff member’s sign-in.' })
export class LoginInput {
  @Field({ description: 'The staff member’s e-mail (their sign-in name).' })
  email: string;

  @Field({ description: 'Their password.' })
  password: string;
}

@InputType({ description: 'A new staff account.' })
export class CreateUserInput {
  @Field({ description: 'E-mail, the sign-in name; at most 200 characters, unique.' })
  @IsEmail({}, code('INVALID_INPUT', 'email must be an e-mail address'))
  @MaxLength(200, code('TOO_LONG', 'email must be at most 200 characters'))
  email: string;

  @Field({ description: 'Name shown in the dashboard and in histories, at most 100 characters.' })
  @IsNotEmpty(code('INVALID_INPUT', 'name must not be empty'))
  @MaxLength(100, code('TOO_LONG', 'name must be at most 100 characters'))
  name: string;

  @Field(() => Role, { description: 'The role; it decides the permissions.' })
  role: RoleT;

  @Field({ description: 'Initial password, 8 to 200 characters.' })
  @MinLength(8, code('WEAK_PASSWORD', 'password must be at least 8 characters'))
  @MaxLength(200, code('TOO_LONG', 'password must be at most 200 characters'))
  password: string;
}

@InputType({ description: 'Changes to a staff account; fields left out stay as they are.' })
export class UpdateUserInput {
  @Field(() => ID, { description: 'Global id of the user.' })
  userId: string;

  @Field({ nullable: true, description: 'New name, at most 100 characters.' })
  @IsOptional()
  @IsNotEmpty(code('INVALID_INPUT', 'name must not be empty'))
  @MaxLength(100, code('TOO_LONG', 'name must be at most 100 characters'))
  name?: string;

  @Field(() => Role, { nullable: true, description: "Changing the role ends the user's sessions." })
  role?: RoleT;

  @Field({ nullable: true, description: 'false disables the account and ends its sessions.' })
  active?: boolean;

  @Field({ nullable: true, description: 'New password, 8 to 200 characters; ends the user’s sessions.' })
  @IsOptional()
  @MinLength(8, code('WEAK_PASSWORD', 'password must be at least 8 characters'))
  @MaxLength(200, code('TOO_LONG', 'password must be at most 200 characters'))
  password?: string;
}

@InputType({ description: 'The signed-in staff member’s dashboard preferences.' })
export class UpdateMyPreferencesInput {
  @Field({ description: 'Dashboard language: zh-CN or en.' })
  locale: string;
}

@InputType({ description: 'A new API key for an integrator.' })
export class CreateApiKeyInput {
  @Field({ description: 'Who uses it, e.g. "Tmall storefront".' })
  @IsNotEmpty(code('INVALID_INPUT', 'name must not be empty'))
  @MaxLength(100, code('TOO_LONG', 'name must be at most 100 characters'))
  name: string;

  @Field(() => [ApiKeyScope], { description: 'What the key may do.' })
  scopes: ApiKeyScopeT[];

  @Field({ nullable: true, description: 'The key stops working then; without it, until revoked.' })
  expiresAt?: Date;
}

@InputType({ description: 'The API key to revoke.' })
export class RevokeApiKeyInput {
  @Field(() => ID, { description: 'Global id of the API key.' })
  apiKeyId: string;
}
