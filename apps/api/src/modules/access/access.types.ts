import { Field, ObjectType } from 'type-graphql';
import { Connection } from '../../common/connection';
import { MutationPayload } from '../../common/user-error';
import { ApiKey } from './api-key.entity';
import { StaffUser } from './staff-user.entity';

@ObjectType({ description: 'The session token of a successful sign-in, or userErrors saying why not.' })
export class LoginPayload extends MutationPayload {
  @Field(() => String, {
    nullable: true,
    description: 'Send as "Authorization: Bearer <token>" (HTTP) or connectionParams.authorization (graphql-ws).',
  })
  token: string | null;

  @Field(() => Date, {
    nullable: true,
    description: 'The token stops working then; renewToken gives a new one while the session lasts.',
  })
  expiresAt: Date | null;

  @Field(() => StaffUser, { nullable: true, description: 'The signed-in staff member.' })
  user: StaffUser | null;
}

@ObjectType({ description: 'A fresh token for the current session.' })
export class RenewTokenPayload {
  @Field({ description: 'Send as "Authorization: Bearer <token>"; replaces the previous token.' })
  token: string;

  @Field({ description: 'The token stops working then.' })
  expiresAt: Date;
}

@ObjectType({ description: 'The outcome of signing out.' })
export class LogoutPayload {
  @Field({ description: 'True once the session has ended.' })
  loggedOut: boolean;
}

@ObjectType({ description: 'The staff account after the change, or userErrors saying why nothing changed.' })
export class UserPayload extends MutationPayload {
  @Field(() => StaffUser, { nullable: true, description: 'The account after the change.' })
  user: StaffUser | null;
}

@ObjectType({ description: 'A page of staff accounts, by e-mail.' })
export class UserConnection extends Connection(StaffUser) {}

@ObjectType({ description: 'The new API key and its secret, or userErrors saying why none was made.' })
export class CreateApiKeyPayload extends MutationPayload {
  @Field(() => ApiKey, { nullable: true, description: 'The key created.' })
  apiKey: ApiKey | null;

  @Field(() => String, {
    nullable: true,
    description: 'The full key. Shown only now: store it safely, it cannot be read again.',
  })
  secret: string | null;
}

@ObjectType({ description: 'The API key after the change, or userErrors saying why nothing changed.' })
export class ApiKeyPayload extends MutationPayload {
  @Field(() => ApiKey, { nullable: true, description: 'The key after the change.' })
  apiKey: ApiKey | null;
}

@ObjectType({ description: 'A page of API keys, newest first.' })
export class ApiKeyConnection extends Connection(ApiKey) {}
