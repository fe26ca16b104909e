import { Field, ObjectType, registerEnumType } from 'type-graphql';

/** Each code's description in the schema, by code: filled by errorCodes() and describeErrorCodes(). */
const ERROR_CODE_DESCRIPTIONS = new Map<string, string>();

/**
 * Codes every module may use. A module declares its own in `<module>.errors.ts` with errorCodes() and
 * adds them to UserErrorCodes by declaration merging; app/modules.ts composes them into the schema's
 * one UserErrorCode enum. Each code comes with its description: the schema is the integrators' manual.
 */
export const COMMON_ERROR_CODES = errorCodes({
  INVALID_INPUT: 'An input value is malformed or out of range; `field` names it and `message` says what is expected.',
  TOO_LONG: 'A text input is longer than allowed; `message` gives the limit.',
  INVALID_QUANTITY: 'A quantity is not a whole number in the allowed range (at least 1 unless said otherwise).',
  INVALID_PHONE: 'Not a mainland China phone number (11-digit mobile, or a landline with area code).',
  NOT_FOUND: 'The id (or number) names nothing the caller may see.',
  NOTHING_TO_CHANGE: 'The input would change nothing; nothing was written.',
  ILLEGAL_TRANSITION: "The thing's current status does not allow this step; `message` says which status it is in.",
  IDEMPOTENCY_KEY_REUSED: 'The idempotency key was already used for a different request.',
});
/** Every code of every module, by declaration merging: `interface UserErrorCodes extends ErrorCodesOf<typeof X> {}`. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface UserErrorCodes extends ErrorCodesOf<typeof COMMON_ERROR_CODES> {}

export type UserErrorCode = keyof UserErrorCodes;

export type ErrorCodesOf<L extends readonly string[]> = { readonly [K in L[number]]: K };

/** Describes codes in the schema's UserErrorCode enum (errorCodes({ CODE: description }) does it for its own). */
export function describeErrorCodes<C extends string>(descriptions: Readonly<Record<C, string>>): void {
  for (const [code, description] of Object.entries<string>(descriptions))
    ERROR_CODE_DESCRIPTIONS.set(code, description);
}

/**
 * A module's error codes, each with its description (`{ OUT_OF_STOCK: 'Not enough …' }`), or as a plain
 * list (described elsewhere with describeErrorCodes); the codes come back as a list, so they can be composed.
 */
export function errorCodes<const L extends readonly string[]>(codes: L): L;
export function errorCodes<const D extends Readonly<Record<string, string>>>(
  described: D,
): readonly (keyof D & string)[];
export function errorCodes(codes: readonly string[] | Readonly<Record<string, string>>): readonly string[] {
  if (Array.isArray(codes)) return codes;
  describeErrorCodes(codes as Readonly<Record<string, string>>);
  return Object.keys(codes);
}

/** The schema's enum and its values' descriptions: filled by composeErrorCodes before the schema is built. */
const USER_ERROR_CODE_ENUM: Record<string, string> = {};
const USER_ERROR_CODE_VALUES: Record<string, { description?: string }> = {};

/** Fills the schema's UserErrorCode enum with the common codes and the modules'; a code declared twice is a mistake. */
export function composeErrorCodes(lists: readonly (readonly string[])[]): void {
  for (const key of Object.keys(USER_ERROR_CODE_ENUM)) {
    delete USER_ERROR_CODE_ENUM[key];
    delete USER_ERROR_CODE_VALUES[key];
  }
  for (const list of [COMMON_ERROR_CODES, ...lists]) {
    for (const code of list) {
      if (code in USER_ERROR_CODE_ENUM) {
        throw new Error(`error code ${code} is declared by two modules`);
      }
      USER_ERROR_CODE_ENUM[code] = code;
      USER_ERROR_CODE_VALUES[code] = { description: ERROR_CODE_DESCRIPTIONS.get(code) };
    }
  }
}

registerEnumType(USER_ERROR_CODE_ENUM, {
  name: 'UserErrorCode',
  description: 'Why a mutation did not do what was asked.',
  valuesConfig: USER_ERROR_CODE_VALUES,
});

@ObjectType({ description: 'An expected failure of a mutation: nothing was changed.' })
export class UserError {
  @Field(() => USER_ERROR_CODE_ENUM, { description: 'What went wrong, for programs to act on.' })
  code: UserErrorCode;

  @Field(() => [String], {
    nullable: true,
    description: 'Path to the input field at fault, e.g. ["input", "lines", "0", "quantity"].',
  })
  field: string[] | null;

  @Field({ description: 'What went wrong, for people (English); do not parse it, use `code`.' })
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
  @Field(() => [UserError], {
    description: "Why the mutation did nothing; empty when it succeeded (then the payload's other fields are set).",
  })
  userErrors: UserError[] = [];
}
