import { validate, ValidationError } from 'class-validator';
import { UserError, UserErrorCode, userError } from './user-error';

/** Options that tie a class-validator rule to the userError code clients see. */
export const code = (c: UserErrorCode, message?: string) => ({ context: { code: c }, ...(message ? { message } : {}) });

/** Validates a mutation input (class-validator rules on the input class) into userErrors with field paths. */
export async function validateInput(input: object, root = 'input'): Promise<UserError[]> {
  const errors = await validate(input, { forbidUnknownValues: false, stopAtFirstError: true });
  const out: UserError[] = [];
  const walk = (list: ValidationError[], path: string[]) => {
    for (const e of list) {
      const here = [...path, e.property];
      for (const [rule, message] of Object.entries(e.constraints ?? {})) {
        const c = (e.contexts?.[rule]?.code as UserErrorCode | undefined) ?? 'INVALID_INPUT';
        out.push(userError(c, message, here));
      }
      if (e.children?.length) walk(e.children, here);
    }
  };
  walk(errors, [root]);
  return out;
}
