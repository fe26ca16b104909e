import { Field, ObjectType } from 'type-graphql';
import { Connection } from '../../common/connection';
import { MutationPayload } from '../../common/user-error';
import { ApiKey } from './api-key.entity';
import { StaffUser } from './staff-user.entity';

@ObjectType()
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

@ObjectType()
export class UserPayload extends MutationPayload {
  @Field(() => StaffUser, { nullable: true })
  user: StaffUser | null;
}

@ObjectType()
export class UserConnection extends Connection(StaffUser) {}

@ObjectType()
export class CreateApiKeyPayload extends MutationPayload {
  @Field(() => ApiKey, { nullable: true })
  apiKey: ApiKey | null;

  @Field(() => String, {
    nullable: true,
    description: 'The full key. Shown only now: store it safely, it cannot be read again.',
  })
  secret: string | null;
}

@ObjectType()
export class ApiKeyPayload extends MutationPayload {
  @Field(() => ApiKey, { nullable: true })
  apiKey: ApiKey | null;
}

@ObjectType()
export class ApiKeyConnection extends Connection(ApiKey) {}
