import { Field, ObjectType, registerEnumType } from 'type-graphql';

export enum UserErrorCode {
  INVALID_INPUT = 'INVALID_INPUT',
  TOO_LONG = 'TOO_LONG',
  INVALID_QUANTITY = 'INVALID_QUANTITY',
  INVALID_PHONE = 'INVALID_PHONE',
  EMPTY_LINES = 'EMPTY_LINES',
  TOO_MANY_LINES = 'TOO_MANY_LINES',
  NOT_FOUND = 'NOT_FOUND',
  UNKNOWN_SKU = 'UNKNOWN_SKU',
  UNKNOWN_WAREHOUSE = 'UNKNOWN_WAREHOUSE',
  PRODUCT_INACTIVE = 'PRODUCT_INACTIVE',
  OUT_OF_STOCK = 'OUT_OF_STOCK',
  ILLEGAL_TRANSITION = 'ILLEGAL_TRANSITION',
  NOT_EDITABLE = 'NOT_EDITABLE',
  NOTHING_TO_CHANGE = 'NOTHING_TO_CHANGE',
  IDEMPOTENCY_KEY_REUSED = 'IDEMPOTENCY_KEY_REUSED',
  BELOW_RESERVED = 'BELOW_RESERVED',
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
  LOGIN_THROTTLED = 'LOGIN_THROTTLED',
  EMAIL_TAKEN = 'EMAIL_TAKEN',
  WEAK_PASSWORD = 'WEAK_PASSWORD',
  ALREADY_REVOKED = 'ALREADY_REVOKED',
}

registerEnumType(UserErrorCode, { name: 'UserErrorCode', description: 'Why a mutation did not do what was asked.' });

@ObjectType({ description: 'An expected failure of a mutation: nothing was changed.' })
export class UserError {
  @Field(() => UserErrorCode)
  code: UserErrorCode;

  @Field(() => [String], { nullable: true, description: 'Path to the input field at fault, e.g. ["input", "lines", "0", "quantity"].' })
  field: string[] | null;

  @Field()
  message: string;
}

export function userError(code: UserErrorCode, message: string, field: readonly (string | number)[] | null = null): UserError {
  return Object.assign(new UserError(), { code, message, field: field ? field.map(String) : null });
}

/** Thrown inside a transaction to roll it back and answer with userErrors. */
export class UserFailure extends Error {
  constructor(readonly errors: UserError[]) {
    super(errors.map((e) => e.message).join('; '));
  }
}

export function fail(code: UserErrorCode, message: string, field: readonly (string | number)[] | null = null): never {
  throw new UserFailure([userError(code, message, field)]);
}

@ObjectType()
export abstract class MutationPayload {
  @Field(() => [UserError])
  userErrors: UserError[] = [];
}
