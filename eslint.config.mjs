// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import prettier from 'eslint-config-prettier';

/*
 * One lint for the monorepo: `npm run lint` (eslint, then prettier --check). typescript-eslint's
 * recommended rules without type information, so linting stays a few seconds on two cores; the
 * compiler (strict, `tsc -b`) already checks types. eslint-config-prettier comes last: Prettier owns
 * formatting, ESLint only what formatting cannot express.
 */
export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      'apps/dashboard/src/gql/**',
      '.data/**',
      '**/bench-data/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Unused bindings are errors, except deliberate ones spelled with a leading `_` (positional
      // parameters a signature needs, destructuring that drops a property, `catch (_)`).
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  {
    // type-graphql keeps its BuildContext (global middlewares, authChecker) unexported, so the resolver
    // fast path requires its file by path.
    files: ['apps/api/src/common/fast-resolvers.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // type-graphql types resolver classes and metadata targets as `Function` (buildSchema's
    // `resolvers: NonEmptyArray<Function>`, its metadata storage); code handing classes to it says the same.
    files: ['apps/api/src/common/fast-resolvers.ts', 'apps/api/src/app/modules.ts'],
    rules: { '@typescript-eslint/no-unsafe-function-type': 'off' },
  },
  {
    // Specs reach into internals and build partial fakes (an EntityManager with only `query`, a row as
    // `any`); the unit under test is typed, the scaffolding need not be.
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.rel-spec.ts', 'apps/api/test/**/*.ts', 'e2e/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // The benchmarks are clients of the API's JSON answers (gql<T = any>) and, in bench/baselines, a
    // hand-written server over untyped rows: what they read is checked by their assertions, not types.
    files: ['bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['apps/dashboard/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  prettier,
);
