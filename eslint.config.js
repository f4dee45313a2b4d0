// @ts-check
/**
 * @module eslint.config
 * Lint with type information: typescript-eslint's strict and stylistic type-checked rules over
 * every TypeScript file in tsconfig.json, and the rules of React hooks over the client's components.
 * Formatting is prettier's job (`.prettierrc.json`); no rule here decides layout.
 */
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  globalIgnores([
    '**/node_modules/',
    '**/dist/',
    '**/.cache/',
    'data/',
    'tests/artifacts/',
    'bench/results/',
    // GraphQL Code Generator's output (`npm run codegen`): checked by the compiler and by codegen.test.ts
    'client/src/api/generated/',
  ]),
  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: {
      reportUnusedDisableDirectives: 'error',
    },
    rules: {
      // Counts, offsets and line numbers go into messages all the time; `${count}` prints a number
      // exactly as String(count) would, so only the types that print badly (undefined, null,
      // objects) stay errors.
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true, allowAny: false, allowBoolean: false, allowNever: false, allowNullish: false, allowRegExp: false },
      ],
      // `onClick={() => setOpen(false)}` and `.forEach((x) => set.add(x))` return nothing anyone
      // reads; braces around every such arrow would add lines, not safety.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // `[...text]` splits a string into code points on purpose: offsets, diffs and bigrams over
      // Chinese text count code points (one per character), not grapheme clusters. Spreads of
      // promises, maps, functions and class instances stay errors.
      '@typescript-eslint/no-misused-spread': ['error', { allow: ['string'] }],
      // An empty string means "not given" here (an empty env variable, a title without its English
      // form, an empty field path), and `text || fallback` says so; `??` would keep the empty string.
      '@typescript-eslint/prefer-nullish-coalescing': ['error', { ignorePrimitives: { string: true } }],
      // `async` without `await` implements an interface that returns a promise (document readers,
      // stores, fakes in tests) and turns a throw into a rejection, which callers rely on.
      '@typescript-eslint/require-await': 'off',
      // It rewrites `value as Unit` into `value!`, which no-non-null-assertion (kept on) then forbids:
      // the two rules contradict each other.
      '@typescript-eslint/non-nullable-type-assertion-style': 'off',
      // `const { relation, ...link } = row` names a field to leave it out of the rest: the named
      // field is meant to go unused.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },
  {
    files: ['**/*.test.ts', 'tests/**/*.ts'],
    rules: {
      // In a test, `found!.title` on a missing value throws and fails the test, which is what it
      // should do; narrowing with `if (found)` would skip the assertions and let it pass.
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['client/**/*.tsx'],
    extends: [reactHooks.configs.flat.recommended],
  },
  {
    // plain JavaScript (this file) is outside tsconfig.json
    files: ['**/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
  },
);
