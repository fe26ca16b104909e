import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Types every GraphQL document in src/modules/<feature>/graphql from the committed schema.
 * Run `npm run codegen` after changing a document or schema.graphql; the output in src/gql is committed.
 */
const config: CodegenConfig = {
  schema: '../../schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*'],
  ignoreNoDocuments: false,
  generates: {
    './src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false, gqlTagName: 'graphql' },
      config: {
        scalars: { DateTimeISO: 'string', JSONObject: 'Record<string, unknown>' },
        strictScalars: true,
        enumType: 'string-literal',
        useTypeImports: true,
        skipTypename: false,
      },
    },
  },
};

export default config;
