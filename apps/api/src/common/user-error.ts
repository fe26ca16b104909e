import { Field, ObjectType, registerEnumType } from 'type-graphql';

/**
 * Codes every module may use. A module declares its own in `<module>.errors.ts` with errorCodes() and
 * adds them to UserErrorCodes by declaration merging; app/modules.ts composes them into the schema's
 * one UserErrorCode enum.
 */
export const COMMON_ERROR_CODES = errorCodes([
  'INVALID_INPUT',
  'TOO_LONG',
  'INVALID_QUANTITY',
  'INVALID_PHONE',
  'NOT_FOUND',
  'NOTHING_TO_CHANGE',
  'ILLEGAL_TRANSITION',
  'IDEMPOTENCY_KEY_REUSED',
]);

/** Every code of every module, by declaration merging: `interface UserErrorCodes extends ErrorCodesOf<typeof X> {}`. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface UserErrorCodes extends ErrorCodesOf<typeof COMMON_ERROR_CODES> {}

export type UserErrorCode = keyof UserErrorCodes;

export type ErrorCodesOf<L extends readonly string[]> = { readonly [K in L[number]]: K };

/** A module's error codes (a list, so it can be composed). */
export function errorCodes<const L extends readonly string[]>(codes: L): L {
  return codes;
}

/** The schema's enum: filled by composeErrorCodes before the schema is built. */
const USER_ERROR_CODE_ENUM: Record<string, string> = {};

/** Fills the schema's UserErrorCode enum with the common codes and the modules'; a code declared twice is a mistake. */
export function composeErrorCodes(lists: readonly (readonly string[])[]): void {
  for (const key of Object.keys(USER_ERROR_CODE_ENUM)) delete USER_ERROR_CODE_ENUM[key];
  for (const list of [COMMON_ERROR_CODES, ...lists]) {
    for (const code of list) {
      if (code in USER_ERROR_CODE_ENUM) {
        throw new Error(`error code ${code} is declared by two modules`);
      }
      USER_ERROR_CODE_ENUM[code] = code;
    }
  }
}

registerEnumType(USER_ERROR_CODE_ENUM, {
  name: 'UserErrorCode',
  description: 'Why a mutation did not do what was asked.',
});

@ObjectType({ description: 'An expected failure of a mutation: nothing was changed.' })
export class UserError {
  @Field(() => USER_ERROR_CODE_ENUM)
  code: UserErrorCode;

  @Field(() => [String], {
    nullable: true,
    description: 'Path to the input field at fault, e.g. ["input", "lines", "0", "quantity"].',
  })
  field: string[] | null;

  @Field()
  message: string;
}

export function userError(
  code: UserErrorCode,
  message: string,
  field: readonly (string | number)[] | null = null,
): UserError {
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
