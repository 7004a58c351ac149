import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** The query builder's entry points: a call to one of them is SQL. */
const QUERY_BUILDERS = 'selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto|selectNoFrom';

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'bench-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // One unit of work (main/store/unitOfWork.ts) opens every transaction and appends its audit entries.
    // Tests about the store itself (migrations, the chain, the bench) may still reach below it.
    files: ['main/**/*.ts'],
    ignores: ['main/store/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/store/audit'],
              importNames: ['appendAudit'],
              message: 'Audit entries go through a unit of work: uow.audit(entry) (main/store/unitOfWork.ts).',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='transaction'][arguments.length=0]",
          message: 'Open transactions with unitOfWork (main/store/unitOfWork.ts), which also writes the audit entries.',
        },
      ],
    },
  },
  {
    // SQL lives in main/store/ and in the queries files (main/areas/<area>/queries.ts, *Queries.ts, and the
    // demo generator's main/demo/queries.ts): a service says what it needs by name, and a port to another
    // engine (issue 19) has one place per area to look.
    files: ['main/**/*.ts'],
    ignores: ['main/store/**', 'main/areas/*/queries.ts', 'main/areas/*/*Queries.ts', 'main/demo/queries.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/store/audit'],
              importNames: ['appendAudit'],
              message: 'Audit entries go through a unit of work: uow.audit(entry) (main/store/unitOfWork.ts).',
            },
            {
              group: ['kysely'],
              message:
                "SQL belongs in the area's queries.ts (or main/store/); take the store's types from main/store/schema.ts.",
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='transaction'][arguments.length=0]",
          message: 'Open transactions with unitOfWork (main/store/unitOfWork.ts), which also writes the audit entries.',
        },
        {
          selector: `CallExpression[callee.property.name=/^(${QUERY_BUILDERS})$/]`,
          message: "SQL belongs in the area's queries.ts (or main/store/): call a named query from there.",
        },
      ],
    },
  },
  {
    // The store is below every area: it imports none of them.
    files: ['main/store/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/areas/**', '**/app/**'], message: 'main/store imports no area and no app code.' }] },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // renderer/src/api.ts is the renderer's one way to the main process.
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/src/api.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='window'][property.name=/^(luukku|__luukkuInvoke)$/]",
          message: 'Call the main process through api (renderer/src/api.ts).',
        },
      ],
    },
  },
);
