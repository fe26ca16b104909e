import 'reflect-metadata';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedDirective,
  isSpecifiedScalarType,
} from 'graphql';
import { LivePubSub } from '../src/live/pubsub';
import { createSchema } from '../src/app/schema';

const described = (d: string | null | undefined) => Boolean(d?.trim());

/**
 * Every type, field, argument, input field, enum value and directive of ours without a description, as
 * `Type`, `Type.field`, `Type.field(arg:)`, `Enum.VALUE`, `@directive(arg:)`. Built-in scalars, directives
 * and introspection types are graphql-js's, not ours.
 */
export function undescribed(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  const check = (path: string, d: string | null | undefined) => described(d) || missing.push(path);
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
    check(type.name, type.description);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        check(`${type.name}.${field.name}`, field.description);
        for (const arg of 'args' in field ? field.args : []) {
          check(`${type.name}.${field.name}(${arg.name}:)`, arg.description);
        }
      }
    }
    if (isEnumType(type)) for (const value of type.getValues()) check(`${type.name}.${value.name}`, value.description);
  }
  for (const directive of schema.getDirectives().filter((d) => !isSpecifiedDirective(d))) {
    check(`@${directive.name}`, directive.description);
    for (const arg of directive.args) check(`@${directive.name}(${arg.name}:)`, arg.description);
  }
  return missing.sort();
}

describe('schema descriptions', () => {
  it('describes every type, field, argument, input field, enum value and directive (the integrators manual)', async () => {
    const missing = undescribed(await createSchema(new LivePubSub()));
    assert.deepEqual(missing, [], `${missing.length} without a description:\n  ${missing.join('\n  ')}`);
  });
});
